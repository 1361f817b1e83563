// End-to-end tests of the pre-rendered pages themselves: what a reader without JavaScript gets, how the
// WebAssembly takes a page over (hydration: no console noise, the same DOM nodes, static charts replaced, working
// tooltips), the old hash addresses the explorer published before it had pages, the site under a sub-path, a
// static host's 404 page, layout shift while a page becomes interactive, and the page's own font faces.
// Run after `trunk build --release`:  node --test tests/e2e/pages.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  holdData,
  ANSWERING,
  DIST,
  LANGS,
  PAGES,
  PROGRAMS,
  REPO_ROOT,
  STATIC_PAGES,
  addressOf,
  allowedConsole,
  assertBuilt,
  drawCharts,
  formatViolations,
  launchChromium,
  runAxe,
  waitChartsAnswer,
  waitInteractive,
} from './browser.mjs';
import { startServer } from './server.mjs';

const TIMEOUT = { timeout: 60_000 };
const SOURCE_TITLE = '안산시, 지역경제 선순환';
/** The overview and the program pages, in both languages, and the root page: the pages with figures. */
const FIGURE_PAGES = ['', ...LANGS.flatMap((l) => [`${l}/`, ...PROGRAMS.map((p) => `${l}/program/${p}/`)])];
/** An amount each page's chart shows in a tooltip (the SME budget, or the program's own headline figure). */
const TOOLTIP_AMOUNT = {
  ko: { overview: '50억원', regeneration: '4,450억원', incubation: '19억원', sme: '50억원' },
  en: { overview: 'KRW 5 billion', regeneration: 'KRW 445 billion', incubation: 'KRW 1.9 billion', sme: 'KRW 5 billion' },
};

let server;
let browser;

before(async () => {
  assertBuilt();
  // As a static host serves the site: a folder's index.html, and 404.html for any unknown address.
  server = await startServer(DIST, { notFound: '404.html' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const langOf = (address) => (address.startsWith('en/') ? 'en' : 'ko');
const programOf = (address) => address.match(/program\/([a-z-]+)\//)?.[1] ?? null;

/**
 * A fresh context and page, closed when the test ends. `problems`: console errors and warnings other than the
 * one allowed, uncaught exceptions, failed requests, HTTP errors. `messages`: every console message, of any type.
 */
async function openContext(t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR', ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const messages = [];
  page.on('console', (m) => {
    messages.push(`${m.type()}: ${m.text()}`);
    if (['error', 'warning'].includes(m.type()) && !allowedConsole(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { context, page, problems, messages };
}

/** Every same-site link on the page (not jumps within it), resolved, with the status the server answers. */
async function linkStatuses(page) {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .filter((a) => !a.getAttribute('href').startsWith('#') && a.origin === location.origin)
      .map((a) => [a.getAttribute('href'), a.href.split('#')[0]]),
  );
  const out = [];
  for (const [written, url] of hrefs) out.push({ written, url, status: (await fetch(url, { method: 'HEAD' })).status });
  return out;
}

/** What a reader sees of the page as served, without its scripts. */
function staticView(page) {
  return page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = (sel) => [...document.querySelectorAll(sel)];
    return {
      note: all('p.noscript-note').filter(shown).map((p) => p.innerText),
      h1: all('main h1').filter(shown).map((h) => h.innerText),
      tableRows: all('table tbody tr').filter(shown).length,
      table: all('table').filter(shown).map((t) => t.innerText).join('\n'),
      figures: all('li.figure-item').length,
      figuresShown: all('li.figure-item').filter(shown).length,
      quotes: all('blockquote.citation').filter(shown).map((q) => q.innerText),
      citeLines: all('p.cite-line').filter(shown).map((p) => p.innerText),
      captions: all('figure.chart figcaption').filter(shown).map((f) => f.innerText),
      charts: all('[data-chart-static]').map((c) => ({
        role: c.getAttribute('role'),
        label: c.getAttribute('aria-label') ?? '',
        shown: [...c.querySelectorAll('svg')]
          .map((s) => ({ r: s.getBoundingClientRect(), texts: s.querySelectorAll('text').length, marks: s.querySelectorAll('rect, path, polygon, polyline').length }))
          .filter(({ r }) => r.width > 0 && r.height > 0)
          .map(({ r, texts, marks }) => ({ width: Math.round(r.width), height: Math.round(r.height), texts, marks })),
      })),
      canvasesShown: all('canvas').filter(shown).length,
      controlsShown: all('.chart .controls, .chart-menu, .chart-hint').filter(shown).length,
      scrollWidth: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      appStarted: performance.getEntriesByName('app-start').length,
      text: document.body.innerText,
    };
  });
}

function assertStaticView(v, address, width) {
  const where = `${address || '(root)'} at ${width} px without JavaScript`;
  assert.equal(v.appStarted, 0, `${where}: the app ran`);
  assert.equal(v.note.length, 1, `${where}: the noscript line is not shown`);
  assert.match(v.note[0], /JavaScript/, `${where}: the noscript line says ${v.note[0]}`);
  assert.equal(v.h1.length, 1, `${where}: no visible h1`);
  assert.ok(v.tableRows >= 1, `${where}: no table rows shown`);
  assert.match(v.table, langOf(address) === 'ko' ? /\d억원/ : /KRW \d/, `${where}: the table shows no amount`);
  if (programOf(address)) {
    assert.ok(v.figures >= 1 && v.figuresShown === v.figures, `${where}: ${v.figuresShown} of ${v.figures} figures shown`);
    assert.ok(v.quotes.length >= 1, `${where}: no citation shown`);
    assert.ok(v.citeLines.every((l) => /\d+행|line \d+/.test(l)) && v.citeLines.length >= 1, `${where}: cite lines ${v.citeLines}`);
  } else {
    // The overview's table names each figure's line in the article.
    assert.match(v.table, langOf(address) === 'ko' ? /\d+행/ : /line \d+/, `${where}: the table cites no line`);
  }
  assert.ok(v.captions.length >= 1 && v.captions.every((c) => c.includes(SOURCE_TITLE)), `${where}: captions ${v.captions}`);
  assert.equal(v.charts.length, programOf(address) ? 1 : 2, `${where}: ${v.charts.length} static charts`);
  for (const [i, c] of v.charts.entries()) {
    assert.equal(c.role, 'img', `${where}: static chart ${i} is not an image`);
    assert.ok(c.label.length > 20, `${where}: static chart ${i} has no description`);
    // Exactly one of its drawings (narrow or wide) shows, with a size, its bars and its labels.
    assert.equal(c.shown.length, 1, `${where}: static chart ${i} shows ${JSON.stringify(c.shown)}`);
    const [svg] = c.shown;
    assert.ok(svg.width > 200 && svg.height > 100, `${where}: static chart ${i} is ${svg.width}×${svg.height}`);
    assert.ok(svg.texts >= 3 && svg.marks >= 3, `${where}: static chart ${i} has ${svg.texts} labels and ${svg.marks} shapes`);
  }
  assert.equal(v.canvasesShown, 0, `${where}: an undrawn canvas takes space`);
  assert.equal(v.controlsShown, 0, `${where}: controls, menus or hints that need JavaScript are shown`);
  assert.ok(v.scrollWidth <= 0, `${where}: the page scrolls sideways by ${v.scrollWidth} px`);
}

/**
 * The page as a browser without JavaScript builds it, in a context where scripts run (axe-core needs them: with
 * JavaScript disabled Chromium runs no timers, and axe's never finish): every <script> removed from the served
 * HTML and every <noscript> opened, so its note and its style apply. No script is left to fetch the .wasm.
 */
async function routeAsWithoutScripts(page) {
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.resourceType() !== 'document') {
      if (/\.wasm$|\.bin$/.test(request.url())) return route.abort();
      return route.continue();
    }
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<\/?noscript>/gi, '');
    return route.fulfill({ response, body: html });
  });
}

// (a) Without JavaScript: every page with figures shows them, their sources, a table and its static charts, and
// says in one line what needs JavaScript; its links lead to pages that exist.
for (const address of FIGURE_PAGES) {
  test(`without JavaScript, ${address || 'the root page'} shows its figures, sources, table and charts`, TIMEOUT, async (t) => {
    const { page, problems } = await openContext(t, { javaScriptEnabled: false });
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    const view = await staticView(page);
    assertStaticView(view, address, 1280);
    const broken = (await linkStatuses(page)).filter((l) => l.status !== 200);
    assert.deepEqual(broken, [], `${address}: links to missing pages`);
    // Chromium refuses the module preload of the app's .js with scripts off, and says "csp".
    assert.deepEqual(problems.filter((p) => !/request failed: .*\.js csp$/.test(p)), []);
  });
}

// axe-core on each page as built without its scripts (see routeAsWithoutScripts), after checking that it reads
// exactly as the page with JavaScript disabled.
// (Found by this test: the noscript line once sat directly in <body>, outside every landmark.)
test('without JavaScript, axe-core finds no violations on any page with figures', { timeout: 120_000 }, async (t) => {
  const failures = [];
  const { page: off } = await openContext(t, { javaScriptEnabled: false });
  const { page } = await openContext(t);
  await routeAsWithoutScripts(page);
  for (const address of FIGURE_PAGES) {
    await off.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    const [want, got] = [await staticView(off), await staticView(page)];
    assert.equal(got.text, want.text, `${address}: the page without scripts does not read as the page without JavaScript`);
    assert.equal(got.appStarted, 0);
    const { violations } = await runAxe(page);
    if (violations.length) failures.push(`${address || '(root)'}:\n${formatViolations(violations)}`);
  }
  assert.equal(failures.length, 0, `axe-core found, without JavaScript:\n${failures.join('\n')}`);
});

// A reader in dark mode sees the static charts in the dark inks the app's canvas uses (src/chart/style.rs), as
// the rest of the page is dark: without JavaScript, and at first paint. (Before, they were white boxes.)
test('without JavaScript, the static charts follow the reader\'s colour scheme', TIMEOUT, async (t) => {
  const inks = async (colorScheme) => {
    const { page } = await openContext(t, { javaScriptEnabled: false, colorScheme });
    await page.goto(`${server.url}/en/program/sme/`, { waitUntil: 'load' });
    return page.evaluate(() => {
      const svg = [...document.querySelectorAll('[data-chart-static] svg')].find((s) => s.getBoundingClientRect().width > 0);
      const fill = (el) => (el ? getComputedStyle(el).fill : 'none found');
      const paper = [...svg.querySelectorAll('rect')].find((r) => Number(r.getAttribute('height')) > 0 && r.getAttribute('x') === '0');
      return { paper: fill(paper), text: fill(svg.querySelector('text')), page: getComputedStyle(document.body).backgroundColor };
    });
  };
  const light = await inks('light');
  const dark = await inks('dark');
  assert.deepEqual([light.paper, light.text], ['rgb(255, 255, 255)', 'rgb(30, 33, 36)'], 'light page');
  assert.deepEqual([dark.paper, dark.text], ['rgb(19, 20, 22)', 'rgb(244, 245, 246)'], `dark page (its background ${dark.page})`);
});

// The page names the installed Korean font as a face of its own (style.css, `local()`), so that Chromium on Linux
// makes no call to its browser process per text size and weight. A wrong local name would fall back to the same
// font without a visible change and without that saving: only the faces' status shows it.
test('the page\'s own font faces are the installed Noto Sans CJK KR, regular and bold, and nothing is downloaded for them', TIMEOUT, async (t) => {
  for (const javaScriptEnabled of [false, true]) {
    const { page } = await openContext(t, { javaScriptEnabled });
    const fonts = [];
    page.on('request', (r) => r.resourceType() === 'font' && fonts.push(r.url()));
    await page.goto(`${server.url}/ko/`, { waitUntil: 'load' });
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`).sort();
    });
    const what = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    assert.deepEqual(faces, ['Ansan Budget Sans 400 loaded', 'Ansan Budget Sans 700 loaded'], what);
    assert.deepEqual(fonts, [], `${what}: font files requested`);
    if (javaScriptEnabled) continue;
    // The static drawing names it too (the canvas drawn over it later takes the same list from the same constant).
    const family = await page.evaluate(() => {
      const svg = [...document.querySelectorAll('[data-chart-static] svg')].find((s) => s.getBoundingClientRect().width > 0);
      return [getComputedStyle(document.querySelector('h1')).fontFamily, svg ? getComputedStyle(svg.querySelector('text')).fontFamily : 'no chart'];
    });
    for (const f of family) assert.match(f, /^"?Ansan Budget Sans"?,/, `${what}: ${f}`);
  }
});

test('without JavaScript on a phone (360 px): the narrow drawings show, nothing scrolls sideways', TIMEOUT, async (t) => {
  const { page } = await openContext(t, { javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true });
  for (const address of ['', 'en/', 'ko/program/incubation/', 'en/program/regeneration/']) {
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    const view = await staticView(page);
    assertStaticView(view, address, 360);
    const classes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-chart-static] svg')].filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.getAttribute('class')),
    );
    assert.ok(classes.every((c) => c === 'narrow'), `${address}: at 360 px the drawings shown are ${classes}`);
  }
});

// (b) With JavaScript: the app takes each page over (it renders the same App in the page's place) without a word
// in the console (but the one allowed warning), with the same markup as the page served (the pre-rendered page is
// what the app draws, at the page's default options, or the reader would see it change), keeping the reader's
// scroll position; each static chart is replaced by its canvas, and the canvas's tooltip works.

/**
 * The page's markup inside #app as a list of lines (element, id, classes, a few attributes, text), static drawings
 * left out. Adjacent text nodes are read as one (the server writes them as one); a <textarea>'s content is left
 * out (the app sets its value; the server cannot know the host's address for the generator's snippet), and so is
 * a <noscript>'s (raw text when parsed with scripts on, elements when the app makes it; never shown).
 */
function markup(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (el, depth) => {
      let text = '';
      const flush = () => {
        const t = text.replace(/\s+/g, ' ').trim();
        if (t) out.push(`${'  '.repeat(depth)}"${t}"`);
        text = '';
      };
      for (const n of el.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) {
          if (!el.matches('textarea, noscript')) text += n.textContent;
        } else if (n.nodeType === Node.ELEMENT_NODE && !n.matches('[data-chart-static]')) {
          flush();
          const cls = (n.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).sort().map((c) => `.${c}`).join('');
          const attrs = ['role', 'aria-label', 'aria-pressed', 'aria-current', 'href', 'lang']
            .filter((a) => n.hasAttribute(a))
            .map((a) => `[${a}=${n.getAttribute(a)}]`)
            .join('');
          out.push(`${'  '.repeat(depth)}<${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${cls}${attrs}>`);
          if (!n.matches('noscript')) walk(n, depth + 1);
        }
      }
      flush();
    };
    walk(document.getElementById('app'), 0);
    return out;
  });
}

/**
 * The size of each chart of the page as drawn on screen: a static drawing's picture (scaled into its box, keeping
 * its proportions, as its viewBox says), or the drawn canvas.
 */
function chartSizes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main .chart-canvas-box')].map((b) => {
      const shown = [...b.querySelectorAll('[data-chart-static] svg, canvas[data-drawn]')].filter((e) => e.getBoundingClientRect().width > 0);
      return shown
        .map((e) => {
          const r = e.getBoundingClientRect();
          const vb = e.viewBox?.baseVal;
          const scale = vb?.width ? Math.min(r.width / vb.width, r.height / vb.height) : 1;
          const [w, h] = vb?.width ? [vb.width * scale, vb.height * scale] : [r.width, r.height];
          return `${Math.round(w)}×${Math.round(h)}`;
        })
        .join(' ');
    }),
  );
}

// On the commonest phone (360 px), too, the first paint is the chart the app then draws: the same size, so the
// same layout (before, the drawing was made for 360 px and shrunk into the 328 px column, smaller text and all).
test('on a 360 px phone each served drawing has the size of the canvas drawn after it', TIMEOUT, async (t) => {
  for (const address of ['ko/', 'en/', 'ko/program/incubation/', 'en/program/sme/']) {
    const { page, problems } = await openContext(t, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const release = await holdData(page);
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    const served = await chartSizes(page);
    assert.ok(served.length > 0 && served.every((s) => /^\d+×\d+$/.test(s)), `${address}: each chart should show one drawing, got ${served}`);
    release();
    await waitInteractive(page);
    // Drawn on their canvases, as a change draws them (a chart holding its served drawing is drawn at a change).
    await drawCharts(page);
    assert.deepEqual(await chartSizes(page), served, `${address}: drawings served and canvases drawn differ in size`);
    assert.deepEqual(problems, [], `${address}: the page reported problems`);
  }
});

/** The first line where two markups differ, with two lines of context. */
function firstDifference(a, b) {
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  if (i < 0 && a.length === b.length) return null;
  return `line ${at}:\n  served: ${a.slice(Math.max(0, at - 2), at + 3).join('\n          ')}\n  app:    ${b.slice(Math.max(0, at - 2), at + 3).join('\n          ')}`;
}

test('the not-found page loads no app and no file relative to itself', TIMEOUT, async (t) => {
  const { page, problems } = await openContext(t, { viewport: { width: 1280, height: 700 } });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/404.html`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  assert.deepEqual(requested.filter((p) => p !== '/404.html'), [], 'the not-found page fetches nothing else');
  assert.equal(await page.locator('script[type=module]').count(), 0, 'no app loader');
  assert.match(await page.title(), /^찾는 페이지가 없습니다/);
  assert.ok(await page.locator('main p[lang=en] a').count(), 'the way back is also said in English');
  assert.deepEqual(problems, []);
});

// A host or browser may keep a file under a fixed address for a while after the site is rebuilt (heuristic
// caching, when the host sends no caching rule): pages read the handover by a name made of its content, so the charts
// never draw other amounts than the tables beside them show. Served here: something else entirely at the fixed address.
test('each page and the widget read the handover named by its content, never the fixed address a cache may keep', TIMEOUT, async (t) => {
  const hashed = (await readdir(join(DIST, 'data'))).filter((f) => /^ansan-2015\.[0-9a-f]{16}\.bin$/.test(f));
  assert.equal(hashed.length, 1, `one handover named by its content in dist/data: ${hashed}`);
  const bytes = await readFile(join(DIST, 'data', hashed[0]));
  assert.equal(hashed[0], `ansan-2015.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`);
  assert.ok(bytes.equals(await readFile(join(DIST, 'data/ansan-2015.bin'))), 'the fixed address holds other bytes');
  for (const address of ['ko/', 'en/program/sme/', 'widget.html?chart=overview&lang=en']) {
    const { page, problems } = await openContext(t);
    const asked = [];
    page.on('request', (r) => /\.bin$/.test(r.url()) && asked.push(new URL(r.url()).pathname.split('/').pop()));
    await page.route('**/data/ansan-2015.bin', (r) => r.fulfill({ status: 200, body: Buffer.from('an older file') }));
    await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
    if (address.startsWith('widget')) {
      await page.locator('#widget-chart[data-drawn]').waitFor({ state: 'attached' });
    } else {
      await waitInteractive(page);
      await waitChartsAnswer(page);
    }
    assert.deepEqual(asked, [hashed[0]], `${address}: data files asked for`);
    assert.equal(await page.locator('[role="alert"]').count(), 0, `${address}: an alert`);
    assert.deepEqual(problems, [], address);
  }
});

// docs/embed.md gives the city's web team server settings that cache for a year the files named by their content
// and revalidate every other: its patterns must pick out exactly those files of the build (Trunk writes its hash
// without leading zeros, so not always 16 digits).
test('the caching patterns docs/embed.md gives pick out exactly the files named by their content', TIMEOUT, async () => {
  const doc = await readFile(join(REPO_ROOT, 'docs/embed.md'), 'utf8');
  const nginx = [...doc.matchAll(/^location ~ "\^\/budget\/(.+)" \{$/gm)].map((m) => new RegExp(`^/budget/${m[1]}`));
  const apache = [...doc.matchAll(/^<FilesMatch "(.+)">$/gm)].map((m) => new RegExp(m[1]));
  assert.equal(nginx.length, 2, 'an nginx example in each language');
  assert.equal(apache.length, 2, 'an Apache example in each language');
  const files = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else files.push(path.slice(DIST.length + 1));
    }
  };
  await walk(DIST);
  const named = (f) => /(?:^|\/)(?:ansan-budget-(?:full-)?[0-9a-f]+(?:_bg\.wasm|\.js)|style-[0-9a-f]+\.css|data\/ansan-2015\.[0-9a-f]{16}\.bin)$/.test(f);
  assert.equal(files.filter(named).length, 6, `two modules, the stylesheet and the handover: ${files.filter(named)}`);
  for (const f of files) {
    for (const re of nginx) assert.equal(re.test(`/budget/${f}`), named(f), `nginx ${re} and ${f}`);
    for (const re of apache) assert.equal(re.test(f.split('/').pop()), named(f), `Apache ${re} and ${f}`);
  }
});

for (const address of PAGES.filter((a) => !STATIC_PAGES.includes(a))) {
  test(`the takeover of ${address || 'the root page'}: quiet console, the markup served, scroll kept, static charts replaced, tooltips`, TIMEOUT, async (t) => {
    const { page, problems, messages } = await openContext(t, { viewport: { width: 1280, height: 700 } });
    const requested = [];
    // The page's own requests (the generator's preview is a widget in a frame of its own, with its own).
    page.on('request', (r) => r.frame() === page.mainFrame() && requested.push(new URL(r.url()).pathname.split('/').pop()));
    const release = await holdData(page);
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    const statics = await page.locator('[data-chart-static]').count();
    const servedBoxes = await chartSizes(page);
    const served = await markup(page);
    // The reader has scrolled a little (where the page is that long).
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => scrollY > 0 || document.scrollingElement.scrollHeight <= innerHeight);
    const scrolled = await page.evaluate(() => scrollY);
    release();
    await waitInteractive(page);
    await waitChartsAnswer(page);
    await page.waitForTimeout(300);

    assert.equal(await page.evaluate(() => scrollY), scrolled, `${address}: the takeover moved the page`);
    const drawn = await markup(page);
    const diff = firstDifference(served, drawn);
    assert.equal(diff, null, `${address}: the app draws other markup than the page served, at ${diff}`);
    assert.deepEqual(messages.filter((m) => /hydrat|mismatch/i.test(m)), [], `${address}: hydration messages`);
    // Taken over, a chart may hold its served drawing until a change draws it; drawn, nothing of it is left.
    await drawCharts(page);
    const canvases = await page.locator('main canvas[data-drawn]').count();
    assert.equal(canvases, statics, `${address}: ${statics} static charts but ${canvases} drawn canvases`);
    assert.equal(await page.locator('[data-chart-static] svg').count(), 0, `${address}: a static drawing is left after the takeover`);
    // The first paint showed the chart the app draws: each static drawing was the size of the canvas after it.
    assert.deepEqual(await chartSizes(page), servedBoxes, `${address}: drawings served (${servedBoxes}) and canvases drawn differ in size`);
    const route = await page.locator('main').getAttribute('data-route');
    assert.equal(route, address === '' || address === '404.html' ? 'ko/' : address, `${address}: <main data-route>`);
    // The loader asks for the app's files and its data; the app takes the loader's request for the data.
    for (const re of [/^ansan-budget-(?:full-)?[0-9a-f]+_bg\.wasm$/, /^ansan-budget-(?:full-)?[0-9a-f]+\.js$/, /^ansan-2015\.[0-9a-f]{16}\.bin$/]) {
      assert.equal(requested.filter((f) => re.test(f)).length, 1, `${address}: ${re} asked for other than once: ${requested.join(', ')}`);
    }

    if (statics > 0) {
      const lang = langOf(address);
      const want = TOOLTIP_AMOUNT[lang][programOf(address) ?? 'overview'];
      const canvas = page.locator('main canvas').first();
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      const seen = [];
      for (let y = box.y + 2; y < box.y + box.height - 2 && !seen.some((s) => s.includes(want)); y += 4) {
        await page.mouse.move(0, 0);
        await page.mouse.move(box.x + box.width * 0.4, y);
        const tip = page.locator('.tooltip');
        if ((await tip.count()) && (await tip.first().isVisible())) seen.push(await tip.first().locator('.tt-amount').innerText());
      }
      assert.ok(seen.some((s) => s.includes(want)), `${address}: no tooltip with ${want}; tooltips seen: ${JSON.stringify([...new Set(seen)])}`);
    }
    assert.deepEqual(problems, [], `${address}: the page reported problems`);
  });
}

// A keyboard reader may start before the app has taken the page over (a keypress even starts it). Their place
// must survive the takeover.
// (Found by this test: focus was once given back only to an element with an id.)
test('a keyboard reader who starts before the takeover keeps focus where it was', TIMEOUT, async (t) => {
  const failures = [];
  for (const [address, tabs] of [['ko/', 1], ['ko/', 5], ['en/program/sme/', 3]]) {
    const { page } = await openContext(t);
    const release = await holdData(page);
    await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    for (let i = 0; i < tabs; i += 1) await page.keyboard.press('Tab');
    const describe = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''} ${a.getAttribute('href') ?? ''} "${a.textContent.trim().slice(0, 30)}"`;
      });
    const before = await describe();
    release();
    await waitInteractive(page);
    await page.waitForTimeout(300);
    const after = await describe();
    if (after !== before) failures.push(`${address} after ${tabs} Tab(s): focus was on ${before}, after the takeover on ${after}`);
  }
  assert.deepEqual(failures, []);
});

// (c) The hash addresses the explorer published before it had pages: the root page sends each at once to its
// page, with its query, without a history entry of its own; an unknown one to 404.html, the hash kept.
const OLD_ADDRESSES = [
  ['#/', 'ko/'],
  ['#/ko/', 'ko/'],
  ['#/en/', 'en/'],
  ['#/ko/?unit=per-resident&scale=log', 'ko/?unit=per-resident&scale=log'],
  ['#/en/?unit=won', 'en/?unit=won'],
  ...LANGS.flatMap((l) => PROGRAMS.map((p) => [`#/${l}/program/${p}`, `${l}/program/${p}/`])),
  ['#/en/program/sme?unit=won&scale=log', 'en/program/sme/?unit=won&scale=log'],
  ['#/ko/program/regeneration?unit=per-resident', 'ko/program/regeneration/?unit=per-resident'],
  ['#/program/sme', 'ko/program/sme/'],
  ['#/program/incubation?scale=log', 'ko/program/incubation/?scale=log'],
  ['#/ko/embed', 'ko/embed/'],
  ['#/en/embed?chart=program&program=sme', 'en/embed/?chart=program&program=sme'],
  ['#/ko/embed?chart=timeline&lang=en&theme=dark', 'ko/embed/?chart=timeline&lang=en&theme=dark'],
  // The address asked for stays in the address bar, after the not-found page's #.
  ['#/en/program/nope', '404.html#/en/program/nope'],
  ['#/en/nowhere', '404.html#/en/nowhere'],
  ['#/fr/', '404.html#/fr/'],
  ['#//evil.example/x?unit=won', '404.html#//evil.example/x?unit=won'],
];

/** history.length once the page at `address` is loaded directly in a fresh tab, and interactive. */
async function historyOfDirectLoad(address) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await page.waitForTimeout(300);
    return await page.evaluate(() => history.length);
  } finally {
    await context.close();
  }
}

test('every old hash address goes to its page, with its options, and adds no history entry', { timeout: 180_000 }, async (t) => {
  const failures = [];
  for (const [hash, address] of OLD_ADDRESSES) {
    // The direct load in a tab of its own while the old address is followed in this one: each mostly waits.
    const directLoad = historyOfDirectLoad(address);
    const directDone = directLoad.catch(() => {});
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    try {
      await page.goto(`${server.url}/${hash}`, { waitUntil: 'commit' });
      await page.waitForURL(`${server.url}/${address}`, { waitUntil: 'domcontentloaded', timeout: 10_000 });
      await waitInteractive(page);
      await page.waitForTimeout(300);
      const got = await page.evaluate(() => ({
        route: document.querySelector('main')?.dataset.route,
        title: document.title,
        history: history.length,
        lang: document.documentElement.lang,
        pressed: [...document.querySelectorAll('main .toggle[aria-pressed="true"]')].map((b) => b.textContent.trim()),
      }));
      const where = `${hash} → ${address}`;
      const direct = await directLoad;
      if (address.startsWith('404.html')) {
        if (!/^찾는 페이지가 없습니다/.test(got.title)) failures.push(`${where}: the title is ${got.title}`);
      } else if (got.route !== (address.includes('embed/') ? address : address.split('?')[0])) {
        // An explorer page is drawn for its page (its charts follow the options); the generator, the whole
        // address.
        failures.push(`${where}: the page drawn is for ${got.route}`);
      }
      // Not more than a direct load makes (the generator's preview may add one: see the last test).
      if (got.history > direct) failures.push(`${where}: ${got.history} history entries, ${direct} when loaded directly (Back would return to the redirect)`);
      if (got.lang !== (address.startsWith('en/') ? 'en' : 'ko')) failures.push(`${where}: <html lang="${got.lang}">`);
      const unit = address.match(/unit=([a-z-]+)/)?.[1];
      if (unit && !address.includes('embed') && !address.startsWith('404.html')) {
        const label = { won: /^원 \(|^Won \(/, 'per-resident': /1인당|Per resident/ }[unit];
        if (!got.pressed.some((p) => label.test(p))) failures.push(`${where}: the unit pressed is ${got.pressed}`);
      }
      if (problems.length) failures.push(`${where}: ${problems.join('; ')}`);
    } catch (e) {
      failures.push(`${hash}: expected ${address}, at ${page.url()}: ${e.message.split('\n')[0]}`);
    } finally {
      await Promise.all([context.close(), directDone]);
    }
  }
  assert.deepEqual(failures, []);
});

test('the root page without a hash is the Korean overview, and stays where it is (also with #main)', TIMEOUT, async (t) => {
  const { page, problems } = await openContext(t);
  for (const suffix of ['', '#main']) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/${suffix}`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    assert.equal(page.url(), `${server.url}/${suffix}`, 'the root page moved');
    assert.equal(await addressOf(page), '');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    assert.equal(await page.locator('main').getAttribute('data-route'), 'ko/');
    assert.match(await page.locator('main h1').innerText(), /안산시 3대 경제 프로그램/);
    await page.locator(`#overview-chart${ANSWERING}`).waitFor({ state: 'attached' });
  }
  assert.deepEqual(problems, []);
});

// (d) The site under a sub-path of its host: every address stays below it, and everything works there. Also a
// folder a city's site may well have: Korean, with a space (percent-escaped in every address the browser sends).
for (const prefix of ['/budget/', '/예산 자료/']) {
  test(`under ${prefix}: overview, a program page, a card click, language, Back, the widget and old hashes; no request outside`, {
    timeout: 120_000,
  }, async (t) => {
    const requests = [];
    const sub = await startServer(DIST, { prefix, requests, notFound: '404.html' });
    t.after(() => sub.close());
    const BASE = new URL(encodeURI(prefix), sub.url).href;
    const { page, problems } = await openContext(t);
    const aborted = [];
    page.on('requestfailed', (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && aborted.push(r.url()));
    const starts = () => page.evaluate(() => performance.getEntriesByName('app-start').length);
    const ready = async (url) => {
      await page.waitForURL(url, { waitUntil: 'domcontentloaded' });
      await waitInteractive(page);
      await waitChartsAnswer(page);
    };

    await page.goto(BASE, { waitUntil: 'domcontentloaded' });
    await ready(BASE);
    assert.equal(await page.locator('main').getAttribute('data-route'), 'ko/');
    assert.equal(await page.locator(`#overview-chart${ANSWERING}`).count(), 1);

    // A card: its page, taken over in turn.
    await page.locator('.program-card a[href="ko/program/sme/"]').click();
    await ready(`${BASE}ko/program/sme/`);
    assert.equal(await page.locator('main').getAttribute('data-route'), 'ko/program/sme/');
    assert.match(await page.locator('main h1').innerText(), /강소기업/);
    assert.equal(await starts(), 1);
    // The language switch: the same page in English, in place of the current history entry.
    const entries = await page.evaluate(() => history.length);
    await page.locator('nav.lang-switch a', { hasText: 'English' }).click();
    await ready(`${BASE}en/program/sme/`);
    assert.equal(await page.locator('main').getAttribute('data-route'), 'en/program/sme/');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.evaluate(() => history.length), entries, 'the language switch added a history entry');
    // Back: the overview the reader came from.
    await page.goBack();
    await ready(BASE);
    assert.equal(await page.locator('main').getAttribute('data-route'), 'ko/');
    assert.equal(await page.locator(`#overview-chart${ANSWERING}`).count(), 1);

    // A program page loaded directly, with options.
    await page.goto(`${BASE}en/program/sme/?unit=won`, { waitUntil: 'domcontentloaded' });
    await ready(`${BASE}en/program/sme/?unit=won`);
    await page.waitForFunction(() => /^Won \(/.test(document.querySelector('#program-chart-unit .toggle[aria-pressed="true"]')?.textContent.trim()));
    // Its links stay below the folder.
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
    assert.deepEqual(links.filter((h) => !h.startsWith(BASE)), [], `links leave ${prefix}`);

    // The widget.
    await page.goto(`${BASE}widget.html?chart=overview&lang=en`, { waitUntil: 'domcontentloaded' });
    await page.locator('#widget-chart[data-drawn]').waitFor({ state: 'attached' });

    // Old hash addresses on the root page, known and unknown.
    await page.goto(`${BASE}#/en/program/sme?unit=won`, { waitUntil: 'commit' });
    await ready(`${BASE}en/program/sme/?unit=won`);
    await page.goto(`${BASE}#/en/program/nope`, { waitUntil: 'commit' });
    await page.waitForURL(`${BASE}404.html#/en/program/nope`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    assert.match(await page.title(), /^찾는 페이지가 없습니다/);
    // Its link home works.
    await page.locator('main a', { hasText: '개요로 가기' }).click();
    await ready(`${BASE}ko/`);

    const outside = requests.filter((p) => !p.startsWith(prefix));
    assert.deepEqual(outside, [], `requests outside ${prefix}`);
    // What the root page's preloads had begun before it sent an old address on is dropped: nothing else fails.
    assert.deepEqual(problems.filter((p) => !(p.startsWith('request failed: ') && p.endsWith('net::ERR_ABORTED'))), []);
  });
}

// A static host serves 404.html for every unknown address, at that address. Below the root its relative addresses
// (style sheet, script, the link home) resolve against the wrong folder.
// So 404.html carries its style sheet inline, loads no app, and makes its links absolute from the address.
test('a static host\'s 404 page at an unknown address below the root: styled, and its link leads home', TIMEOUT, async (t) => {
  const failures = [];
  for (const address of ['nowhere', 'en/nope', 'en/program/nope/', 'ko/program/sme/extra/']) {
    const { page, problems } = await openContext(t);
    const response = await page.goto(`${server.url}/${address}`, { waitUntil: 'load' });
    if (response.status() !== 404) failures.push(`${address}: HTTP ${response.status()}`);
    const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    if (!/Pretendard|Noto Sans/.test(styled)) failures.push(`${address}: not styled (font ${styled})`);
    const broken = (await linkStatuses(page)).filter((l) => l.status !== 200);
    if (broken.length) failures.push(`${address}: links to missing pages ${JSON.stringify(broken)}`);
    const others = problems.filter((p) => !p.includes(`/${address}`) && !/status of 404/.test(p));
    if (others.length) failures.push(`${address}: ${others.join('; ')}`);
  }
  assert.deepEqual(failures, []);
});

// (e) Layout shift: the page is painted as served, then the app takes it over and the canvases replace the static
// drawings. Nothing may move: the sum of every layout shift (CLS, all session windows) stays ≤ 0.02.
async function measureShifts(t, address, width, height) {
  const { page, problems } = await openContext(t, { viewport: { width, height } });
  await page.addInitScript(() => {
    window.e2eShifts = [];
    const describe = (n) => {
      if (!n) return 'a removed node';
      if (n.nodeType !== 1) return `text "${(n.textContent ?? '').trim().slice(0, 30)}"`;
      const cls = typeof n.className === 'string' && n.className.trim() ? `.${n.className.trim().split(/\s+/).join('.')}` : '';
      return `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${cls}`;
    };
    const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.e2eShifts.push({
          at: Math.round(e.startTime),
          value: e.value,
          input: e.hadRecentInput,
          sources: (e.sources ?? []).map((s) => `${describe(s.node)} [${rect(s.previousRect)}] → [${rect(s.currentRect)}]`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The data waits until the page as served has been painted, so the change from it to the app is measured.
  const release = await holdData(page);
  await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  release();
  await waitInteractive(page);
  // Every chart drawn on its canvas in its served drawing's place (one holding its served drawing, at a change).
  await waitChartsAnswer(page);
  await drawCharts(page);
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
  const shifts = await page.evaluate(() => window.e2eShifts);
  const cls = shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
  // The observer does see a shift when there is one: push the page down by 200 px.
  await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('div'), { style: 'height:200px' })));
  await page.waitForFunction(() => window.e2eShifts.some((s) => s.value > 0.01), null, { timeout: 5_000 });
  assert.deepEqual(problems, []);
  return { cls, shifts };
}

for (const [width, height] of [
  [360, 740],
  [1280, 800],
]) {
  // An address with view options is taken over as rendered (default options) and then follows them.
  for (const address of ['', 'en/program/incubation/', 'en/?unit=per-resident']) {
    test(`layout shift while ${address || 'the root page'} becomes interactive at ${width} px: CLS ≤ 0.02`, TIMEOUT, async (t) => {
      const { cls, shifts } = await measureShifts(t, address, width, height);
      const detail = shifts.map((s) => `  at ${s.at} ms: ${s.value.toFixed(4)}${s.input ? ' (after input)' : ''}\n    ${s.sources.join('\n    ')}`).join('\n');
      t.diagnostic(`CLS ${cls.toFixed(4)} over ${shifts.length} shift(s) (${address || 'root'}, ${width} px)${detail ? `\n${detail}` : ''}`);
      assert.ok(cls <= 0.02, `CLS ${cls.toFixed(4)} at ${width} px; what moved:\n${detail}`);
    });
  }
}

// Every option change in the generator changes the preview; a frame whose src changes adds an entry to the tab's
// history, so Back would take the preview back instead of leaving the page. (Found by this test.)
test('the generator\'s preview adds no history entries: opened with options, or when they change', TIMEOUT, async (t) => {
  const { page } = await openContext(t);
  const failures = [];
  const previewDrawn = async () => {
    const frame = await (await page.locator('iframe.embed-preview').elementHandle()).contentFrame();
    await frame.locator('#widget-chart[data-drawn]').waitFor({ state: 'attached' });
  };
  await page.goto(`${server.url}/ko/`, { waitUntil: 'domcontentloaded' });
  await waitInteractive(page);
  const before = await page.evaluate(() => history.length);
  await page.goto(`${server.url}/ko/embed/?chart=timeline&lang=ko`, { waitUntil: 'domcontentloaded' });
  await waitInteractive(page);
  await previewDrawn();
  await page.waitForTimeout(300);
  const opened = await page.evaluate(() => history.length);
  if (opened !== before + 1) failures.push(`opening the generator with ?chart=timeline added ${opened - before} history entries`);
  await page.selectOption('#embed-chart', 'program:sme');
  await previewDrawn();
  await page.waitForTimeout(300);
  const changed = await page.evaluate(() => history.length);
  if (changed !== opened) failures.push(`choosing another chart added ${changed - opened} history entries`);
  // Back, as many times as it takes to leave the generator (at most 4).
  let backs = 0;
  while (backs < 4 && page.url().includes('/embed/')) {
    backs += 1;
    await page.goBack({ waitUntil: 'commit', timeout: 3_000 }).catch(() => null);
    await page.waitForTimeout(300);
  }
  if (backs !== 1) failures.push(`it took ${backs} presses of Back to leave the generator (now at ${page.url()})`);
  assert.deepEqual(failures, []);
});

// (f) Every frame of a slow takeover shows each chart. Yew yields to the browser once it has worked 16 ms
// (every load at 4x CPU slowdown), which can fall between rendering an island and drawing its canvas: a frame
// then painted neither the served drawing (removed with the old markup) nor a drawn canvas.
for (const address of ['', 'en/program/sme/']) {
  test(`at 6x CPU slowdown, every frame while ${address || 'the root page'} is taken over shows each chart`, TIMEOUT, async (t) => {
    const { page, problems } = await openContext(t, { viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.addInitScript(() => {
      // Per animation frame once the page is parsed (before, a box may be painted before its drawing has been
      // read), while it changes: each chart box's state. S: a static drawing shows; O: it shows, and the canvas
      // answers over it (holding it until a change draws it); C: the canvas is drawn; _: none of these.
      window.e2eFrames = [];
      // Canvases shown over their served drawing (shown at its own size, it is their picture).
      window.e2eOver = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target.hasAttribute('data-over')) window.e2eOver.push(r.target.id);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-over'] });
      const tick = () => {
        if (document.readyState === 'loading') return requestAnimationFrame(tick);
        const state = [...document.querySelectorAll('.chart-canvas-box')]
          .map((b) => {
            const shown = [...b.querySelectorAll('[data-chart-static] svg')].some((s) => s.getBoundingClientRect().height > 0);
            if (shown) return b.querySelector('canvas[data-over]') ? 'O' : 'S';
            return b.querySelector('canvas[data-drawn]') ? 'C' : '_';
          })
          .join('');
        if (window.e2eFrames.at(-1)?.state !== state) window.e2eFrames.push({ at: Math.round(performance.now()), state });
        if (!/^[CO]+$/.test(state)) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await page.waitForFunction(() => /^[CO]+$/.test(window.e2eFrames.at(-1)?.state ?? ''));
    const frames = await page.evaluate(() => window.e2eFrames);
    const shown = frames.map((f) => `${f.at} ms ${f.state}`).join(', ');
    t.diagnostic(shown);
    assert.ok(frames.some((f) => /[SO]/.test(f.state)), `${address}: no frame with the static drawings: ${shown}`);
    assert.ok(!frames.some((f) => f.state.includes('_')), `${address}: a frame showed a chart neither drawn nor static: ${shown}`);
    // Interactive means the charts answer: hovering and clicking them need their layout. A chart has it once
    // drawn, or once shown over a served drawing that is its picture (at 1280 px, the full column's).
    const { ready, drawn, over } = await page.evaluate(() => ({
      ready: performance.getEntriesByName('app-interactive')[0]?.startTime,
      drawn: performance.getEntriesByName('first-chart-drawn')[0]?.startTime,
      over: window.e2eOver,
    }));
    const first = address === '' ? 'overview-chart' : 'program-chart';
    assert.ok(ready >= drawn || over.includes(first), `${address}: marked interactive at ${ready} ms, before its first chart was drawn (${drawn} ms) or answered over its served drawing (${over})`);
    assert.deepEqual(problems, []);
  });
}

// A chart whose served drawing is shown at its own size (the drawings are made for a 360 px phone's 328 px
// column, an 800 px one and the full 1200 px one) keeps it as its picture: its canvas, sized to that drawing,
// answers over it and is not drawn, so no drawing holds the main thread while the page loads. The first change
// draws the chart at its box's width in the drawing's place. Where the box is narrower than the drawing (a
// 320 px phone), the drawing is shrunk into it and the chart is drawn at once, as before.
for (const [width, held] of [[1280, 1200], [1000, 800], [412, 328], [360, 328], [320, null]]) {
  test(`at ${width} px the first chart ${held ? `holds its served ${held} px drawing until a press draws it` : 'is drawn at once'}`, TIMEOUT, async (t) => {
    const { page, problems } = await openContext(t, { viewport: { width, height: 800 } });
    await page.addInitScript(() => {
      window.e2eSeen = [];
      new MutationObserver((records) => {
        for (const r of records) window.e2eSeen.push(`${r.target.id} ${r.attributeName}=${r.target.getAttribute(r.attributeName)}`);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-over', 'data-drawn'] });
    });
    await page.goto(`${server.url}/ko/`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    const look = () =>
      page.evaluate(() => {
        const c = document.getElementById('overview-chart');
        const served = c.parentElement.querySelector('[data-chart-static]');
        const shown = served && [...served.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
        return {
          ready: performance.getEntriesByName('app-interactive').length,
          drawnMarks: performance.getEntriesByName('first-chart-drawn').length,
          changes: window.e2eSeen.filter((s) => s.startsWith('overview-chart ')),
          served: served ? `${served.getAttribute('aria-hidden')} ${shown?.getAttribute('width')}` : null,
          canvas: {
            drawn: c.getAttribute('data-drawn'),
            over: c.hasAttribute('data-over'),
            position: getComputedStyle(c).position,
            width: Math.round(c.getBoundingClientRect().width),
            height: Math.round(c.getBoundingClientRect().height),
          },
          box: c.parentElement.clientWidth,
          drawing: served ? Math.round(shown?.getBoundingClientRect().height ?? 0) : null,
        };
      });
    const loaded = await look();
    t.diagnostic(JSON.stringify(loaded));
    assert.equal(loaded.ready, 1);
    if (held) {
      assert.deepEqual(loaded.changes, ['overview-chart data-over=']);
      assert.equal(loaded.drawnMarks, 0, 'a chart was drawn at load');
      assert.equal(loaded.served, `true ${held}`, 'the served drawing shown, hidden from a screen reader');
      assert.deepEqual(loaded.canvas, { drawn: null, over: true, position: 'absolute', width: held, height: loaded.drawing });
      // It answers: a key gives the first bar's tooltip.
      await page.locator('#overview-chart').focus();
      await page.keyboard.press('Home');
      await page.locator('.chart-canvas-box > .tooltip').first().waitFor();
      await page.keyboard.press('Escape');
      // A press draws it, at its box's width, in the served drawing's place.
      await page.locator('#overview-chart-scale button[aria-pressed="false"]').click();
      await page.locator('#overview-chart[data-drawn="true"]').waitFor({ state: 'attached' });
      const pressed = await look();
      t.diagnostic(JSON.stringify(pressed));
      assert.deepEqual(pressed.changes, ['overview-chart data-over=', 'overview-chart data-drawn=true', 'overview-chart data-over=null']);
      assert.equal(pressed.served, null, 'the served drawing is left after the chart was drawn');
      assert.deepEqual(pressed.canvas, { ...pressed.canvas, drawn: 'true', over: false, position: 'static', width: pressed.box });
    } else {
      assert.deepEqual(loaded.changes, ['overview-chart data-drawn=true']);
      assert.equal(loaded.served, null);
      assert.deepEqual(loaded.canvas, { ...loaded.canvas, drawn: 'true', over: false, position: 'static', width: loaded.box });
    }
    assert.deepEqual(problems, []);
  });
}

// (g) The page is interactive once its first chart and every chart in its first screen are taken over; a chart
// below the first screen follows when the browser is next idle, without the reader scrolling to it.
for (const [height, below] of [[800, true], [4000, false]]) {
  const what = below
    ? 'the timeline, below the first screen, is taken over after the page is interactive'
    : 'both charts, in the first screen, are taken over at once';
  test(`the root page at 1280×${height}: ${what}`, TIMEOUT, async (t) => {
    const { page, problems } = await openContext(t, { viewport: { width: 1280, height } });
    await page.goto(`${server.url}/ko/`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    const seen = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      const timeline = document.querySelector('[data-island="timeline"]');
      return {
        ready: at('app-interactive'),
        every: at('every-chart-interactive'),
        deferred: performance.getEntriesByName('charts-deferred').length,
        timelineTop: timeline?.getBoundingClientRect().top,
        scrollY: window.scrollY,
        answering: [...document.querySelectorAll('[data-island] canvas')].map((c) => c.matches(':is([data-drawn="true"], [data-over])')),
      };
    });
    t.diagnostic(JSON.stringify(seen));
    assert.equal(seen.scrollY, 0, 'the page was scrolled');
    assert.equal(seen.timelineTop >= height, below, `the timeline's island starts at ${seen.timelineTop} px`);
    assert.deepEqual(seen.answering, [true, true], 'every island\'s canvas answers (drawn, or over its served drawing)');
    // The page marks `charts-deferred` when it leaves a chart for the browser's next idle moment. (The time between
    // the two marks proves nothing: a loaded machine can pause the one task between them.)
    assert.equal(seen.deferred, below ? 1 : 0, `charts deferred: ${seen.deferred}`);
    assert.ok(seen.every >= seen.ready, `every chart (${seen.every} ms) before the page was interactive (${seen.ready} ms)`);
    if (below) {
      assert.ok(seen.every > seen.ready, `the timeline was taken over with the first chart (${seen.ready} / ${seen.every} ms)`);
    }
    assert.deepEqual(problems, []);
  });
}
