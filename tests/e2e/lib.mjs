// Shared machinery for the browser journeys: Debian's Chromium, per-page checks
// (axe-core, widths, screenshots, <script> count, page weight, language) and the network
// record. MUTUAL_E2E_LANG=de runs everything in German (see catalogues.mjs).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { LANG, englishSentences, squash, untranslated } from './catalogues.mjs';

export { LANG, T, TR, M, L, escapeRegExp } from './catalogues.mjs';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

export const BASE = process.env.MUTUAL_URL ?? 'http://127.0.0.1:3000';
const APP_HOST = new URL(BASE).host;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR ?? new URL(`./screenshots/${LANG}/`, import.meta.url).pathname;
/** The browser's language: it sends Accept-Language, so sign-ups store this language. */
const LOCALE = { en: 'en-US', de: 'de-DE' }[LANG] ?? LANG;
/** Every page must weigh less than this, transferred: HTML + CSS + images. */
export const MAX_PAGE_BYTES = 60 * 1024;
const WIDTHS = [360, 1280];

// Debian's package, never a downloaded build; nothing that phones home.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** What the suite saw, printed at the end. */
export const report = {
  pages: new Map(), // slug -> { url, bytes }
  foreign: [], // requests to any host other than the app
  axe: [], // serious/critical violations: `${slug}: ${id}`
  axeAll: new Set(), // every violation of any impact, to print (minor ones do not fail)
  shots: 0,
  english: new Map(), // English sentence -> Set of `${slug} ${path}` where a page in another language shows it
};

let browser;
let audit; // { context, page } with bypassCSP, only for axe and layout checks

export async function start() {
  // playwright launches with a fresh temporary user-data-dir of its own each time.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  mkdirSync(SHOTS, { recursive: true });
  // The app's CSP has no script-src, so axe can only be injected where CSP is bypassed.
  // This context never talks to the app for pages: it re-renders the exact HTML a journey
  // saw (see check()), so error pages after a POST are audited too.
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true, locale: LOCALE });
  record(context);
  const page = await context.newPage();
  let pending = null;
  await page.route('**/*', (route) => {
    const req = route.request();
    if (req.isNavigationRequest() && pending !== null) {
      const body = pending;
      pending = null;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    return route.continue();
  });
  audit = { context, page, show: (html) => { pending = html; } };
}

export async function stop() {
  await browser?.close();
}

/** A fresh browser profile for one person; `js` false turns JavaScript off. */
export async function person(js) {
  const context = await browser.newContext({
    javaScriptEnabled: js, viewport: { width: 1280, height: 900 }, locale: LOCALE,
  });
  record(context);
  return context.newPage();
}

/** Every request from every context goes through here: only the app's host may appear. */
function record(context) {
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:') return; // inline, no network
    if (url.host !== APP_HOST) report.foreign.push(req.url());
  });
  context.on('requestfinished', async (req) => {
    const type = req.resourceType();
    if (type !== 'stylesheet' && type !== 'image') return;
    const s = await req.sizes().catch(() => null);
    if (!s) return;
    const bytes = s.responseBodySize + s.responseHeadersSize;
    const url = req.url().split('#')[0];
    subresourceBytes.set(url, Math.max(subresourceBytes.get(url) ?? 0, bytes));
  });
}

/** Largest transfer seen for each stylesheet/image URL (a cached copy weighs 0, so keep the
 * size of the first download and charge it to every page that uses it). */
const subresourceBytes = new Map();

/** Bytes a first visit to this page transfers: the document plus its CSS and images. */
async function weigh(page) {
  const doc = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return nav ? Math.max(nav.transferSize, nav.encodedBodySize) : 0;
  });
  assert.ok(doc > 0, 'the document size is known');
  const subs = await page.evaluate(() => [
    ...[...document.querySelectorAll('link[rel~=stylesheet]')].map((l) => l.href),
    ...[...document.querySelectorAll('img[src]')].map((i) => i.src).filter((s) => !s.startsWith('data:')),
  ]);
  let total = doc;
  for (const url of subs) {
    const bytes = subresourceBytes.get(url.split('#')[0]);
    assert.ok(bytes !== undefined, `the size of ${url} is known`);
    total += bytes;
  }
  return total;
}

const seenShots = new Set();

/** What a person sees or hears of a page: its text (folded parts too), title, and the
 * attributes a screen reader reads out or a field shows. */
async function wordsOf(page) {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('style, script, template').forEach((el) => el.remove());
    const out = [document.title, document.body.innerText, body.textContent];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit], input[type=button]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (el.hasAttribute(name)) out.push(el.getAttribute(name));
      }
      if (el.matches('input[type=submit], input[type=button]')) out.push(el.value);
    }
    return out;
  });
}

/** In a language other than English, notes each sentence of the English catalogue that a
 * page still shows (the test at the end of the journeys fails on any). */
async function noEnglish(page, slug) {
  if (!englishSentences.length) return;
  const words = (await wordsOf(page)).map(squash).join('\n');
  const where = `${slug} ${new URL(page.url()).pathname}`;
  for (const { id, text } of englishSentences) {
    if (!words.includes(text)) continue;
    const key = `${text}  [${id}]`;
    if (!report.english.has(key)) report.english.set(key, new Set());
    report.english.get(key).add(where);
  }
}

/**
 * The checks every visited page gets: no <script>, the run's language, no English
 * sentence on a page in another language, nothing sideways at 360 and 1280 px,
 * a screenshot at both widths, axe-core (light at both widths, dark at 360), page weight.
 */
export async function check(page, slug) {
  await page.waitForLoadState('load');
  const url = page.url();
  assert.ok(url.startsWith(BASE), `${slug}: still on the app (${url})`);
  assert.equal(await page.locator('script').count(), 0, `${slug}: no <script> elements`);
  assert.equal(await page.locator('html').getAttribute('lang'), LANG, `${slug}: page language`);
  await noEnglish(page, slug);
  const bytes = await weigh(page);
  assert.ok(bytes < MAX_PAGE_BYTES, `${slug}: ${bytes} bytes transferred, over ${MAX_PAGE_BYTES}`);
  const prev = report.pages.get(slug);
  report.pages.set(slug, { url: new URL(url).pathname, bytes: Math.max(bytes, prev?.bytes ?? 0) });

  const html = await page.content();
  const a = audit.page;
  for (const [width, scheme] of [[360, 'light'], [1280, 'light'], [360, 'dark']]) {
    await a.setViewportSize({ width, height: 800 });
    await a.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    audit.show(html);
    await a.goto(url, { waitUntil: 'load' });
    const { scrollWidth, innerWidth } = await a.evaluate(() => ({
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `${slug}: scrolls sideways at ${width}px (${scrollWidth} > ${innerWidth})`);
    const name = `${slug}-${width}${scheme === 'dark' ? '-dark' : ''}`;
    if (!seenShots.has(name)) {
      seenShots.add(name);
      await a.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      report.shots += 1;
    }
    await a.evaluate(axe.source);
    const result = await a.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    );
    for (const v of result.violations) report.axeAll.add(`${v.impact} ${v.id}: ${slug}`);
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad) report.axe.push(`${slug} (${width}px ${scheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `${slug} (${width}px, ${scheme}): axe found serious or critical problems`,
    );
  }
}

/** axe's findings on a page of our own making: proves the audit is live, not a no-op. */
export async function auditOnly(html) {
  audit.show(html);
  await audit.page.goto(BASE + '/__axe-self-check', { waitUntil: 'load' });
  await audit.page.evaluate(axe.source);
  const result = await audit.page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => v.id);
}

export function printReport() {
  console.log('\n== pages checked (largest transfer first)');
  const rows = [...report.pages.entries()].sort((x, y) => y[1].bytes - x[1].bytes);
  for (const [slug, { url, bytes }] of rows) console.log(`${String(bytes).padStart(7)} B  ${slug}  ${url}`);
  console.log(`== ${rows.length} pages, ${report.shots} screenshots in ${SHOTS}`);
  console.log(`== requests to other hosts: ${report.foreign.length}`);
  console.log(`== axe findings of any impact: ${report.axeAll.size}`);
  for (const line of [...report.axeAll].sort()) console.log(`   ${line}`);
  if (LANG === 'en') return;
  console.log(`== language ${LANG}: selectors without a ${LANG} message (English used): ${untranslated.size}`);
  for (const line of [...untranslated].sort()) console.log(`   ${line}`);
  console.log(`== language ${LANG}: English sentences on pages: ${report.english.size}`);
  const byPage = new Map();
  for (const [sentence, pages] of report.english) {
    for (const where of pages) {
      if (!byPage.has(where)) byPage.set(where, []);
      byPage.get(where).push(sentence);
    }
  }
  for (const where of [...byPage.keys()].sort()) {
    console.log(`   ${where}`);
    for (const sentence of byPage.get(where).sort()) console.log(`      ${sentence}`);
  }
}
