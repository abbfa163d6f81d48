//! The Python module `dechaff` (its compiled part, `dechaff._dechaff`):
//! pyo3 bindings over the dechaff library.
//!
//! Every extraction runs with the GIL released, so Python threads extract
//! in parallel, and `extract_many` spreads a list of pages over a rayon
//! pool. Options are checked here and raise `TypeError` / `ValueError`
//! naming the option; extraction itself never fails.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use dechaff::{Extracted, Hints, Options, Preset};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyString, PyTuple};
use rayon::prelude::*;

mod corpus;

/// The option names, for error messages.
const OPTION_NAMES: &str = "comments, keep_all, preset, max_bytes, max_nodes, max_depth";

/// More threads than this is a mistake (a pool is kept per thread count).
const MAX_THREADS: u64 = 1024;

/// What `extract` returns.
#[derive(Clone, Copy)]
enum Output {
    /// Plain text, one block per line.
    Text,
    /// Markdown.
    Markdown,
    /// A `dict` (the library's JSON, parsed).
    Json,
}

impl Output {
    /// The `output=` argument; `text` and `md` are accepted as aliases.
    fn parse(name: &str) -> PyResult<Output> {
        match name {
            "txt" | "text" => Ok(Output::Text),
            "markdown" | "md" => Ok(Output::Markdown),
            "json" => Ok(Output::Json),
            _ => Err(PyValueError::new_err(format!(
                "output must be 'txt', 'markdown' or 'json', not {name:?}"
            ))),
        }
    }

    /// The result in this format (runs without the GIL).
    fn render(self, out: &Extracted) -> String {
        match self {
            Output::Text => out.text(),
            Output::Markdown => out.markdown(),
            Output::Json => out.json(),
        }
    }

    /// The rendered result as a Python object: `str`, or a `dict` for JSON.
    fn to_python(self, py: Python<'_>, rendered: String) -> PyResult<Py<PyAny>> {
        match self {
            Output::Json => {
                static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
                let loads = LOADS.import(py, "json", "loads")?;
                Ok(loads.call1((rendered,))?.unbind())
            }
            _ => Ok(PyString::new(py, &rendered).into_any().unbind()),
        }
    }
}

/// A value's type name, for error messages.
fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map_or_else(|_| "object".into(), |n| n.to_string())
}

/// An optional `str` argument, named in the error when it is not one.
fn opt_str(name: &str, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_string_lossy().into_owned())),
            Err(_) => Err(PyTypeError::new_err(format!(
                "argument {name:?} must be a str or None, not {}",
                type_name(v)
            ))),
        },
    }
}

/// A `bool` option (an int is refused: `comments=1` is likely a mistake).
fn flag(name: &str, v: &Bound<'_, PyAny>) -> PyResult<bool> {
    match v.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "option {name:?} must be a bool, not {}",
            type_name(v)
        ))),
    }
}

/// A positive integer option; integers past `u64` mean "no limit".
fn positive(name: &str, what: &str, v: &Bound<'_, PyAny>) -> PyResult<u64> {
    if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{what} {name:?} must be an int, not {}",
            type_name(v)
        )));
    }
    if v.lt(1)? {
        return Err(PyValueError::new_err(format!(
            "{what} {name:?} must be at least 1, not {v}"
        )));
    }
    Ok(v.extract::<u64>().unwrap_or(u64::MAX))
}

/// A limit option (`max_*`).
fn limit(name: &str, v: &Bound<'_, PyAny>) -> PyResult<usize> {
    let n = positive(name, "option", v)?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// The `preset` option, by name.
fn preset(v: &Bound<'_, PyAny>) -> PyResult<Preset> {
    let Ok(s) = v.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "option \"preset\" must be a str, not {}",
            type_name(v)
        )));
    };
    let name = s.to_string_lossy();
    Preset::parse(&name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "option \"preset\" must be 'precision', 'balanced' or 'recall', not {name:?}"
        ))
    })
}

/// The `Options` named by keyword arguments.
fn options(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut o = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(o);
    };
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        o = match key.as_str() {
            "comments" => o.with_comments(flag(&key, &value)?),
            "keep_all" => o.with_keep_all(flag(&key, &value)?),
            "preset" => o.with_preset(preset(&value)?),
            "max_bytes" => o.with_max_bytes(limit(&key, &value)?),
            "max_nodes" => o.with_max_nodes(limit(&key, &value)?),
            "max_depth" => o.with_max_depth(limit(&key, &value)?),
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "unknown option {key:?}; the options are {OPTION_NAMES}"
                )));
            }
        };
    }
    Ok(o)
}

/// One page to extract: its bytes or text (borrowed from Python when
/// possible) and hints.
struct Page<'a> {
    html: Html<'a>,
    hints: Hints,
}

/// The page as Python gave it.
enum Html<'a> {
    /// `bytes` or `bytearray`: decoded by the library.
    Bytes(Cow<'a, [u8]>),
    /// `str`: already decoded.
    Text(Cow<'a, str>),
}

impl Page<'_> {
    fn extract(&self, ex: &dechaff::Extractor) -> dechaff::Extracted {
        match &self.html {
            Html::Bytes(b) => ex.extract(b, &self.hints),
            Html::Text(t) => ex.extract_str(t, &self.hints),
        }
    }
}

/// A page from a Python `bytes`, `bytearray` or `str`. A `str` is text
/// already: it is extracted as UTF-8 whatever its `<meta charset>` says,
/// and `content_type` is not consulted.
fn page<'a>(
    html: &'a Bound<'_, PyAny>,
    url: Option<String>,
    content_type: Option<String>,
) -> PyResult<Page<'a>> {
    let mut hints = Hints::new();
    if let Some(u) = url {
        hints = hints.with_url(u);
    }
    let html = if let Ok(b) = html.cast::<PyBytes>() {
        if let Some(ct) = content_type {
            hints = hints.with_content_type(ct);
        }
        Html::Bytes(Cow::Borrowed(b.as_bytes()))
    } else if let Ok(s) = html.cast::<PyString>() {
        // Lone surrogates (from `surrogateescape`) become U+FFFD.
        Html::Text(s.to_string_lossy())
    } else if let Ok(b) = html.cast::<PyByteArray>() {
        if let Some(ct) = content_type {
            hints = hints.with_content_type(ct);
        }
        Html::Bytes(Cow::Owned(b.to_vec()))
    } else {
        return Err(PyTypeError::new_err(format!(
            "html must be bytes or str, not {}",
            type_name(html)
        )));
    };
    Ok(Page { html, hints })
}

/// Extracts one page with the GIL released.
fn extract_one(
    py: Python<'_>,
    ex: &dechaff::Extractor,
    page: &Page<'_>,
    output: Output,
) -> PyResult<Py<PyAny>> {
    let rendered = py.detach(|| output.render(&page.extract(ex)));
    output.to_python(py, rendered)
}

/// A rayon pool of `n` threads, made once per `n` and kept, since
/// starting threads for every call would cost more than small batches.
///
/// Pools are per process: a child made by `fork` (multiprocessing's
/// default on Linux) has none of its parent's threads, so a pool inherited
/// from the parent would never run a task. The child makes its own, and
/// the parent's are left alone (dropping one would wait for threads that
/// are not there).
fn pool(n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    type Pools = HashMap<(u32, usize), Arc<rayon::ThreadPool>>;
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    let key = (std::process::id(), n);
    let mut pools = POOLS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(p) = pools.get(&key) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("dechaff-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(key, p.clone());
    Ok(p)
}

/// Every core, as the operating system reports them.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Extracts many pages with the GIL released: on the calling thread alone
/// for `threads=1`, else on a pool of that many threads (`None`: one per
/// core). Results are in input order.
fn extract_all(
    py: Python<'_>,
    ex: &dechaff::Extractor,
    docs: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    output: Output,
) -> PyResult<Py<PyAny>> {
    let threads = match threads {
        None => None,
        Some(t) if t.is_none() => None,
        Some(t) => {
            let n = positive("threads", "argument", t)?;
            if n > MAX_THREADS {
                return Err(PyValueError::new_err(format!(
                    "argument \"threads\" must be at most {MAX_THREADS}, not {n}"
                )));
            }
            Some(n as usize)
        }
    };
    // The Python objects are held here, so that pages can borrow their bytes.
    let mut items = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let parts = match item.cast::<PyTuple>() {
            Err(_) => (item.clone(), None, None),
            Ok(t) => {
                let get = |k: usize| -> PyResult<Option<String>> {
                    match t.len() > k {
                        true => opt_str(["html", "url", "content_type"][k], Some(&t.get_item(k)?))
                            .map_err(|e| {
                                PyTypeError::new_err(format!("docs[{i}]: {}", e.value(py)))
                            }),
                        false => Ok(None),
                    }
                };
                if !(2..=3).contains(&t.len()) {
                    return Err(PyTypeError::new_err(format!(
                        "docs[{i}]: a tuple must be (html, url) or (html, url, content_type), \
                         not {} items",
                        t.len()
                    )));
                }
                (t.get_item(0)?, get(1)?, get(2)?)
            }
        };
        items.push(parts);
    }
    let mut pages = Vec::with_capacity(items.len());
    for (i, (html, url, ct)) in items.iter().enumerate() {
        let p = page(html, url.clone(), ct.clone())
            .map_err(|e| PyTypeError::new_err(format!("docs[{i}]: {}", e.value(py))))?;
        pages.push(p);
    }
    let one = |p: &Page<'_>| output.render(&p.extract(ex));
    // Not rayon's global pool, which a forked child would inherit dead.
    let rendered: Vec<String> = match threads.unwrap_or_else(cores) {
        1 => py.detach(|| pages.iter().map(one).collect()),
        n => {
            let pool = pool(n)?;
            py.detach(|| pool.install(|| pages.par_iter().map(one).collect()))
        }
    };
    let list = pyo3::types::PyList::empty(py);
    for r in rendered {
        list.append(output.to_python(py, r)?)?;
    }
    Ok(list.into_any().unbind())
}

/// Extracts a page's main content.
///
/// Args:
///     html: the page, as ``bytes`` (any charset: BOM, ``content_type``,
///         ``<meta charset>``, then sniffing decide) or ``str`` (taken as
///         decoded text).
///     url: the page's URL, if known (helps charset detection; reported
///         when the page names no canonical URL).
///     output: ``"txt"`` (plain text, one block per line), ``"markdown"``,
///         or ``"json"`` (a ``dict`` with title, metadata and every block
///         with the reason it was kept or dropped).
///     content_type: the HTTP ``Content-Type`` header, for its charset
///         (``bytes`` input only).
///     **options: ``comments``, ``keep_all`` (bool), ``preset``
///         (``"precision"``, ``"balanced"``, ``"recall"``), ``max_bytes``,
///         ``max_nodes``, ``max_depth`` (positive int).
///
/// Returns:
///     ``str``, or ``dict`` for ``output="json"``.
///
/// Raises:
///     TypeError, ValueError: a bad argument or option (named in the message).
///     Extraction itself never fails: a page that is not HTML gives ``""``.
#[pyfunction]
#[pyo3(signature = (html, url=None, output="txt", content_type=None, **options))]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    output: &str,
    content_type: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let output = Output::parse(output)?;
    let ex = dechaff::Extractor::new(self::options(options)?);
    let (url, content_type) = (opt_str("url", url)?, opt_str("content_type", content_type)?);
    let page = page(html, url, content_type)?;
    extract_one(py, &ex, &page, output)
}

/// Extracts many pages in parallel, with the GIL released.
///
/// Args:
///     docs: an iterable of pages: ``bytes`` or ``str``, or tuples
///         ``(html, url)`` or ``(html, url, content_type)``.
///     threads: worker threads; ``None`` (default) uses every core, ``1``
///         the calling thread only.
///     output: as for ``extract``.
///     **options: as for ``extract``.
///
/// Returns:
///     A list with one result per page, in input order, each equal to what
///     ``extract`` gives for that page.
#[pyfunction]
#[pyo3(signature = (docs, threads=None, output="txt", **options))]
fn extract_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    output: &str,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let output = Output::parse(output)?;
    let ex = dechaff::Extractor::new(self::options(options)?);
    extract_all(py, &ex, docs, threads, output)
}

/// A configured extractor: build it once, then use it for any number of
/// pages, from any number of threads at once (it is immutable, and
/// extraction releases the GIL).
///
/// Args:
///     **options: ``comments``, ``keep_all`` (bool), ``preset``
///         (``"precision"``, ``"balanced"``, ``"recall"``), ``max_bytes``,
///         ``max_nodes``, ``max_depth`` (positive int).
#[pyclass(frozen, module = "dechaff", name = "Extractor")]
struct PyExtractor {
    inner: dechaff::Extractor,
}

#[pymethods]
impl PyExtractor {
    /// Checks the options and builds the extractor.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyExtractor {
            inner: dechaff::Extractor::new(self::options(options)?),
        })
    }

    /// Extracts one page; the arguments are those of ``dechaff.extract``
    /// less the options.
    #[pyo3(signature = (html, url=None, output="txt", content_type=None))]
    fn extract(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<&Bound<'_, PyAny>>,
        output: &str,
        content_type: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let output = Output::parse(output)?;
        let (url, content_type) = (opt_str("url", url)?, opt_str("content_type", content_type)?);
        let page = page(html, url, content_type)?;
        extract_one(py, &self.inner, &page, output)
    }

    /// Extracts many pages in parallel; as ``dechaff.extract_many``.
    #[pyo3(signature = (docs, threads=None, output="txt"))]
    fn extract_many(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<&Bound<'_, PyAny>>,
        output: &str,
    ) -> PyResult<Py<PyAny>> {
        let output = Output::parse(output)?;
        extract_all(py, &self.inner, docs, threads, output)
    }

    /// Reads a WARC, JSONL or HTML input as ``dechaff corpus`` does and
    /// yields its JSONL records (``str``, one per document, no newline),
    /// byte-identical to the command's output lines.
    ///
    /// Args:
    ///     path: a ``.warc[.gz]``, ``.jsonl[.gz|.zst]``, ``.html[.gz]``
    ///         file or a directory of pages.
    ///     name: the name written in the records' ``source.file``
    ///         (default: ``path`` as given).
    ///     markdown, min_length, lang, only_ok, keep_non_200, html_field,
    ///     id_field, url_field, input_format: as the ``dechaff corpus``
    ///         flags of the same names (``lang``: a list or a
    ///         comma-separated ``str``; ``input_format``: ``"warc"``,
    ///         ``"jsonl"`` or ``"html"``).
    ///
    /// The command line extracts with ``Options`` set only by ``--preset``:
    /// for identical records, build this extractor with ``preset`` alone.
    ///
    /// Raises:
    ///     OSError: the input does not exist or cannot be opened. Anything
    ///     wrong inside it becomes an ``error`` record, as on the command line.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (path, name=None, *, markdown=false, min_length=0, lang=None,
        only_ok=false, keep_non_200=false, html_field="html", id_field="id",
        url_field="url", input_format=None))]
    fn corpus_records(
        &self,
        path: PathBuf,
        name: Option<String>,
        markdown: bool,
        min_length: usize,
        lang: Option<&Bound<'_, PyAny>>,
        only_ok: bool,
        keep_non_200: bool,
        html_field: &str,
        id_field: &str,
        url_field: &str,
        input_format: Option<&str>,
    ) -> PyResult<CorpusRecords> {
        let langs: Vec<String> = match lang {
            None => Vec::new(),
            Some(l) if l.is_none() => Vec::new(),
            Some(l) => match l.cast::<PyString>() {
                Ok(s) => s.to_string_lossy().split(',').map(str::to_string).collect(),
                Err(_) => l
                    .extract()
                    .map_err(|_| PyTypeError::new_err("lang must be a str or a list of str"))?,
            },
        };
        let format = match input_format {
            None => None,
            Some("warc") => Some(corpus::Format::Warc),
            Some("jsonl") => Some(corpus::Format::Jsonl),
            Some("html") => Some(corpus::Format::Html),
            Some(f) => {
                return Err(PyValueError::new_err(format!(
                    "input_format must be 'warc', 'jsonl' or 'html', not {f:?}"
                )));
            }
        };
        let settings = corpus::CorpusSettings {
            markdown,
            min_length,
            langs,
            only_ok,
            keep_non_200,
            html_field: html_field.to_string(),
            id_field: id_field.to_string(),
            url_field: url_field.to_string(),
            format,
        };
        let path = path.to_string_lossy().into_owned();
        let records = corpus::Records::open(&path, name.as_deref(), &self.inner, settings)
            .map_err(|e| PyOSError::new_err(format!("{e:#}")))?;
        Ok(CorpusRecords {
            inner: Mutex::new(records),
        })
    }

    /// Whether comments are collected (``dict`` output's ``comments``).
    #[getter]
    fn comments(&self) -> bool {
        self.inner.options().comments()
    }

    /// Whether every block is kept (the all-text baseline).
    #[getter]
    fn keep_all(&self) -> bool {
        self.inner.options().keep_all()
    }

    /// The precision/recall preset's name.
    #[getter]
    fn preset(&self) -> &'static str {
        self.inner.options().preset().name()
    }

    /// The input size limit, in bytes.
    #[getter]
    fn max_bytes(&self) -> usize {
        self.inner.options().max_bytes()
    }

    /// The DOM node limit.
    #[getter]
    fn max_nodes(&self) -> usize {
        self.inner.options().max_nodes()
    }

    /// The DOM depth limit.
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.options().max_depth()
    }

    /// Pickling support (Spark and datatrove ship steps to workers by
    /// pickle): the options, given back to the constructor.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        let o = self.inner.options();
        let d = PyDict::new(py);
        d.set_item("comments", o.comments())?;
        d.set_item("keep_all", o.keep_all())?;
        d.set_item("preset", o.preset().name())?;
        d.set_item("max_bytes", o.max_bytes())?;
        d.set_item("max_nodes", o.max_nodes())?;
        d.set_item("max_depth", o.max_depth())?;
        Ok((PyTuple::empty(py), d))
    }

    /// The options, as the constructor call that makes this extractor.
    fn __repr__(&self) -> String {
        let o = self.inner.options();
        format!(
            "Extractor(comments={}, keep_all={}, preset='{}', max_bytes={}, max_nodes={}, \
             max_depth={})",
            if o.comments() { "True" } else { "False" },
            if o.keep_all() { "True" } else { "False" },
            o.preset().name(),
            o.max_bytes(),
            o.max_nodes(),
            o.max_depth()
        )
    }
}

/// An iterator over the JSONL records of one corpus input, made by
/// ``Extractor.corpus_records``. The input is read on a thread of its own
/// while the records are extracted, each with the GIL released.
#[pyclass(frozen, module = "dechaff")]
struct CorpusRecords {
    inner: Mutex<corpus::Records>,
}

#[pymethods]
impl CorpusRecords {
    /// The iterator itself.
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The next record, read and extracted without the GIL.
    fn __next__(&self, py: Python<'_>) -> Option<String> {
        py.detach(|| {
            self.inner
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .next_line()
        })
    }
}

/// dechaff: a web page's main content without its boilerplate.
#[pymodule]
fn _dechaff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_class::<CorpusRecords>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
