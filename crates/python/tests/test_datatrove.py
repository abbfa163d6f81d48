"""dechaff.datatrove.DechaffExtractor in a datatrove pipeline, in place of
its Trafilatura step. Skipped when datatrove is not installed."""

import os
import pickle

import pytest

try:
    from datatrove.data import Document
    from datatrove.pipeline.extractors import Trafilatura
except ImportError:
    if os.environ.get("DECHAFF_REQUIRE_DATATROVE") == "1":
        raise
    pytest.skip(
        "datatrove is not installed (pip install datatrove): the adapter is not tested",
        allow_module_level=True,
    )

import inspect

import dechaff
from dechaff.datatrove import DechaffExtractor


def test_drop_in_for_trafilatura(sample_pages):
    # Every argument Trafilatura's constructor takes, DechaffExtractor takes.
    ours = inspect.signature(DechaffExtractor.__init__).parameters
    theirs = inspect.signature(Trafilatura.__init__).parameters.values()
    for param in theirs:
        if param.kind is not param.VAR_KEYWORD:
            assert param.name in ours, param.name
    docs = [Document(text=body.decode("utf-8", "replace"), id=name, metadata={"url": f"https://e.com/{name}"})
            for name, body in sample_pages]
    docs.append(Document(text="", id="empty"))
    step = DechaffExtractor(timeout=5)
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == [name for name, _ in sample_pages]
    for d, (name, body) in zip(out, sample_pages):
        assert d.text == dechaff.extract(body.decode("utf-8", "replace"))
    assert step.stats["extracted"].total == len(docs)


def test_options_and_pickling():
    step = DechaffExtractor(favour_precision=True, output="markdown", comments=True)
    assert step.options == {"comments": True, "preset": "precision"}
    back = pickle.loads(pickle.dumps(step))
    html = "<article><h2>Title here</h2><p>" + "A sentence of real content, long enough. " * 5 + "</p></article>"
    assert back.extract(html) == dechaff.extract(html, output="markdown", preset="precision", comments=True)
    with pytest.raises(ValueError, match="preset"):
        DechaffExtractor(preset="fast")
    with pytest.raises(NotImplementedError):
        DechaffExtractor(include_images=True)
