"""Makes a small crawl for the corpus and Spark tests: WARC.gz, plain WARC,
JSONL and JSONL.gz inputs built from the repository's own test pages, with
the odd records that `dechaff corpus` must report (non-200, not HTML,
chunked, a bad JSON line, a missing field, a request record)."""

import gzip
import json
import os
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PAGES = os.path.join(REPO, "corpus")


def pages():
    """(name, bytes) of the repository's sample pages, in name order."""
    names = sorted(n for n in os.listdir(PAGES) if n.endswith(".html"))
    out = []
    for n in names:
        with open(os.path.join(PAGES, n), "rb") as f:
            out.append((n[: -len(".html")], f.read()))
    return out


def record_id(n):
    # Fixed ids: the output must not change between runs.
    return f"<urn:uuid:{uuid.UUID(int=n)}>"


def warc_record(kind, rid, uri, block, content_type):
    head = (
        "WARC/1.1\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: {rid}\r\n"
        "WARC-Date: 2026-11-29T06:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http_response(body, status="200 OK", content_type="text/html; charset=utf-8", chunked=False):
    headers = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    if chunked:
        headers += "Transfer-Encoding: chunked\r\n"
        half = len(body) // 2
        parts = [body[:half], body[half:]]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts if p) + b"0\r\n\r\n"
    else:
        headers += f"Content-Length: {len(body)}\r\n"
    return headers.encode() + b"\r\n" + body


def warc_records(start=0):
    """The records of the WARC inputs: every sample page as a response,
    plus one of each odd kind."""
    recs = []
    n = start
    for i, (name, body) in enumerate(pages()):
        n += 1
        uri = f"https://example.com/{name}"
        recs.append(warc_record("request", record_id(10_000 + n), uri, b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"))
        http = http_response(body, chunked=(i % 5 == 3), content_type="text/html")
        recs.append(warc_record("response", record_id(n), uri, http, "application/http; msgtype=response"))
    page = pages()[0][1]
    odd = [
        ("https://example.com/gone", http_response(page, status="404 Not Found")),
        ("https://example.com/data.json", http_response(b'{"a": 1}', content_type="application/json")),
        ("https://example.com/latin1", http_response(
            "<html><body><article><p>Café, crème brûlée et déjà-vu : une phrase assez longue pour être "
            "gardée, écrite en ISO-8859-1 sans balise meta.</p></article></body></html>".encode("latin-1"),
            content_type="text/html; charset=iso-8859-1")),
    ]
    for uri, http in odd:
        n += 1
        recs.append(warc_record("response", record_id(n), uri, http, "application/http; msgtype=response"))
    return recs


def write_corpus(directory):
    """Writes the inputs into `directory`; returns their paths in order."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    recs = warc_records()
    p = os.path.join(directory, "crawl-a.warc.gz")
    with open(p, "wb") as f:
        for r in recs:  # one gzip member per record, as crawlers write them
            f.write(gzip.compress(r, mtime=0))
    paths.append(p)
    p = os.path.join(directory, "crawl-b.warc")
    with open(p, "wb") as f:
        f.write(b"".join(recs[: len(recs) // 2]))
    paths.append(p)
    lines = []
    for i, (name, body) in enumerate(pages()):
        lines.append(json.dumps({"id": f"doc-{i}", "url": f"https://example.org/{name}", "html": body.decode("utf-8", "replace")}))
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"id": "no-html", "url": "https://example.org/x"}))
    data = ("\n".join(lines) + "\n").encode()
    p = os.path.join(directory, "pages.jsonl")
    with open(p, "wb") as f:
        f.write(data)
    paths.append(p)
    p = os.path.join(directory, "pages-2.jsonl.gz")
    with open(p, "wb") as f:
        f.write(gzip.compress(data[: len(data) // 3].rsplit(b"\n", 1)[0] + b"\n", mtime=0))
    paths.append(p)
    return paths
