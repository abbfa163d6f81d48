"""A datatrove extractor step backed by dechaff.

``DechaffExtractor`` takes the place of datatrove's ``Trafilatura`` step in
a pipeline: same constructor arguments, same place in the pipeline, each
document's ``text`` (its HTML) replaced by the extracted text, documents
left empty dropped. datatrove is needed only here: install it with
``pip install datatrove`` (or ``dechaff[datatrove]``).

>>> from datatrove.pipeline.readers import WarcReader
>>> from dechaff.datatrove import DechaffExtractor
>>> pipeline = [WarcReader("s3://bucket/crawl/"), DechaffExtractor(), ...]  # doctest: +SKIP
"""

from typing import Any, Optional

from . import Extractor

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as e:  # datatrove is an optional dependency
    raise ImportError(
        "dechaff.datatrove needs datatrove: pip install datatrove (or dechaff[datatrove])"
    ) from e


class DechaffExtractor(BaseExtractor):
    """Extracts each document's main content with dechaff.

    Args:
        favour_precision: as for ``Trafilatura``: prefer less text, all of
            it content (dechaff's ``preset="precision"``). Default ``False``,
            dechaff's balanced preset.
        include_images: not supported, as for ``Trafilatura``.
        timeout: seconds per document, enforced by datatrove's sandbox.
        deduplicate: accepted for compatibility; dechaff always drops
            repeated blocks.
        output: ``"txt"`` (default) or ``"markdown"``.
        **options: dechaff options (``preset``, ``comments``, ``keep_all``,
            ``max_bytes``, ``max_nodes``, ``max_depth``); ``preset`` wins
            over ``favour_precision``.
    """

    name = "🌾 dechaff"
    _requires_dependencies = ["dechaff"]

    def __init__(
        self,
        favour_precision: bool = False,
        include_images: bool = False,
        timeout: float = 1,
        deduplicate: bool = True,
        output: str = "txt",
        **options: Any,
    ):
        super().__init__(timeout)
        if include_images:
            raise NotImplementedError("dechaff extracts text only: include_images is not supported")
        if output not in ("txt", "markdown"):
            raise ValueError(f"output must be 'txt' or 'markdown', not {output!r}")
        if favour_precision and "preset" not in options:
            options["preset"] = "precision"
        self.favour_precision = favour_precision
        self.deduplicate = deduplicate
        self.output = output
        self.options = options
        # Built now so that a bad option fails at pipeline construction,
        # not in a worker; rebuilt after pickling (see __getstate__).
        self._extractor: Optional[Extractor] = Extractor(**options)

    def __getstate__(self) -> dict:
        # The compiled extractor cannot be pickled; its options can, and
        # datatrove pickles steps to send them to its workers.
        state = self.__dict__.copy()
        state["_extractor"] = None
        return state

    def extract(self, text: str) -> str:
        """The main content of one page (``text`` holds its HTML)."""
        if self._extractor is None:
            self._extractor = Extractor(**self.options)
        return self._extractor.extract(text, output=self.output)
