// A tiny static file server for the demo and its tests: serves crates/wasm
// (demo/, pkg/) and the repository's corpus/ under /corpus/, on 127.0.0.1
// only. `node demo/serve.mjs [port]` then open http://127.0.0.1:PORT/demo/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const wasmDir = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = fileURLToPath(new URL('../../../corpus/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.md': 'text/plain; charset=utf-8',
};

/** Starts the server on `port` (0: any free one); resolves to the server. */
export function serve(port = 0) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let base = wasmDir;
    let rel = path;
    if (path.startsWith('/corpus/')) {
      base = corpusDir;
      rel = path.slice('/corpus/'.length);
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(base, rel));
    // Never serve outside the two roots.
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        // Corpus pages keep their own charset (some are not UTF-8).
        'content-type': base === corpusDir ? 'text/html' : TYPES[extname(file)] || 'application/octet-stream',
        // So that the bookmarklet can import the module from any page.
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] || 8000));
  console.log(`dechaff demo: http://127.0.0.1:${server.address().port}/demo/`);
}
