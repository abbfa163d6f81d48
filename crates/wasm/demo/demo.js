// The demo page: extract with the WebAssembly build, show the page with its
// blocks outlined next to the extracted text, Markdown and block list.
import { markBlocks } from './mark.js';

const $ = (id) => document.getElementById(id);
const status = (msg, error = false) => {
  $('status').textContent = msg;
  $('status').classList.toggle('error', error);
};

let extract;
try {
  ({ extract } = await import('../pkg/dechaff.js'));
} catch (e) {
  status(`Could not load the WebAssembly module (run crates/wasm/build.sh first): ${e}`, true);
  throw e;
}

// A saved page may be in any charset: honour a BOM, then a <meta charset>
// in its first 1024 bytes, as browsers do; UTF-8 otherwise.
function decodeBytes(buf) {
  const bytes = new Uint8Array(buf);
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
    if (m) label = m[1];
  }
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// The preview: the page's own markup without its scripts, and a policy
// that keeps it from loading anything (stylesheets, images, fonts).
function previewSource(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const s of doc.querySelectorAll('script, base, meta[http-equiv]')) s.remove();
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  doc.head.prepend(csp);
  return (doc.doctype ? '<!doctype html>' : '') + doc.documentElement.outerHTML;
}

function options() {
  return {
    preset: $('preset').value,
    keep_all: $('keep_all').checked,
    comments: $('comments').checked,
  };
}

let current = null;

function run(html) {
  let out;
  const t0 = performance.now();
  try {
    out = extract(html, options());
  } catch (e) {
    status(String(e), true);
    return;
  }
  const ms = performance.now() - t0;
  current = out;
  $('text').textContent = out.text;
  $('markdown').textContent = out.markdown;
  const kept = out.blocks.filter((b) => b.kept).length;

  const frame = $('page');
  frame.onload = () => {
    const { elements, placed } = markBlocks(frame.contentDocument, out.blocks);
    renderBlocks(out.blocks, elements);
    status(
      `${out.title ? `“${out.title}”: ` : ''}${out.blocks.length} blocks, ${kept} kept, ` +
        `${out.blocks.length - kept} dropped; ${placed} outlined on the page, ` +
        `${out.blocks.length - placed} not placed (no element with exactly that text); ` +
        `extracted in ${ms.toFixed(1)} ms` + (out.degraded ? `; degraded: ${out.degraded}` : ''),
    );
    document.body.dataset.state = 'done';
  };
  document.body.dataset.state = 'rendering';
  frame.srcdoc = previewSource(html);
}

function renderBlocks(blocks, elements) {
  const list = $('blocks');
  list.replaceChildren();
  blocks.forEach((b, i) => {
    const li = document.createElement('li');
    li.className = b.kept ? 'kept' : 'dropped';
    const why = document.createElement('span');
    why.className = 'why';
    why.textContent = `${b.kind} · ${b.kept ? 'kept' : 'dropped'}: ${b.reason}${elements[i] ? '' : ' · not placed'}`;
    li.append(why, b.text);
    if (elements[i]) li.onclick = () => elements[i].scrollIntoView({ block: 'center' });
    list.append(li);
  });
}

$('controls').addEventListener('submit', (e) => {
  e.preventDefault();
  run($('html').value);
});
for (const id of ['preset', 'keep_all', 'comments']) {
  $(id).addEventListener('change', () => $('html').value && run($('html').value));
}

async function openFile(file) {
  const html = decodeBytes(await file.arrayBuffer());
  $('html').value = html;
  run(html);
}
$('file').addEventListener('change', () => $('file').files[0] && openFile($('file').files[0]));
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
});

for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => {
    for (const t of document.querySelectorAll('[role=tab]')) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      $(t.dataset.tab).hidden = !on;
    }
  });
}

$('copy').addEventListener('click', async () => {
  if (!current) return;
  const tab = document.querySelector('[role=tab][aria-selected=true]').dataset.tab;
  const value = tab === 'markdown' ? current.markdown : current.text;
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    // No clipboard permission (an http: page, an old browser): the old way.
    const ta = document.createElement('textarea');
    ta.value = value;
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  $('copy').textContent = 'Copied';
  setTimeout(() => ($('copy').textContent = 'Copy'), 1500);
});

// The bookmarklet loads bookmarklet.js from wherever this demo is served.
$('bookmarklet').href =
  `javascript:import(${JSON.stringify(new URL('bookmarklet.js', import.meta.url).href)}).catch((e)=>alert('dechaff: '+e))`;

status('Ready: paste HTML and press Extract, open a file, or drop one here.');
document.body.dataset.state = 'ready';
