"""Interoperability of `dechaff corpus` with WARC files written by warcio.

warcio (the Webrecorder project's WARC library) writes every WARC here:
gzip with one member per record and uncompressed, WARC/1.0 and 1.1, with
request, metadata, warcinfo and non-HTML records, a record marked
WARC-Truncated, a corrupt gzip member, a file cut short. The dechaff binary
reads them; the tests check its JSONL: every good record there with its
text, every bad one reported with its file and offset, nothing lost.

The binary is $DECHAFF_BIN, else the first of $CARGO_TARGET_DIR/release,
target/release and target/debug that exists. Run with pytest.
"""

import gzip
import io
import json
import os
import pathlib
import subprocess

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = pathlib.Path(__file__).resolve().parents[4]


def find_binary():
    if os.environ.get("DECHAFF_BIN"):
        return pathlib.Path(os.environ["DECHAFF_BIN"])
    candidates = []
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(pathlib.Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "dechaff")
    candidates += [REPO / "target" / "release" / "dechaff", REPO / "target" / "debug" / "dechaff"]
    for c in candidates:
        if c.exists():
            return c
    # Failing here (not skipping) keeps a missing build from passing as green.
    raise RuntimeError(f"no dechaff binary: build it or set DECHAFF_BIN (looked at {candidates})")


BIN = find_binary()


def page(title, topic):
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>"
        f"<p>The first paragraph about {topic} says what happened, where it happened, "
        "and why it matters to readers.</p>"
        f"<p>The second paragraph about {topic} gives the details that a reader came for, "
        "at some length too.</p>"
        "</article><footer>Copyright 2026 Example Corp</footer></body></html>"
    )


def first_sentence(topic):
    return f"The first paragraph about {topic} says what happened"


class Warc:
    """Builds a WARC with warcio."""

    def __init__(self, path, gzip_members=True, version="1.0"):
        self.path = path
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=gzip_members, warc_version=version)

    def warcinfo(self):
        rec = self.writer.create_warcinfo_record(self.path.name, {"software": "pytest"})
        self.writer.write_record(rec)

    def response(self, name, body, status="200 OK", ctype="text/html; charset=utf-8",
                 http_extra=(), warc_headers=None):
        headers = [("Content-Type", ctype)] + list(http_extra)
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        if isinstance(body, str):
            body = body.encode("utf-8")
        rec = self.writer.create_warc_record(
            f"https://example.com/{name}", "response", payload=io.BytesIO(body),
            length=len(body), http_headers=http, warc_headers_dict=warc_headers or {})
        self.writer.write_record(rec)
        return rec.rec_headers.get_header("WARC-Record-ID")

    def html(self, name):
        return self.response(name, page(f"Story {name}", f"topic-{name}"))

    def request(self, name):
        http = StatusAndHeaders(f"GET /{name} HTTP/1.1", [("Host", "example.com")],
                                is_http_request=True)
        rec = self.writer.create_warc_record(f"https://example.com/{name}", "request",
                                             http_headers=http)
        self.writer.write_record(rec)

    def metadata(self, name):
        payload = b"fetchTimeMs: 42\r\n"
        rec = self.writer.create_warc_record(
            f"https://example.com/{name}", "metadata", payload=io.BytesIO(payload),
            length=len(payload), warc_content_type="application/warc-fields")
        self.writer.write_record(rec)

    def save(self):
        self.path.write_bytes(self.buf.getvalue())
        return self.path


def offsets(path):
    """warcio's own offsets of each record, by WARC-Record-ID."""
    out = {}
    with open(path, "rb") as f:
        it = ArchiveIterator(f)
        for rec in it:
            out[rec.rec_headers.get_header("WARC-Record-ID")] = it.get_record_offset()
    return out


def run(*args, check=True):
    proc = subprocess.run([str(BIN), "corpus", "-q", *map(str, args)],
                          capture_output=True, text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def by_id(records):
    return {r["id"]: r for r in records if r["id"] is not None}


def mixed_warc(path, gzip_members=True, version="1.0"):
    w = Warc(path, gzip_members, version)
    w.warcinfo()
    ids = {}
    for name in ["a", "b", "c", "d", "e"]:
        w.request(name)
        ids[name] = w.html(name)
        w.metadata(name)
    ids["png"] = w.response("img.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ctype="image/png")
    ids["json"] = w.response("data.json", '{"a": [1, 2, 3]}', ctype="application/json")
    ids["404"] = w.response("missing", "<p>Not found</p>", status="404 Not Found")
    return w.save(), ids


@pytest.mark.parametrize("gzip_members,version", [(True, "1.0"), (True, "1.1"), (False, "1.0"),
                                                  (False, "1.1")])
def test_records_of_every_kind(tmp_path, gzip_members, version):
    ext = "warc.gz" if gzip_members else "warc"
    warc, ids = mixed_warc(tmp_path / f"mixed.{ext}", gzip_members, version)
    out = tmp_path / "out.jsonl"
    stats = tmp_path / "stats.json"
    run(warc, "-o", out, "--stats", stats)
    records = read_jsonl(out)
    got = by_id(records)
    # One record per response; none for warcinfo, request, metadata.
    assert len(records) == 8
    where = offsets(warc)
    for name in "abcde":
        r = got[ids[name]]
        assert r["status"] == "ok", r
        assert r["url"] == f"https://example.com/{name}"
        assert r["title"] == f"Story {name}"
        assert first_sentence(f"topic-{name}") in r["text"]
        assert "Copyright" not in r["text"] and "Sport" not in r["text"]
        # The offsets are those warcio itself reports.
        assert r["source"]["offset"] == where[ids[name]]
        assert r["source"]["file"] == str(warc)
    assert got[ids["png"]]["reason"] == "not_html"
    assert got[ids["json"]]["reason"] == "not_html"
    assert got[ids["404"]]["reason"] == "non_200"
    summary = json.loads(stats.read_text())
    assert summary["other_records"] == {"metadata": 5, "request": 5, "warcinfo": 1}
    assert summary["status"] == {"ok": 5, "skipped": 3}


def test_truncated_record_is_kept_as_degraded(tmp_path):
    w = Warc(tmp_path / "trunc.warc.gz")
    first = w.html("before")
    full = page("Cut", "cut-short").encode()
    cut = w.response("cut", full[: len(full) - 70], warc_headers={"WARC-Truncated": "length"})
    last = w.html("after")
    warc = w.save()
    out = tmp_path / "out.jsonl.gz"
    run(warc, "-o", out)
    got = by_id(read_jsonl(out))
    assert got[cut]["status"] == "degraded"
    assert got[cut]["reason"] == "truncated"
    assert first_sentence("cut-short") in got[cut]["text"]
    assert got[first]["status"] == got[last]["status"] == "ok"


def test_corrupt_member_in_the_middle_loses_nothing_else(tmp_path):
    w = Warc(tmp_path / "corrupt.warc.gz")
    w.warcinfo()
    names = [f"p{i}" for i in range(9)]
    ids = {n: w.html(n) for n in names}
    warc = w.save()
    where = offsets(warc)
    data = bytearray(warc.read_bytes())
    # Damage the deflate data in the middle of p4's member...
    start, end = where[ids["p4"]], where[ids["p5"]]
    mid = (start + end) // 2
    for i in range(mid, mid + 12):
        data[i] ^= 0x5A
    # ...and drop garbage between p6 and p7.
    junk_at = where[ids["p7"]]
    data[junk_at:junk_at] = b"\x00garbage\x1f\x8b\x08 not a member"
    warc.write_bytes(bytes(data))

    out = tmp_path / "out.jsonl"
    proc = run(warc, "-o", out)
    records = read_jsonl(out)
    got = by_id(records)
    for n in names:
        if n != "p4":
            assert got[ids[n]]["status"] == "ok", got[ids[n]]
            assert first_sentence(f"topic-{n}") in got[ids[n]]["text"]
    errors = [r for r in records if r["status"] == "error"]
    assert [e["reason"] for e in errors] == ["corrupt_gzip", "corrupt_gzip"]
    assert [e["source"]["offset"] for e in errors] == [start, junk_at]
    assert all(e["source"]["file"] == str(warc) for e in errors)
    # Reported on stderr with file and offset, and counted.
    assert f"{warc}: offset {start}: corrupt gzip member" in proc.stderr
    assert f"{warc}: offset {junk_at}:" in proc.stderr
    assert "errors     2 (corrupt_gzip 2)" in proc.stderr
    # The records in output order are the input order.
    ok_ids = [r["id"] for r in records if r["status"] == "ok"]
    assert ok_ids == [ids[n] for n in names if n != "p4"]


def test_file_cut_inside_the_last_member(tmp_path):
    w = Warc(tmp_path / "cut.warc.gz")
    ids = [w.html(f"q{i}") for i in range(3)]
    warc = w.save()
    where = offsets(warc)
    data = warc.read_bytes()
    last = where[ids[2]]
    # Keep the gzip header and most of the deflate data of the last member.
    warc.write_bytes(data[: last + (len(data) - last) * 3 // 4])
    out = tmp_path / "out.jsonl"
    run(warc, "-o", out)
    records = read_jsonl(out)
    assert [r["status"] for r in records[:2]] == ["ok", "ok"]
    assert len(records) == 3
    assert records[2]["reason"] == "cut_off"
    assert records[2]["source"]["offset"] == last


def test_transfer_and_content_encodings_and_charsets(tmp_path):
    w = Warc(tmp_path / "enc.warc.gz")
    zipped = gzip.compress(page("Zipped", "zipped-body").encode())
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(zipped[i:i + 64]), zipped[i:i + 64])
                       for i in range(0, len(zipped), 64)) + b"0\r\n\r\n"
    enc = w.response("enc", chunked, http_extra=[("Transfer-Encoding", "chunked"),
                                                 ("Content-Encoding", "gzip")])
    latin = w.response("latin", page("Caf\u00e9", "caf\u00e9 cr\u00e8me").encode("latin-1"),
                       ctype="text/html; charset=ISO-8859-1")
    warc = w.save()
    out = tmp_path / "out.jsonl"
    run(warc, "-o", out)
    got = by_id(read_jsonl(out))
    assert got[enc]["status"] == "ok", got[enc]
    assert first_sentence("zipped-body") in got[enc]["text"]
    assert got[latin]["encoding"] == "windows-1252"
    assert "café crème" in got[latin]["text"]


def test_same_bytes_with_one_and_two_threads_and_from_stdin(tmp_path):
    w = Warc(tmp_path / "many.warc.gz")
    for i in range(120):
        w.request(f"m{i}")
        w.html(f"m{i}")
        if i % 10 == 0:
            w.response(f"m{i}.css", "body { color: red }", ctype="text/css")
    warc = w.save()
    outs = []
    for threads in ["1", "2"]:
        out = tmp_path / f"out-{threads}.jsonl.gz"
        run(warc, "-o", out, "--threads", threads)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert len(read_jsonl(tmp_path / "out-1.jsonl.gz")) == 132
    # The same WARC through a pipe, its format told from its bytes.
    proc = subprocess.run([str(BIN), "corpus", "-q", "-", "-o", "-"], input=warc.read_bytes(),
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    piped = [json.loads(line) for line in proc.stdout.splitlines()]
    from_file = read_jsonl(tmp_path / "out-1.jsonl.gz")
    assert [r["text"] for r in piped] == [r["text"] for r in from_file]
