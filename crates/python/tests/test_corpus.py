"""Extractor.corpus_records: the records of `dechaff corpus`, from Python."""

import json

import pytest

import dechaff

FIELDS = ["id", "url", "status", "reason", "title", "lang", "encoding", "text", "metadata", "source"]


def test_records_of_every_input_kind(crawl):
    ex = dechaff.Extractor()
    statuses = {}
    for path in crawl:
        recs = [json.loads(line) for line in ex.corpus_records(path)]
        assert recs, path
        for r in recs:
            assert list(r) == FIELDS
            assert r["source"]["file"] == path
            statuses.setdefault(r["status"], set()).add(r["reason"])
    assert {"ok", "skipped", "error"} <= set(statuses)
    assert {"non_200", "not_html"} <= statuses["skipped"]
    assert {"bad_json", "missing_html_field"} <= statuses["error"]
    warc = [json.loads(line) for line in ex.corpus_records(crawl[0])]
    latin = next(r for r in warc if r["url"] == "https://example.com/latin1")
    assert "crème brûlée" in latin["text"]


def test_options_and_name(crawl):
    ex = dechaff.Extractor()
    path = crawl[2]
    all_recs = [json.loads(line) for line in ex.corpus_records(path, name="renamed.jsonl")]
    assert {r["source"]["file"] for r in all_recs} == {"renamed.jsonl"}
    ok = [json.loads(line) for line in ex.corpus_records(path, only_ok=True)]
    assert ok and all(r["status"] in ("ok", "degraded") for r in ok)
    assert len(ok) < len(all_recs)
    md = [json.loads(line) for line in ex.corpus_records(path, markdown=True, lang="en,und")]
    assert any(r["reason"] == "lang_filtered" for r in md)
    assert any(r["text"] and "#" in r["text"] for r in md)


def test_errors(tmp_path):
    ex = dechaff.Extractor()
    with pytest.raises(OSError, match="nothing-here"):
        ex.corpus_records(str(tmp_path / "nothing-here.warc"))
    with pytest.raises(ValueError, match="input_format"):
        ex.corpus_records(str(tmp_path), input_format="pdf")
    with pytest.raises(TypeError, match="lang"):
        ex.corpus_records(str(tmp_path), lang=5)


def test_stopping_early_is_fine(crawl):
    it = dechaff.Extractor().corpus_records(crawl[0])
    first = next(it)
    del it  # the reader thread stops on its own
    assert json.loads(first)["source"]["offset"] == 0 or json.loads(first)["status"]


@pytest.mark.parametrize("flags", [[], ["--markdown", "--preset", "recall", "--only-ok"]])
def test_same_bytes_as_the_command_line(crawl, dechaff_cli, tmp_path, flags):
    cli = dechaff_cli(crawl, str(tmp_path / "cli.jsonl"), *flags)
    preset = flags[flags.index("--preset") + 1] if "--preset" in flags else "balanced"
    ex = dechaff.Extractor(preset=preset)
    lines = []
    for path in crawl:
        lines += ex.corpus_records(path, markdown="--markdown" in flags, only_ok="--only-ok" in flags)
    ours = "".join(line + "\n" for line in lines).encode()
    assert ours == cli
