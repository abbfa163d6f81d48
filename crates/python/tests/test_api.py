"""The Python API: inputs, encodings, outputs, options and their errors,
hostile input, extract_many, threads, pickling."""

import concurrent.futures
import gzip
import pickle

import pytest

import dechaff

ARTICLE = (
    "<html lang='{lang}'><head><meta charset='{charset}'><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    "<article><h1>{title}</h1><p>{p1}</p><p>{p2}</p></article>"
    "<div class='comments'><h3>Comments</h3><p>{comment}</p></div>"
    "<footer>Copyright 2026 Example Media, all rights reserved.</footer></body></html>"
)


def page(charset="utf-8", lang="en", title="A headline about bridges",
         p1="The first paragraph of the story says what happened to the old bridge, and where, and why it matters to the town.",
         p2="The second paragraph gives the details that a reader came for, with figures and quotes from the engineers.",
         comment="Great article, I walked over that bridge every day as a child and I will miss it a lot."):
    return ARTICLE.format(charset=charset, lang=lang, title=title, p1=p1, p2=p2, comment=comment)


def test_bytes_and_str_give_the_same_text():
    html = page()
    text = dechaff.extract(html)
    assert "The first paragraph" in text
    assert "Copyright" not in text and "Home" not in text
    assert dechaff.extract(html.encode()) == text
    assert dechaff.extract(bytearray(html.encode())) == text


def test_charset_from_meta():
    p1 = "Первый абзац рассказывает, что случилось со старым мостом, где и почему это важно для города."
    p2 = "Второй абзац приводит подробности, ради которых пришёл читатель, с цифрами и словами инженеров."
    html = page(charset="windows-1251", lang="ru", title="Заголовок о мостах", p1=p1, p2=p2)
    raw = html.encode("windows-1251")
    text = dechaff.extract(raw)
    assert p1 in text and p2 in text
    out = dechaff.extract(raw, output="json")
    assert out["encoding"] == "windows-1251"
    assert out["encoding_source"] == "meta"
    # A str is text already: its <meta charset> must not decode it again.
    assert dechaff.extract(html) == text


def test_charset_from_content_type_and_bom():
    p1 = "Le premier paragraphe raconte ce qui est arrivé au vieux pont, où, et pourquoi c'est important."
    html = page(charset="", p1=p1).replace("<meta charset=''>", "")
    raw = html.encode("iso-8859-1")
    out = dechaff.extract(raw, content_type="text/html; charset=iso-8859-1", output="json")
    assert out["encoding"] == "windows-1252"  # WHATWG: latin-1 is read as windows-1252
    assert out["encoding_source"] == "transport"
    assert p1 in out["text"]
    utf16 = b"\xff\xfe" + page(p1=p1).encode("utf-16-le")
    assert p1 in dechaff.extract(utf16)


def test_outputs():
    html = page()
    md = dechaff.extract(html, output="markdown")
    assert md == dechaff.extract(html, output="md")
    assert "The first paragraph" in md
    out = dechaff.extract(html, url="https://example.com/a", output="json")
    assert isinstance(out, dict)
    assert out["title"] == "A headline about bridges"
    assert out["lang"] == "en"
    assert out["text"] == dechaff.extract(html)
    reasons = {b["reason"] for b in out["blocks"] if not b["kept"]}
    assert reasons, out["blocks"]
    assert all(isinstance(b["kept"], bool) for b in out["blocks"])


def test_options_change_the_result():
    html = page()
    assert "Copyright" in dechaff.extract(html, keep_all=True)
    with_comments = dechaff.extract(html, output="json", comments=True)
    assert with_comments["comments"] and "walked over that bridge" in with_comments["comments"]
    assert dechaff.extract(html, output="json")["comments"] is None
    cut = dechaff.extract(html, output="json", max_bytes=200)
    assert cut["degraded"] == "too_many_bytes"
    assert dechaff.extract(html, output="json", max_nodes=10)["degraded"] == "too_many_nodes"
    deep = "<div>" * 50 + page() + "</div>" * 50
    assert dechaff.extract(deep, output="json", max_depth=20)["degraded"] == "too_deep"
    for preset in ("precision", "balanced", "recall"):
        assert "The first paragraph" in dechaff.extract(html, preset=preset)


def test_extractor_keeps_its_options():
    ex = dechaff.Extractor(preset="recall", comments=True, max_nodes=5000)
    assert (ex.preset, ex.comments, ex.keep_all, ex.max_nodes) == ("recall", True, False, 5000)
    assert ex.max_bytes == 16 << 20 and ex.max_depth == 512
    assert "preset='recall'" in repr(ex)
    html = page()
    assert ex.extract(html) == dechaff.extract(html, preset="recall", comments=True, max_nodes=5000)
    back = pickle.loads(pickle.dumps(ex))
    assert repr(back) == repr(ex)
    assert back.extract(html, output="json") == ex.extract(html, output="json")


@pytest.mark.parametrize(
    "options, error, words",
    [
        ({"preset": "fast"}, ValueError, ["preset", "fast"]),
        ({"preset": 1}, TypeError, ["preset"]),
        ({"comments": 1}, TypeError, ["comments", "bool"]),
        ({"keep_all": "yes"}, TypeError, ["keep_all"]),
        ({"max_bytes": 0}, ValueError, ["max_bytes"]),
        ({"max_nodes": -5}, ValueError, ["max_nodes"]),
        ({"max_depth": True}, TypeError, ["max_depth"]),
        ({"max_depth": 2.5}, TypeError, ["max_depth"]),
        ({"precision": True}, TypeError, ["precision", "preset"]),
    ],
)
def test_bad_options_name_the_option(options, error, words):
    for call in (lambda: dechaff.extract("<p>x</p>", **options),
                 lambda: dechaff.Extractor(**options),
                 lambda: dechaff.extract_many(["<p>x</p>"], **options)):
        with pytest.raises(error) as e:
            call()
        for w in words:
            assert w in str(e.value)


def test_bad_arguments_name_the_argument():
    with pytest.raises(ValueError, match="output"):
        dechaff.extract("<p>x</p>", output="pdf")
    with pytest.raises(TypeError, match="url"):
        dechaff.extract("<p>x</p>", url=5)
    with pytest.raises(TypeError, match="content_type"):
        dechaff.Extractor().extract(b"<p>x</p>", content_type=b"text/html")
    with pytest.raises(TypeError, match="html"):
        dechaff.extract(12)
    with pytest.raises(TypeError, match=r"docs\[1\].*html"):
        dechaff.extract_many(["<p>x</p>", None])
    with pytest.raises(TypeError, match=r"docs\[0\].*url"):
        dechaff.extract_many([("<p>x</p>", 3)])
    with pytest.raises(TypeError, match=r"docs\[0\].*tuple"):
        dechaff.extract_many([("<p>x</p>",)])
    with pytest.raises(ValueError, match="threads"):
        dechaff.extract_many(["<p>x</p>"], threads=0)
    with pytest.raises(TypeError, match="threads"):
        dechaff.extract_many(["<p>x</p>"], threads="2")
    with pytest.raises(TypeError):
        dechaff.extract_many(5)


HOSTILE = [
    b"",
    b"\x00" * 1000,
    bytes(range(256)) * 64,
    b"<" * 100_000,
    b"<div>" * 100_000,
    b"<table><tr><td>" * 20_000,
    b"<a " + b"x=1 " * 50_000 + b">",
    b"<!--" + b"-" * 100_000,
    gzip.compress(b"<html><p>zipped</p></html>"),
    "<p>\ud800 lone surrogate \udfff</p>",
    "<p>" + "\U0001F600" * 10_000 + "</p>",
    "\ufeff<html><body><p>BOM in a str</p></body></html>",
]


@pytest.mark.parametrize("html", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_fails(html):
    for output in ("txt", "markdown"):
        assert isinstance(dechaff.extract(html, output=output), str)
    out = dechaff.extract(html, output="json")
    assert isinstance(out, dict) and isinstance(out["blocks"], list)


def test_extract_many_equals_extract(sample_pages):
    docs = [body for _, body in sample_pages]
    docs += [body.decode("utf-8", "replace") for _, body in sample_pages[:3]]
    docs += [(body, f"https://example.com/{name}") for name, body in sample_pages[:3]]
    docs += [(body, None, "text/html; charset=utf-8") for _, body in sample_pages[:2]]
    docs += HOSTILE

    def single(d, **kw):
        if isinstance(d, tuple):
            return dechaff.extract(d[0], url=d[1], content_type=d[2] if len(d) > 2 else None, **kw)
        return dechaff.extract(d, **kw)

    for output in ("txt", "json"):
        expected = [single(d, output=output, preset="recall") for d in docs]
        for threads in (None, 1, 2, 3):
            got = dechaff.extract_many(iter(docs), threads=threads, output=output, preset="recall")
            assert got == expected, (output, threads)
        ex = dechaff.Extractor(preset="recall")
        assert ex.extract_many(docs, output=output) == expected
    assert dechaff.extract_many([]) == []


def test_one_extractor_from_many_threads(sample_pages):
    ex = dechaff.Extractor(comments=True)
    docs = [body for _, body in sample_pages] * 4
    expected = [ex.extract(d, output="json") for d in docs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda d: ex.extract(d, output="json"), docs))
        # extract_many from several threads at once, each on its own pool.
        many = list(pool.map(lambda t: ex.extract_many(docs, threads=t, output="json"), [1, 2, None, 2]))
    assert got == expected
    assert all(m == expected for m in many)


def test_version_and_docstrings():
    assert dechaff.__version__
    for obj in (dechaff.extract, dechaff.extract_many, dechaff.Extractor,
                dechaff.Extractor.extract, dechaff.Extractor.extract_many,
                dechaff.Extractor.corpus_records, dechaff.CorpusRecords):
        assert obj.__doc__ and len(obj.__doc__) > 40, obj


def _many_in_child(docs):
    return dechaff.extract_many(docs, threads=None), dechaff.extract_many(docs, threads=2)


def test_extract_many_after_fork(sample_pages):
    import multiprocessing

    docs = [body for _, body in sample_pages[:6]]
    expected = dechaff.extract_many(docs, threads=2)
    assert dechaff.extract_many(docs) == expected  # the parent's pools exist now
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        # A pool inherited from the parent has no threads: this would hang.
        got = pool.apply_async(_many_in_child, (docs,)).get(timeout=120)
    assert got == (expected, expected)
