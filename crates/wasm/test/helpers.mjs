// Paths and the native example binary shared by the tests and the bench.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** crates/wasm/ */
export const wasmDir = fileURLToPath(new URL('..', import.meta.url));
/** The repository root. */
export const rootDir = join(wasmDir, '..', '..');
/** The bundled corpus of test pages. */
export const corpusDir = join(rootDir, 'corpus');
/** Where tests leave screenshots and scratch files (git-ignored). */
export const outputDir = join(wasmDir, 'test-output');

/** The corpus pages, by file name. */
export function corpusPages() {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.html')).sort();
}

/**
 * The native example (examples/native.rs), built with --release into
 * CARGO_TARGET_DIR (default: the repository's target/); built here when
 * missing so a lone `node --test` works too.
 */
export function nativeBinary() {
  const target = process.env.CARGO_TARGET_DIR || join(rootDir, 'target');
  const bin = join(target, 'release', 'examples', 'native');
  if (!existsSync(bin)) {
    execFileSync('cargo', ['build', '--release', '-p', 'dechaff-wasm', '--example', 'native'], {
      cwd: rootDir,
      stdio: 'inherit',
    });
  }
  return bin;
}
