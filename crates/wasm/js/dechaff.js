// Browser (and bundler) entry of the dechaff package: fetches and
// instantiates the .wasm once, at import, so that extract() is synchronous.
import init, { extract as wasmExtract } from './dechaff_wasm.js';

await init({ module_or_path: new URL('./dechaff_wasm_bg.wasm', import.meta.url) });

/**
 * Extracts a page's main content. See dechaff.d.ts for the types.
 * @param {string} html the page
 * @param {object} [options] comments, keep_all, preset, max_bytes, max_nodes, max_depth
 */
export function extract(html, options) {
  return wasmExtract(html, options);
}
