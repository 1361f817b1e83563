// Shared set-up for the end-to-end tests and the benchmark: where dist/ is, how Chromium starts, what the
// explorer's pages are, and a build of the explorer from changed data.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import axeCore from 'axe-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST points the tests at another build (the default is the repo's dist/).
export const DIST = resolve(process.env.E2E_DIST || join(REPO_ROOT, 'dist'));
export const OUTPUT = join(REPO_ROOT, 'tests/e2e/output');
// What the app fetches: the handover the build writes from the checked JSON (the JSON itself is only for people
// and the checker). A test breaks the data by routing this.
// The handover at its fixed address (the same bytes as the copy the pages read, named by its content,
// `data/ansan-2015.<16 hex digits>.bin`), and a pattern for requests of either.
export const DATA_FILE = 'data/ansan-2015.bin';
export const DATA_GLOB = '**/data/ansan-2015*.bin';
export const DATA_JSON = 'data/ansan-2015.json';

/** Holds `page`'s requests for the data file until the function returned is called (the page as served stays). */
export async function holdData(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(DATA_GLOB, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export const PROGRAMS = ['regeneration', 'incubation', 'sme'];
export const LANGS = ['ko', 'en'];
/** Every page the build writes, as addresses relative to the explorer's root (`` is the root page). */
export const PAGES = [
  '',
  ...LANGS.flatMap((l) => [`${l}/`, ...PROGRAMS.map((p) => `${l}/program/${p}/`), `${l}/embed/`]),
  '404.html',
];

/**
 * Console messages that are not the app's and that a page may log: Chromium says it ignores `integrity` on the
 * preload of the .wasm (Trunk writes the attribute; https://crbug.com/981419). Nothing else is allowed.
 */
export const ALLOWED_CONSOLE = [
  /^The `integrity` attribute is currently ignored for preload destinations that do not support subresource integrity\. See https:\/\/crbug\.com\/981419 for more information$/,
];
export const allowedConsole = (text) => ALLOWED_CONSOLE.some((re) => re.test(text));

/** Pages the app never takes over: the host's not-found page is static (it is served at any depth). */
export const STATIC_PAGES = ['404.html'];

/**
 * Waits for the mark the app sets once its WebAssembly has taken every chart of the pre-rendered page over (those
 * below the first screen follow `app-interactive` when the browser is idle); on a page the app never takes over
 * (`STATIC_PAGES`), for the document to be loaded.
 */
export async function waitInteractive(page, timeout = 20_000) {
  const isStatic = await page.evaluate(
    (names) => names.some((n) => location.pathname.endsWith(`/${n}`)),
    STATIC_PAGES,
  );
  if (isStatic) return page.waitForLoadState('load', { timeout });
  return page.waitForFunction(() => performance.getEntriesByName('every-chart-interactive').length > 0, null, { timeout });
}

/**
 * A selector for a chart canvas that answers: drawn, or holding the drawing its page was served with (shown at
 * that drawing's own size, the canvas answers over it, `data-over`, and is drawn at the first change).
 */
export const ANSWERING = ':is([data-drawn="true"], [data-over])';

/** Waits until every chart canvas on the page answers (`ANSWERING`). */
export function waitChartsAnswer(page, timeout = 20_000) {
  return page.waitForFunction(
    (sel) => [...document.querySelectorAll('[data-island] canvas')].every((c) => c.matches(sel)),
    ANSWERING,
    { timeout },
  );
}

/**
 * Has every chart of the page drawn on its canvas, as a change does (a resize: a chart holding its served drawing
 * is then drawn at its box's width), and waits until they are.
 */
export async function drawCharts(page, timeout = 20_000) {
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-island] canvas')].every((c) => c.getAttribute('data-drawn') === 'true' && !c.hasAttribute('data-over')),
    null,
    { timeout },
  );
}

/**
 * The address of a page or frame relative to the explorer's root path `base` (`/`, `/budget/`): the path below it
 * and the query, `en/program/sme/?unit=won`; `` for the root page. An address outside `base` keeps its whole path.
 */
export function addressOf(pageOrFrame, base = '/') {
  return pageOrFrame.evaluate((b) => {
    const path = location.pathname.startsWith(b) ? location.pathname.slice(b.length) : location.pathname;
    return path + location.search;
  }, base);
}

/**
 * axe-core's results (`violations`, `incomplete`, …) for the document in `pageOrFrame`, or only for the elements
 * `include` selects. axe-core is put into the document once and run there as often as asked; @axe-core/playwright
 * puts it in again at every check and finishes each in a new blank page, which took 1.4–2.7 s a check on the
 * overview against 0.15–0.4 s (measured). A document with frames is checked by @axe-core/playwright, which reaches
 * into each frame (same origin or not).
 */
export async function runAxe(pageOrFrame, { include } = {}) {
  if ((await pageOrFrame.locator('iframe, frame').count()) > 0) {
    const builder = new AxeBuilder({ page: pageOrFrame });
    if (include) builder.include(include);
    return builder.analyze();
  }
  if (!(await pageOrFrame.evaluate(() => typeof window.axe?.run === 'function'))) {
    await pageOrFrame.evaluate(axeCore.source);
  }
  return pageOrFrame.evaluate((include) => window.axe.run(include ? { include: [include] } : document), include ?? null);
}

/**
 * axe-core's `violations` as text for a failing assertion: each rule with its help page, then each element it
 * flagged (its selector, the start of its markup) and why, every line starting with `indent`.
 */
export function formatViolations(violations, indent = '  ') {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const markup = (n.html ?? '').slice(0, 120);
        return `${indent}    ${n.target.join(' ')} ${markup}: ${n.failureSummary?.replace(/\n/g, ' ')}`;
      });
      return `${indent}${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${nodes.join('\n')}`;
    })
    .join('\n');
}

// Debian's Chromium; never a downloaded browser. The network flags stop Chromium's own
// background connections, which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export function assertBuilt() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first`);
  }
}

/**
 * The explorer built from changed data, the way the release build does it: a copy of dist/ in `dir`, then the
 * `prerender` binary (run by `cargo run` in the repo, as scripts/post-build.mjs runs it) checks the changed data,
 * writes its handover and renders every page from it. `change(data)` gets the parsed data/ansan-2015.json and
 * returns the text to write (so a test can write a number JSON.stringify cannot). The pages it writes have no
 * Content-Security-Policy (post-build adds that; a test that injects markup is only stricter without it);
 * widget.html keeps the build's. `publicUrl`, if given, is the address the build is told the explorer is published
 * at (as ANSAN_BUDGET_PUBLIC_URL tells post-build).
 * @returns {Promise<string>} `dir`
 */
export async function buildVariant(dir, change, { publicUrl } = {}) {
  await mkdir(dir, { recursive: true });
  await cp(DIST, dir, { recursive: true });
  const data = JSON.parse(await readFile(join(DIST, DATA_JSON), 'utf8'));
  const json = join(dir, DATA_JSON);
  await writeFile(json, await change(data));
  // The bundle's index.html as the post-build hook found it (Trunk's loader of the first module): widget.html is
  // that page marked as the widget, told the handover's name and loading the second module instead, with a guard
  // before the loader (`#widget-guard`) and the CSP added. Undone here; the prerenderer tells the copy's
  // widget.html the new handover's name.
  const files = await readdir(DIST);
  const first = files.find((f) => /^ansan-budget-[0-9a-f]+\.js$/.test(f));
  const full = files.find((f) => /^ansan-budget-full-[0-9a-f]+\.js$/.test(f));
  if (!first || !full) throw new Error(`dist/ lacks the first module's or the second module's .js: ${files}`);
  const wasm = (js) => js.replace(/\.js$/, '_bg.wasm');
  const widget = await readFile(join(DIST, 'widget.html'), 'utf8');
  const template = widget
    .replace(' data-page="widget"', '')
    .replace(/ data-handover="[^"]*"/, '')
    .replace('<meta name="robots" content="noindex" />\n', '')
    // The widget's guard before the loader, which says when its module fails.
    .replace(/<script id="widget-guard">[\s\S]*?<\/script>\n/, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '')
    .replace(/<link rel="(?:modulepreload|preload)" href="\.\/ansan-budget-full-[0-9a-f]+(?:\.js|_bg\.wasm)"[^>]*>/g, '')
    .replaceAll(`./${full}`, `./${first}`)
    .replaceAll(`./${wasm(full)}`, `./${wasm(first)}`);
  if (!template.includes('<html lang="ko"') || !template.includes(`from './${first}'`) || template.includes('noindex') || template.includes('unhandledrejection')) {
    throw new Error('dist/widget.html is not the bundle page marked as the widget (scripts/post-build.mjs changed?)');
  }
  const templateFile = join(dir, '..', `${dir.split('/').pop()}-template.html`);
  await writeFile(templateFile, template);
  try {
    await promisify(execFile)(
      'cargo',
      ['run', '--quiet', '--bin', 'prerender', '--', '--data', json, '--template', templateFile, '--out', dir,
        '--full-js', full, '--full-wasm', wasm(full), '--widget', join(dir, 'widget.html'), ...(publicUrl ? ['--public-url', publicUrl] : [])],
      { cwd: REPO_ROOT, maxBuffer: 1 << 24 },
    );
  } catch (e) {
    throw new Error(`prerender refused the changed data or failed (exit ${e.code}):\n${e.stderr}`);
  }
  return dir;
}
