//! `dechaff corpus` end to end: WARC (plain, gzip, corrupt, cut), JSONL,
//! directories, stdin, shards, --resume, filters, determinism.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_dechaff");

/// A page with enough prose to be kept, and a menu that must go.
fn page(title: &str, words: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{title}</h1>\
         <p>The first paragraph about {words} says what happened, where it happened, and why it matters to readers.</p>\
         <p>The second paragraph about {words} gives the details that a reader came for, at some length too.</p>\
         </article><footer>Copyright 2026 Example Corp</footer></body></html>"
    )
}

/// A WARC record's bytes.
fn record(kind: &str, id: &str, uri: &str, extra: &str, ct: &str, content: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n{extra}\
         Content-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
        content.len()
    )
    .into_bytes();
    out.extend_from_slice(content);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record with an HTTP head.
fn response(id: &str, status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    http.extend_from_slice(body);
    let uri = format!("https://example.com/{id}");
    let ct = "application/http; msgtype=response";
    record("response", id, &uri, "", ct, &http)
}

fn html_response(id: &str) -> Vec<u8> {
    response(
        id,
        "200 OK",
        "Content-Type: text/html; charset=utf-8\r\n",
        page(&format!("Story {id}"), &format!("topic-{id}")).as_bytes(),
    )
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("corpus")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn run_ok(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "dechaff corpus {args:?} failed:\n{stderr}"
    );
    stderr
}

fn read_maybe_compressed(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap();
    let name = path.to_string_lossy();
    if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else if name.ends_with(".zst") {
        zstd::stream::decode_all(&raw[..]).unwrap()
    } else {
        raw
    }
}

fn records(path: &Path) -> Vec<Value> {
    let data = read_maybe_compressed(path);
    data.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect()
}

fn by_id<'a>(recs: &'a [Value], id: &str) -> &'a Value {
    let want = format!("<urn:uuid:{id}>");
    recs.iter()
        .find(|r| r["id"] == want.as_str())
        .unwrap_or_else(|| panic!("no record {id} in {recs:#?}"))
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Writes a WARC.gz of these records (one member each); returns the
/// members' offsets.
fn write_warc_gz(path: &Path, recs: &[Vec<u8>]) -> Vec<u64> {
    let mut data = Vec::new();
    let mut offsets = Vec::new();
    for r in recs {
        offsets.push(data.len() as u64);
        data.extend(gz(r));
    }
    std::fs::write(path, data).unwrap();
    offsets
}

fn mixed_records() -> Vec<Vec<u8>> {
    let mut chunked_gzip_body = Vec::new();
    let zipped = gz(page("Chunked", "chunks").as_bytes());
    for part in zipped.chunks(100) {
        chunked_gzip_body.extend(format!("{:x}\r\n", part.len()).bytes());
        chunked_gzip_body.extend_from_slice(part);
        chunked_gzip_body.extend_from_slice(b"\r\n");
    }
    chunked_gzip_body.extend_from_slice(b"0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            "info",
            "",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "req-a",
            "https://example.com/a",
            "",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        html_response("a"),
        record(
            "metadata",
            "meta-a",
            "https://example.com/a",
            "",
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        response(
            "png",
            "200 OK",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\nxxxx",
        ),
        response(
            "json",
            "200 OK",
            "Content-Type: application/json\r\n",
            b"{\"not\": \"html\"}",
        ),
        response(
            "gone",
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<p>gone</p>",
        ),
        response(
            "chunked",
            "200 OK",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked_gzip_body,
        ),
        response(
            "latin1",
            "200 OK",
            "Content-Type: text/html; charset=iso-8859-1\r\n",
            &page("Caf\u{e9}", "caf\u{e9} cr\u{e8}me")
                .chars()
                .map(|c| c as u32 as u8)
                .collect::<Vec<u8>>(),
        ),
        {
            let full = page("Cut", "cut-short");
            let http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
                &full[..full.len() - 60]
            );
            record(
                "response",
                "cut",
                "https://example.com/cut",
                "WARC-Truncated: length\r\n",
                "application/http; msgtype=response",
                http.as_bytes(),
            )
        },
        html_response("z"),
    ]
}

#[test]
fn warc_gz_records_statuses_and_texts() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("crawl.warc.gz");
    write_warc_gz(&input, &mixed_records());
    let out = dir.path().join("out.jsonl");
    let stats = dir.path().join("stats.json");
    let stderr = run_ok(&[
        path_str(&input),
        "-o",
        path_str(&out),
        "--stats",
        path_str(&stats),
    ]);
    let recs = records(&out);
    // One record per response, none for warcinfo, request, metadata.
    assert_eq!(recs.len(), 8, "{recs:#?}");
    let a = by_id(&recs, "a");
    assert_eq!(a["status"], "ok");
    assert_eq!(a["url"], "https://example.com/a");
    assert_eq!(a["title"], "Story a");
    assert_eq!(a["lang"], "en");
    assert_eq!(a["encoding"], "UTF-8");
    let text = a["text"].as_str().unwrap();
    assert!(text.contains("The first paragraph about topic-a"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
    assert_eq!(a["source"]["file"], path_str(&input));
    assert_eq!(by_id(&recs, "png")["reason"], "not_html");
    assert_eq!(by_id(&recs, "json")["reason"], "not_html");
    assert_eq!(by_id(&recs, "gone")["status"], "skipped");
    assert_eq!(by_id(&recs, "gone")["reason"], "non_200");
    let chunked = by_id(&recs, "chunked");
    assert_eq!(chunked["status"], "ok", "{chunked}");
    assert!(chunked["text"].as_str().unwrap().contains("about chunks"));
    let latin = by_id(&recs, "latin1");
    assert_eq!(latin["encoding"], "windows-1252");
    assert!(latin["text"].as_str().unwrap().contains("café crème"));
    let cut = by_id(&recs, "cut");
    assert_eq!(cut["status"], "degraded");
    assert_eq!(cut["reason"], "truncated");
    assert!(
        cut["text"]
            .as_str()
            .unwrap()
            .contains("first paragraph about cut-short")
    );
    assert_eq!(by_id(&recs, "z")["status"], "ok");
    // The summary counts what is not written.
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(s["documents"], 8);
    assert_eq!(s["other_records"]["request"], 1);
    assert_eq!(s["other_records"]["metadata"], 1);
    assert_eq!(s["other_records"]["warcinfo"], 1);
    assert_eq!(s["reasons"]["skipped"]["not_html"], 2);
    assert!(s["peak_rss_bytes"].as_u64().unwrap() > 0);
    assert!(stderr.contains("documents  8 in"), "{stderr}");
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
}

#[test]
fn corrupt_member_is_reported_and_nothing_else_is_lost() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("bad.warc.gz");
    let recs: Vec<Vec<u8>> = (0..6).map(|i| html_response(&format!("r{i}"))).collect();
    let offsets = write_warc_gz(&input, &recs);
    let mut data = std::fs::read(&input).unwrap();
    // Damage the middle of member 2's deflate data.
    let (s, e) = (offsets[2] as usize, offsets[3] as usize);
    for b in &mut data[s + (e - s) / 2..s + (e - s) / 2 + 8] {
        *b ^= 0xa5;
    }
    // And put junk between members 4 and 5.
    let junk_at = offsets[5] as usize;
    data.splice(junk_at..junk_at, b"JUNK JUNK".iter().copied());
    std::fs::write(&input, &data).unwrap();
    let out = dir.path().join("out.jsonl.gz");
    let stderr = run_ok(&[path_str(&input), "-o", path_str(&out)]);
    let recs = records(&out);
    for i in [0, 1, 3, 4, 5] {
        assert_eq!(by_id(&recs, &format!("r{i}"))["status"], "ok");
    }
    let errors: Vec<&Value> = recs.iter().filter(|r| r["status"] == "error").collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0]["reason"], "corrupt_gzip");
    assert_eq!(errors[0]["source"]["offset"], offsets[2]);
    assert_eq!(errors[1]["source"]["offset"], offsets[5]);
    assert!(
        stderr.contains(&format!(
            "bad.warc.gz: offset {}: corrupt gzip member",
            offsets[2]
        )),
        "{stderr}"
    );
}

#[test]
fn plain_warc_stdin_and_a_cut_file() {
    let dir = TempDir::new().unwrap();
    let mut data: Vec<u8> = ["p1", "p2", "p3"]
        .iter()
        .flat_map(|i| html_response(i))
        .collect();
    // The file ends in the middle of the last record.
    data.truncate(data.len() - 200);
    let mut child = Command::new(BIN)
        .args(["corpus", "-q", "-", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let path = dir.path().join("stdout.jsonl");
    std::fs::write(&path, &out.stdout).unwrap();
    let recs = records(&path);
    assert_eq!(recs.len(), 3, "{recs:#?}");
    assert_eq!(by_id(&recs, "p1")["status"], "ok");
    assert_eq!(by_id(&recs, "p2")["source"]["file"], "-");
    let p3 = by_id(&recs, "p3");
    assert_eq!(p3["status"], "degraded");
    assert_eq!(p3["reason"], "cut_off");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("many.warc.gz");
    let mut recs = Vec::new();
    for i in 0..600 {
        recs.push(html_response(&format!("doc{i}")));
        if i % 7 == 0 {
            recs.push(response(
                &format!("img{i}"),
                "200 OK",
                "Content-Type: image/gif\r\n",
                b"GIF89a",
            ));
        }
    }
    write_warc_gz(&input, &recs);
    let mut outputs = Vec::new();
    for (threads, ext) in [
        ("1", "jsonl.zst"),
        ("2", "jsonl.zst"),
        ("3", "jsonl.zst"),
        ("1", "jsonl.gz"),
        ("2", "jsonl.gz"),
    ] {
        let out = dir.path().join(format!("t{threads}.{ext}"));
        run_ok(&[path_str(&input), "-o", path_str(&out), "--threads", threads]);
        outputs.push((ext, std::fs::read(&out).unwrap()));
    }
    assert!(outputs[1].1 == outputs[0].1 && outputs[2].1 == outputs[0].1);
    assert!(outputs[4].1 == outputs[3].1);
    let recs = records(&dir.path().join("t2.jsonl.zst"));
    assert_eq!(recs.len(), 600 + 86);
    // Input order is kept.
    assert_eq!(recs[0]["id"], "<urn:uuid:doc0>");
    assert_eq!(recs[685]["id"], "<urn:uuid:doc599>");
}

#[test]
fn shards_resume_and_globs() {
    let dir = TempDir::new().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_warc_gz(
        &inputs.join("a.warc.gz"),
        &[html_response("a1"), html_response("a2")],
    );
    write_warc_gz(&inputs.join("b.warc.gz"), &[html_response("b1")]);
    let outdir = dir.path().join("out");
    let pattern = format!("{}/*.warc.gz", inputs.display());
    let args = [
        pattern.as_str(),
        "-o",
        path_str(&outdir),
        "--shards",
        "--compress",
        "gzip",
    ];
    run_ok(&args);
    let a = outdir.join("a.jsonl.gz");
    let b = outdir.join("b.jsonl.gz");
    assert_eq!(records(&a).len(), 2);
    assert_eq!(records(&b).len(), 1);
    // --resume leaves complete outputs alone and makes the missing one.
    std::fs::remove_file(&b).unwrap();
    std::fs::write(&a, b"sentinel").unwrap();
    let mut resume = args.to_vec();
    resume.push("--resume");
    let stderr = run_ok(&resume);
    assert_eq!(std::fs::read(&a).unwrap(), b"sentinel");
    assert_eq!(records(&b).len(), 1);
    assert!(stderr.contains("1 already complete"), "{stderr}");
    let stderr = run_ok(&resume);
    assert!(
        stderr.contains("every output is already complete"),
        "{stderr}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&outdir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn jsonl_inputs_with_custom_fields_and_bad_lines() {
    let dir = TempDir::new().unwrap();
    let good = |id: &str| {
        serde_json::json!({"doc_id": id, "link": format!("https://x.org/{id}"),
                           "raw": page(&format!("J {id}"), id)})
        .to_string()
    };
    let text = format!(
        "{}\n{{broken json\n{}\n{{\"doc_id\": \"nohtml\"}}\n\n{}\n",
        good("j1"),
        good("j2"),
        good("j3")
    );
    let plain = dir.path().join("pages.jsonl");
    std::fs::write(&plain, &text).unwrap();
    let zst = dir.path().join("more.jsonl.zst");
    std::fs::write(
        &zst,
        zstd::stream::encode_all(good("j4").as_bytes(), 3).unwrap(),
    )
    .unwrap();
    let gzp = dir.path().join("gz.jsonl.gz");
    std::fs::write(&gzp, gz(good("j5").as_bytes())).unwrap();
    let out = dir.path().join("out.jsonl");
    let stderr = run_ok(&[
        path_str(&plain),
        path_str(&zst),
        path_str(&gzp),
        "-o",
        path_str(&out),
        "--html-field",
        "raw",
        "--id-field",
        "doc_id",
        "--url-field",
        "link",
    ]);
    let recs = records(&out);
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        ids,
        ["j1", "-", "j2", "nohtml", "j3", "j4", "j5"],
        "{recs:#?}"
    );
    assert_eq!(recs[0]["url"], "https://x.org/j1");
    assert!(
        recs[0]["text"]
            .as_str()
            .unwrap()
            .contains("paragraph about j1")
    );
    assert_eq!(recs[1]["reason"], "bad_json");
    assert_eq!(recs[1]["source"]["offset"], good("j1").len() + 1);
    assert_eq!(recs[3]["reason"], "missing_html_field");
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
}

#[test]
fn html_directories_filters_and_markdown() {
    let dir = TempDir::new().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("sub/deeper")).unwrap();
    std::fs::write(site.join("b.html"), page("B", "bees")).unwrap();
    std::fs::write(site.join("sub/a.htm"), page("A", "ants")).unwrap();
    std::fs::write(
        site.join("sub/deeper/c.html.gz"),
        gz(page("C", "cats").as_bytes()),
    )
    .unwrap();
    std::fs::write(site.join("notes.txt"), "not a page").unwrap();
    let french = page("F", "fourmis").replace("lang=\"en\"", "lang=\"fr\"");
    std::fs::write(site.join("sub/f.html"), french).unwrap();
    std::fs::write(site.join("tiny.html"), "<p>Hi.</p>").unwrap();
    let out = dir.path().join("out.jsonl");
    run_ok(&[
        path_str(&site),
        "-o",
        path_str(&out),
        "--lang",
        "en",
        "--min-length",
        "80",
        "--markdown",
    ]);
    let recs = records(&out);
    let summary: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["reason"].as_str().unwrap_or("ok").into(),
            )
        })
        .collect();
    let expect = [
        ("b.html", "ok"),
        ("sub/a.htm", "ok"),
        ("sub/deeper/c.html.gz", "ok"),
        ("sub/f.html", "lang_filtered"),
        ("tiny.html", "too_short"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(summary, expect);
    // Markdown: paragraphs apart by a blank line (plain text: one per line).
    assert!(
        recs[0]["text"]
            .as_str()
            .unwrap()
            .contains(".\n\nThe second"),
        "{}",
        recs[0]["text"]
    );
    // --only-ok drops the skipped records.
    run_ok(&[
        path_str(&site),
        "-o",
        path_str(&out),
        "--lang",
        "en,fr",
        "--only-ok",
    ]);
    assert_eq!(records(&out).len(), 4);
}

#[test]
fn bad_invocations_fail_before_any_work() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out.jsonl");
    let missing = dir.path().join("missing.warc.gz");
    let r = run(&[path_str(&missing), "-o", path_str(&out)]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("no such file"));
    let pattern = format!("{}/*.warc", dir.path().display());
    let r = run(&[&pattern, "-o", path_str(&out)]);
    assert!(String::from_utf8_lossy(&r.stderr).contains("no file matches"));
    let input = dir.path().join("x.warc");
    std::fs::write(&input, html_response("x")).unwrap();
    let r = run(&[path_str(&input), "-o", path_str(dir.path())]);
    assert!(String::from_utf8_lossy(&r.stderr).contains("is a directory"));
    assert!(!out.exists());
    // The same input name twice in one shard directory.
    let other = dir.path().join("o");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("x.warc"), html_response("y")).unwrap();
    let shards = dir.path().join("shards");
    let r = run(&[
        path_str(&input),
        path_str(&other.join("x.warc")),
        "-o",
        path_str(&shards),
        "--shards",
    ]);
    assert!(String::from_utf8_lossy(&r.stderr).contains("would both write x.jsonl"));
}
