// Same results as native: every corpus page, as the string a browser would
// hold, extracts to byte-identical text (and Markdown) in WebAssembly under
// Node and in the native library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../pkg/node.js';
import { corpusDir, corpusPages, nativeBinary, outputDir } from './helpers.mjs';

test('wasm text equals native text on every corpus page', () => {
  const pages = corpusPages();
  assert.ok(pages.length > 0, 'no corpus pages found');
  const dir = join(outputDir, 'native');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(nativeBinary(), ['texts', dir, ...pages.map((p) => join(corpusDir, p))]);

  const differ = [];
  for (const page of pages) {
    const stem = page.replace(/\.html$/, '');
    // The native side decoded the page as a browser would and extracted
    // exactly these UTF-8 bytes; the JS side gets the same text as a string.
    const input = readFileSync(join(dir, `${stem}.input.html`), 'utf8');
    const out = extract(input);
    const text = Buffer.from(out.text, 'utf8');
    const markdown = Buffer.from(out.markdown, 'utf8');
    if (!text.equals(readFileSync(join(dir, `${stem}.txt`)))) differ.push(`${page} (text)`);
    if (!markdown.equals(readFileSync(join(dir, `${stem}.md`)))) differ.push(`${page} (markdown)`);
    // A page with no kept text would make the comparison too easy to pass.
    assert.ok(out.text.length > 0, `${page}: empty text`);
  }
  console.log(`corpus parity: ${pages.length - new Set(differ.map((d) => d.split(' ')[0])).size}/${pages.length} pages byte-identical to native`);
  assert.deepEqual(differ, []);
});
