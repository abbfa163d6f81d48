"""Times one Python extractor over a directory of <id>.html.gz pages and
optionally writes each page's text to OUT/<id>.txt, like runner/ does for
the Rust tools. Run by benches/compare/run.sh inside its scratch venv.

Usage: python run_py.py TOOL HTML_DIR [OUT_DIR]
TOOL: trafilatura | resiliparse

Prints one JSON line: tool, pages, html bytes, seconds spent in
parse + extract + text (reading, gunzip and decoding are outside the
clock), and the number of pages that failed.
"""

import gzip
import json
import os
import sys
import time


def load(html_dir):
    pages = []
    for name in sorted(os.listdir(html_dir)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name)) as f:
                raw = f.read()
            pages.append((name[: -len(".html.gz")], raw))
    return pages


def extractor(tool):
    # Each peer gets the text already decoded (like the Rust peers), with
    # its usual settings for article bodies: no comments.
    if tool == "trafilatura":
        import trafilatura

        return lambda html: trafilatura.extract(html, include_comments=False) or ""
    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        return lambda html: extract_plain_text(HTMLTree.parse(html), main_content=True)
    raise SystemExit(f"unknown tool {tool}")


def main():
    tool, html_dir = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    if out:
        os.makedirs(out, exist_ok=True)
    run = extractor(tool)
    pages = load(html_dir)
    texts = [raw.decode("utf-8", errors="replace") for _, raw in pages]
    secs, failed, size = 0.0, 0, 0
    for (pid, raw), html in zip(pages, texts):
        start = time.perf_counter()
        try:
            text = run(html)
        except Exception:  # a peer's failure is counted, not fatal
            text = ""
            failed += 1
        secs += time.perf_counter() - start
        size += len(raw)
        if out:
            with open(os.path.join(out, pid + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
    print(json.dumps({"tool": tool, "pages": len(pages), "bytes": size,
                      "secs": round(secs, 6), "failed": failed}))


if __name__ == "__main__":
    main()
