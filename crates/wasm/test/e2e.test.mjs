// The demo in a real browser: Debian's Chromium, headless, driven by
// playwright-core (which never downloads a browser). Feeds a corpus page to
// the demo, checks the extracted text against the package under Node and
// the outlines on the page, then runs the bookmarklet on a served corpus
// page. Screenshots go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { extract } from '../pkg/node.js';
import { serve } from '../demo/serve.mjs';
import { execFileSync } from 'node:child_process';
import { corpusDir, nativeBinary, outputDir } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PAGE = 'news_trending_en.html';

let server, context, base, profile;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install -y chromium`);
  mkdirSync(outputDir, { recursive: true });
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), 'dechaff-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
});

after(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the demo extracts a dropped-in page and outlines its blocks', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/demo/`);
  await page.waitForSelector('body[data-state=ready]');

  await page.setInputFiles('#file', join(corpusDir, PAGE));
  await page.waitForSelector('body[data-state=done]');

  const want = extract(readFileSync(join(corpusDir, PAGE), 'utf8'));
  assert.equal(await page.textContent('#text'), want.text);
  assert.equal(await page.textContent('#markdown'), want.markdown);

  const frame = page.frameLocator('#page');
  const kept = frame.locator('[data-dechaff=kept]');
  const dropped = frame.locator('[data-dechaff=dropped]');
  const nKept = await kept.count();
  const nDropped = await dropped.count();
  const keptBlocks = want.blocks.filter((b) => b.kept).length;
  // Most blocks are placed on an element with exactly their text.
  assert.ok(nKept >= keptBlocks * 0.8, `${nKept} of ${keptBlocks} kept blocks outlined`);
  assert.ok(nDropped > 0, 'no dropped block outlined');

  // Kept in green, solid; dropped in red, dashed, the reason on hover.
  const style = (loc) => loc.first().evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.outlineColor, s.outlineStyle];
  });
  assert.deepEqual(await style(kept), ['rgb(26, 127, 55)', 'solid']);
  assert.deepEqual(await style(dropped), ['rgb(207, 34, 46)', 'dashed']);
  const reasons = new Set(want.blocks.filter((b) => !b.kept).map((b) => b.reason));
  for (const title of await dropped.evaluateAll((els) => els.map((e) => e.title))) {
    const m = /^dropped: (\w+) \(/.exec(title);
    assert.ok(m && reasons.has(m[1]), `bad hover title ${title}`);
  }
  // The first kept paragraph's element holds exactly that text.
  const firstKept = want.blocks.find((b) => b.kept && b.kind === 'p');
  const keptTexts = await kept.evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(keptTexts.includes(firstKept.text), 'first kept paragraph not outlined');

  assert.match(await page.textContent('#status'), /outlined on the page/);
  // The screenshot shows the article, not just the menus above it.
  await kept.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, 'demo.png') });

  // The Blocks tab lists every block, and Copy says so.
  await page.click('[data-tab=blocks]');
  assert.equal(await page.locator('#blocks li').count(), want.blocks.length);
  await page.click('[data-tab=markdown]');
  await page.click('#copy');
  await page.waitForSelector('#copy:text("Copied")');
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted HTML with an option set goes through the form', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/demo/`);
  await page.waitForSelector('body[data-state=ready]');
  const html = readFileSync(join(corpusDir, 'blog_post_en.html'), 'utf8');
  await page.fill('#html', html);
  await page.check('#keep_all');
  await page.click('#run');
  await page.waitForSelector('body[data-state=done]');
  assert.equal(await page.textContent('#text'), extract(html, { keep_all: true }).text);
  await page.close();
});

test('saved pages in legacy charsets are decoded as natively', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dechaff-e2e-'));
  const pages = ['chinese_gbk.html', 'russian_cp1251.html'];
  try {
    execFileSync(nativeBinary(), ['texts', dir, ...pages.map((p) => join(corpusDir, p))]);
    const page = await context.newPage();
    await page.goto(`${base}/demo/`);
    await page.waitForSelector('body[data-state=ready]');
    for (const name of pages) {
      await page.setInputFiles('#file', join(corpusDir, name));
      await page.waitForSelector('body[data-state=done]');
      const want = readFileSync(join(dir, name.replace(/\.html$/, '.txt')), 'utf8');
      assert.ok(want.length > 0);
      assert.equal(await page.textContent('#text'), want, name);
      await page.evaluate(() => (document.body.dataset.state = 'next'));
    }
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bookmarklet outlines the current document in place', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/corpus/${PAGE}`);
  const want = extract(await page.evaluate(() => document.documentElement.outerHTML));
  await page.evaluate((url) => import(url), `${base}/demo/bookmarklet.js`);
  await page.waitForSelector('#dechaff-panel', { state: 'attached' });
  const panelText = await page.evaluate(() => document.getElementById('dechaff-panel').shadowRoot.querySelector('.out').textContent);
  assert.equal(panelText, want.text);
  assert.ok(await page.locator('[data-dechaff=kept]').count() > 0);
  assert.ok(await page.locator('[data-dechaff=dropped]').count() > 0);
  await page.screenshot({ path: join(outputDir, 'bookmarklet.png') });
  await page.close();
});
