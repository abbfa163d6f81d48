"""Type stubs of the compiled module (see the docstrings in the module itself)."""

import os
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Tuple, Union, overload

__version__: str

Html = Union[bytes, bytearray, str]
"""A page: bytes in any charset, or already decoded text."""

Doc = Union[Html, Tuple[Html, Optional[str]], Tuple[Html, Optional[str], Optional[str]]]
"""A page for ``extract_many``: the page, or ``(page, url)``, or ``(page, url, content_type)``."""

TextOutput = Literal["txt", "text", "markdown", "md"]
PresetName = Literal["precision", "balanced", "recall"]

@overload
def extract(
    html: Html,
    url: Optional[str] = None,
    output: TextOutput = "txt",
    content_type: Optional[str] = None,
    *,
    comments: bool = False,
    keep_all: bool = False,
    preset: PresetName = "balanced",
    max_bytes: int = 16777216,
    max_nodes: int = 1000000,
    max_depth: int = 512,
) -> str: ...
@overload
def extract(
    html: Html,
    url: Optional[str] = None,
    output: Literal["json"] = ...,
    content_type: Optional[str] = None,
    *,
    comments: bool = False,
    keep_all: bool = False,
    preset: PresetName = "balanced",
    max_bytes: int = 16777216,
    max_nodes: int = 1000000,
    max_depth: int = 512,
) -> dict[str, Any]: ...
def extract_many(
    docs: Iterable[Doc],
    threads: Optional[int] = None,
    output: Literal["txt", "text", "markdown", "md", "json"] = "txt",
    *,
    comments: bool = False,
    keep_all: bool = False,
    preset: PresetName = "balanced",
    max_bytes: int = 16777216,
    max_nodes: int = 1000000,
    max_depth: int = 512,
) -> list[Any]:
    """One result per page (``str``, or ``dict`` for ``output="json"``), in input order."""

class Extractor:
    """A configured extractor, immutable and safe to share between threads."""

    def __init__(
        self,
        *,
        comments: bool = False,
        keep_all: bool = False,
        preset: PresetName = "balanced",
        max_bytes: int = 16777216,
        max_nodes: int = 1000000,
        max_depth: int = 512,
    ) -> None: ...
    @overload
    def extract(
        self,
        html: Html,
        url: Optional[str] = None,
        output: TextOutput = "txt",
        content_type: Optional[str] = None,
    ) -> str: ...
    @overload
    def extract(
        self,
        html: Html,
        url: Optional[str] = None,
        output: Literal["json"] = ...,
        content_type: Optional[str] = None,
    ) -> dict[str, Any]: ...
    def extract_many(
        self,
        docs: Iterable[Doc],
        threads: Optional[int] = None,
        output: Literal["txt", "text", "markdown", "md", "json"] = "txt",
    ) -> list[Any]: ...
    def corpus_records(
        self,
        path: Union[str, "os.PathLike[str]"],
        name: Optional[str] = None,
        *,
        markdown: bool = False,
        min_length: int = 0,
        lang: Union[None, str, Sequence[str]] = None,
        only_ok: bool = False,
        keep_non_200: bool = False,
        html_field: str = "html",
        id_field: str = "id",
        url_field: str = "url",
        input_format: Optional[Literal["warc", "jsonl", "html"]] = None,
    ) -> "CorpusRecords": ...
    @property
    def comments(self) -> bool: ...
    @property
    def keep_all(self) -> bool: ...
    @property
    def preset(self) -> PresetName: ...
    @property
    def max_bytes(self) -> int: ...
    @property
    def max_nodes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...

class CorpusRecords(Iterator[str]):
    """The JSONL records (no newline) of one input, as ``dechaff corpus`` writes them."""

    def __iter__(self) -> "CorpusRecords": ...
    def __next__(self) -> str: ...
