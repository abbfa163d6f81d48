// The package API: the result's shape, the options, errors thrown for bad
// options, and a result for any string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../pkg/node.js';
import { corpusDir, wasmDir } from './helpers.mjs';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Rivers of the north</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Rivers of the north</h1>
<p>The northern rivers freeze in November and thaw in April, and the weeks between decide the year's harvest for the valley farms.</p>
<h2>The thaw</h2>
<p>When the ice breaks, the water rises a metre in a day; the old town on the bank has moved its market uphill three times since 1900.</p>
<ul><li>First ice in November, most years.</li><li>Break-up in April, sometimes as late as May.</li></ul>
</article>
<footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>`;

const page = (name) => readFileSync(join(corpusDir, name), 'utf8');

test('the result is a plain object with the documented fields', () => {
  const out = extract(ARTICLE);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.deepEqual(Object.keys(out).sort(), [
    'blocks', 'comments', 'degraded', 'lang', 'markdown', 'metadata', 'text', 'title',
  ]);
  assert.equal(out.title, 'Rivers of the north');
  assert.equal(out.lang, 'en');
  assert.equal(out.degraded, null);
  assert.equal(out.comments, null);
  assert.match(out.text, /^The northern rivers freeze/m);
  assert.doesNotMatch(out.text, /Copyright/);
  assert.match(out.markdown, /^## The thaw$/m);
  assert.match(out.markdown, /^- First ice in November/m);
  assert.deepEqual(Object.keys(out.metadata).sort(), [
    'authors', 'canonical_url', 'description', 'image', 'modified', 'page_type', 'published', 'site_name',
    'tags', 'title',
  ]);
  assert.ok(Array.isArray(out.metadata.authors) && Array.isArray(out.metadata.tags));
});

test('blocks carry kind, text, kept and reason; text is the kept blocks', () => {
  const out = extract(ARTICLE);
  for (const b of out.blocks) {
    assert.deepEqual(Object.keys(b), ['kind', 'text', 'kept', 'reason']);
    assert.equal(typeof b.kept, 'boolean');
  }
  assert.equal(out.text, out.blocks.filter((b) => b.kept).map((b) => b.text).join('\n'));
  const nav = out.blocks.find((b) => b.text.includes('Home'));
  assert.deepEqual([nav.kept, nav.reason], [false, 'navigation']);
  assert.ok(out.blocks.some((b) => b.kind === 'li' && b.kept));
  assert.ok(out.blocks.some((b) => b.kind === 'h2' && b.kept));
});

test('keep_all and keepAll keep every block', () => {
  for (const opts of [{ keep_all: true }, { keepAll: true }]) {
    const out = extract(ARTICLE, opts);
    assert.ok(out.blocks.length > 0);
    assert.ok(out.blocks.every((b) => b.kept && b.reason === 'keep_all'), JSON.stringify(opts));
    assert.match(out.text, /Copyright 2026/);
  }
});

test('comments collects the comment thread apart from the text', () => {
  const html = page('essay_comments_en.html');
  assert.equal(extract(html).comments, null);
  const out = extract(html, { comments: true });
  assert.equal(typeof out.comments, 'string');
  assert.ok(out.comments.length > 0);
  assert.equal(out.text, extract(html).text);
});

test('presets change how much borderline text is kept', () => {
  const html = page('news_trending_en.html');
  const kept = (preset) => extract(html, { preset }).blocks.filter((b) => b.kept).length;
  assert.ok(kept('precision') <= kept('balanced'));
  assert.ok(kept('balanced') <= kept('recall'));
});

test('limits mark the result degraded', () => {
  assert.equal(extract(ARTICLE, { max_bytes: 200 }).degraded, 'too_many_bytes');
  assert.equal(extract(ARTICLE, { maxNodes: 5 }).degraded, 'too_many_nodes');
  assert.equal(extract(ARTICLE, { max_depth: 3 }).degraded, 'too_deep');
  assert.equal(extract(ARTICLE, { max_bytes: 1e12 }).degraded, null);
});

test('undefined and null options mean the defaults', () => {
  const want = extract(ARTICLE).text;
  for (const opts of [undefined, null, {}, { preset: undefined, keepAll: null }]) {
    assert.equal(extract(ARTICLE, opts).text, want);
  }
});

test('bad options throw JS errors that name the problem', () => {
  const cases = [
    [{ keepall: true }, TypeError, /unknown option "keepall".*keep_all \(keepAll\)/],
    [{ comments: 'yes' }, TypeError, /"comments" must be a boolean, not string/],
    [{ preset: 'fast' }, RangeError, /"preset" must be "precision", "balanced" or "recall", not "fast"/],
    [{ preset: 1 }, TypeError, /"preset" must be a string/],
    [{ max_bytes: '1000' }, TypeError, /"max_bytes" must be a number, not string/],
    [{ maxNodes: 0 }, RangeError, /"maxNodes" must be a whole number of at least 1, not 0/],
    [{ max_depth: 2.5 }, RangeError, /"max_depth" must be a whole number/],
    [{ max_depth: 10n }, TypeError, /"max_depth" must be a number, not bigint/],
    [{ keep_all: true, keepAll: true }, TypeError, /same option/],
    ['recall', TypeError, /options must be a plain object, not string/],
    [[1], TypeError, /options must be a plain object, not an array/],
  ];
  for (const [opts, cls, message] of cases) {
    assert.throws(() => extract(ARTICLE, opts), (e) => e instanceof cls && message.test(e.message), JSON.stringify(String(opts)));
  }
});

test('a non-string page throws a TypeError', () => {
  for (const html of [undefined, null, 42, new Uint8Array([60, 112, 62])]) {
    assert.throws(() => extract(html), (e) => e instanceof TypeError && /takes the page as a string/.test(e.message));
  }
});

test('any string gives a result', () => {
  const odd = [
    '', 'plain words, no markup', '<<<>>><!--', '\uD800 lone surrogate', '\u0000\u0001',
    '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000),
    '<p ' + 'a=1 '.repeat(1000) + '>attributes</p>',
  ];
  for (const html of odd) {
    const out = extract(html);
    assert.equal(typeof out.text, 'string');
    assert.ok(Array.isArray(out.blocks));
  }
  assert.equal(extract('').blocks.length, 0);
});

test('the string is taken as decoded text, whatever its meta charset says', () => {
  const html = `<html><head><meta charset="windows-1251"><title>t</title></head><body><article>
    <p>Северные реки замерзают в ноябре и вскрываются в апреле, и недели между ними решают урожай долины.</p>
    </article></body></html>`;
  assert.match(extract(html).text, /Северные реки замерзают/);
});

test('the package resolves by name through its exports map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dechaff-pkg-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(wasmDir, 'pkg'), join(dir, 'node_modules', 'dechaff'), 'dir');
    const script = `import { extract } from 'dechaff';
      const out = extract('<article><p>' + 'A sentence of real content here. '.repeat(8) + '</p></article>');
      process.stdout.write(out.text.slice(0, 16));`;
    const got = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(got, 'A sentence of re');
    const pkg = JSON.parse(readFileSync(join(wasmDir, 'pkg', 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'dechaff');
    assert.equal(pkg.type, 'module');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
