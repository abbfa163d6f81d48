// Maps dechaff's blocks back onto a parsed page and outlines them.
//
// dechaff returns blocks of text, not node references, so a block is
// placed on the element whose text equals the block's, compared with all
// whitespace removed (a table row's cells are tab-separated in the block
// but may touch in the markup). Blocks are in document order, so the
// search prefers the first match after the previous block's element; a
// block that matches no element but a lone text node gets that node
// wrapped in a <span>. A block matching neither is reported as not placed
// rather than guessed.

/** The attribute that says `kept` or `dropped` on an outlined element. */
export const ATTR = 'data-dechaff';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

const key = (s) => s.replace(/\s+/g, '');

/** CSS for the outlines, to put into the marked document. */
export const STYLE = `
[${ATTR}="kept"] { outline: 2px solid #1a7f37 !important; outline-offset: -1px; background-color: rgba(26,127,55,.08) !important; }
[${ATTR}="dropped"] { outline: 2px dashed #cf222e !important; outline-offset: -1px; background-color: rgba(207,34,46,.07) !important; }
`;

/**
 * Outlines the blocks on `doc` (kept in green, dropped in red, the decision
 * and reason in the `title` tooltip). Returns the element of each block
 * (null where not placed) and the count placed.
 */
export function markBlocks(doc, blocks) {
  const root = doc.body || doc.documentElement;
  if (!root) return { elements: blocks.map(() => null), placed: 0 };

  // One bottom-up pass: each element's text key and document order; text
  // nodes with their own keys for the loose-text fallback.
  const byKey = new Map();
  const textByKey = new Map();
  let order = 0;
  const visit = (el) => {
    const mine = order++;
    let k = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = key(n.data);
        if (t) {
          k += t;
          if (!textByKey.has(t)) textByKey.set(t, []);
          textByKey.get(t).push({ node: n, order: mine });
        }
      } else if (n.nodeType === 1 && !SKIP.has(n.nodeName)) {
        k += visit(n);
      }
    }
    if (k) {
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k).push({ el, order: mine, used: false });
    }
    return k;
  };
  visit(root);
  for (const list of byKey.values()) list.sort((a, b) => a.order - b.order);

  const elements = [];
  let cursor = -1;
  let placed = 0;
  for (const b of blocks) {
    const k = key(b.text);
    let el = null;
    const list = k ? byKey.get(k) : undefined;
    if (list) {
      const hit = list.find((c) => !c.used && c.order > cursor) || list.find((c) => !c.used);
      if (hit) {
        // A wrapper holding only this text matches too: the innermost
        // element (last in document order of the nested run) is the block.
        let i = list.indexOf(hit);
        while (i + 1 < list.length && hit.el.contains(list[i + 1].el)) i++;
        for (let j = list.indexOf(hit); j <= i; j++) list[j].used = true;
        el = list[i].el;
        cursor = list[i].order;
      }
    }
    if (!el && k) {
      const texts = textByKey.get(k);
      const t = texts && texts.find((c) => !c.node.__dechaffWrapped);
      if (t && t.node.parentNode) {
        t.node.__dechaffWrapped = true;
        const span = doc.createElement('span');
        t.node.parentNode.insertBefore(span, t.node);
        span.appendChild(t.node);
        el = span;
      }
    }
    if (el) {
      el.setAttribute(ATTR, b.kept ? 'kept' : 'dropped');
      el.setAttribute('title', `${b.kept ? 'kept' : 'dropped'}: ${b.reason} (${b.kind})`);
      placed++;
    }
    elements.push(el);
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  (doc.head || doc.documentElement).appendChild(style);
  return { elements, placed };
}
