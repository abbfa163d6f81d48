// Bookmarklet: run dechaff on the page in front of you. Importing this
// module (the demo's "dechaff this page" link does) extracts from
// document.documentElement.outerHTML, outlines the page's blocks in place
// and opens a panel with the text and Markdown. Importing it again on the
// same page just reopens the panel.
import { extract } from '../pkg/dechaff.js';
import { markBlocks } from './mark.js';

const PANEL_ID = 'dechaff-panel';

function open() {
  const old = document.getElementById(PANEL_ID);
  if (old) {
    old.hidden = false;
    return;
  }
  // The markup before the panel is added, so it never extracts itself.
  const out = extract(document.documentElement.outerHTML);
  const { elements, placed } = markBlocks(document, out.blocks);
  const kept = out.blocks.filter((b) => b.kept).length;

  const host = document.createElement('div');
  host.id = PANEL_ID;
  // A shadow root keeps the page's CSS off the panel and the panel's off the page.
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
    <style>
      .p { position: fixed; top: 8px; right: 8px; width: min(480px, 45vw); max-height: calc(100vh - 16px);
           display: flex; flex-direction: column; z-index: 2147483647; background: #fff; color: #1f2328;
           border: 1px solid #d0d7de; box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 13px/1.4 system-ui, sans-serif; }
      .bar { display: flex; gap: 6px; align-items: center; padding: 6px; border-bottom: 1px solid #d0d7de; }
      .bar span { flex: 1; }
      pre { margin: 0; padding: 8px; overflow: auto; white-space: pre-wrap; font: 12px/1.5 ui-monospace, monospace; }
    </style>
    <div class="p">
      <div class="bar"><span class="s"></span>
        <button class="md">Markdown</button><button class="copy">Copy</button><button class="x">✕</button></div>
      <pre class="out"></pre>
    </div>`;
  const pre = root.querySelector('.out');
  let md = false;
  const show = () => {
    pre.textContent = md ? out.markdown : out.text;
    root.querySelector('.md').textContent = md ? 'Text' : 'Markdown';
  };
  show();
  root.querySelector('.s').textContent =
    `dechaff: ${kept} of ${out.blocks.length} blocks kept (green), ${placed} outlined`;
  root.querySelector('.md').onclick = () => {
    md = !md;
    show();
  };
  root.querySelector('.copy').onclick = () => navigator.clipboard.writeText(md ? out.markdown : out.text);
  root.querySelector('.x').onclick = () => (host.hidden = true);
  document.body.append(host);
  // Past the menus, to where the content starts.
  const first = elements.find((el, i) => el && out.blocks[i].kept);
  if (first) first.scrollIntoView({ block: 'start' });
}

open();
