// Node entry of the dechaff package: fetch() cannot read file: URLs in
// Node, so the .wasm is read from disk and compiled synchronously.
import { readFileSync } from 'node:fs';
import { initSync, extract as wasmExtract } from './dechaff_wasm.js';

initSync({ module: readFileSync(new URL('./dechaff_wasm_bg.wasm', import.meta.url)) });

/**
 * Extracts a page's main content. See dechaff.d.ts for the types.
 * @param {string} html the page
 * @param {object} [options] comments, keep_all, preset, max_bytes, max_nodes, max_depth
 */
export function extract(html, options) {
  return wasmExtract(html, options);
}
