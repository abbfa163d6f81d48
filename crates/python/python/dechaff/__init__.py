"""dechaff: a web page's main content, without its boilerplate.

The extraction runs in Rust (the ``dechaff`` crate) with the GIL released:

>>> import dechaff
>>> dechaff.extract(b"<html><body><article><p>" + b"Some words. " * 20 + b"</p></article></body></html>")[:11]
'Some words.'

- :func:`extract` one page, to text, Markdown or a ``dict``;
- :class:`Extractor` built once with options, shared by any number of threads;
- :func:`extract_many` a list of pages on every core;
- :meth:`Extractor.corpus_records` the JSONL records of ``dechaff corpus``
  for a WARC, JSONL or HTML input;
- :mod:`dechaff.datatrove` a step for datatrove pipelines (optional).
"""

from ._dechaff import CorpusRecords, Extractor, __version__, extract, extract_many

__all__ = ["CorpusRecords", "Extractor", "__version__", "extract", "extract_many"]
