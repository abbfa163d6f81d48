// Times extract() on a ~300 KB page: the WebAssembly build under Node
// against the native library (examples/native.rs, --release), on the same
// decoded text, and prints the ratio.
//
//   node bench.mjs [PAGE|corpus] [ROUNDS]
//
// PAGE defaults to the ../shared/bench/scrapinghub page (html.gz) whose
// size is nearest 300 KB when that benchmark is present; `corpus`, or no
// benchmark data, takes a page made by repeating the body of the corpus
// article news_trending_en.html to 300 KB (many blocks).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from './pkg/node.js';
import { corpusDir, nativeBinary, outputDir, rootDir } from './test/helpers.mjs';

const TARGET = 300_000;
const rounds = Number(process.argv[3] || 20);
const dir = join(outputDir, 'bench');
mkdirSync(dir, { recursive: true });

function pickPage() {
  if (process.argv[2] && process.argv[2] !== 'corpus') return process.argv[2];
  const bench = join(rootDir, '..', 'shared', 'bench', 'scrapinghub', 'html');
  if (process.argv[2] !== 'corpus' && existsSync(bench)) {
    let best = null;
    for (const f of readdirSync(bench).filter((f) => f.endsWith('.html.gz')).sort()) {
      const size = gunzipSync(readFileSync(join(bench, f))).length;
      if (!best || Math.abs(size - TARGET) < Math.abs(best.size - TARGET)) best = { f, size };
    }
    const out = join(dir, best.f.replace(/\.gz$/, ''));
    writeFileSync(out, gunzipSync(readFileSync(join(bench, best.f))));
    return out;
  }
  // No benchmark data: the corpus article's body, repeated to 300 KB.
  const html = readFileSync(join(corpusDir, 'news_trending_en.html'), 'utf8');
  const [head, rest] = html.split(/<body[^>]*>/i);
  const body = rest.split(/<\/body>/i)[0];
  let page = `${head}<body>`;
  while (page.length < TARGET) page += body;
  const out = join(dir, 'repeated.html');
  writeFileSync(out, `${page}</body></html>`);
  return out;
}

const page = pickPage();
// The native side decodes the page as a browser would and writes the text
// the JS side gets; both then extract exactly that.
execFileSync(nativeBinary(), ['texts', dir, page]);
const stem = page.split('/').pop().replace(/\.html$/, '');
const input = join(dir, `${stem}.input.html`);
const html = readFileSync(input, 'utf8');

// V8 compiles WebAssembly with a baseline compiler first and optimises hot
// functions later, so the first calls are slower: time the first call on
// its own, warm up for a second (and 30 calls at least), then measure the
// steady state, as the native side measures its own.
let t0 = performance.now();
extract(html);
const coldMs = performance.now() - t0;
const warmStart = performance.now();
for (let i = 0; i < 30 || performance.now() - warmStart < 1000; i++) extract(html);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Batches of each side in turn, so that load from other processes on a
// shared machine falls on both alike.
const batches = 7;
const nativeMedians = [];
const wasmMedians = [];
for (let b = 0; b < batches; b++) {
  nativeMedians.push(
    Number(execFileSync(nativeBinary(), ['bench', input, String(rounds * 2)], { encoding: 'utf8' })),
  );
  const times = [];
  for (let i = 0; i < rounds; i++) {
    t0 = performance.now();
    extract(html);
    times.push(performance.now() - t0);
  }
  wasmMedians.push(median(times));
}
const nativeMs = median(nativeMedians);
const wasmMs = median(wasmMedians);
const nativeMin = Math.min(...nativeMedians);
const wasmMin = Math.min(...wasmMedians);

console.log(`page: ${page} (${Buffer.byteLength(html)} bytes as UTF-8)`);
console.log(`native: ${nativeMs.toFixed(2)} ms, wasm in Node ${process.version}: ${wasmMs.toFixed(2)} ms ` +
  `(medians of ${batches} batches, ${rounds * 2} and ${rounds} runs each; wasm's first call: ${coldMs.toFixed(1)} ms)`);
console.log(`best batches: native ${nativeMin.toFixed(2)} ms, wasm ${wasmMin.toFixed(2)} ms, ratio ${(wasmMin / nativeMin).toFixed(2)}`);
console.log(`ratio wasm/native: ${(wasmMs / nativeMs).toFixed(2)}`);
