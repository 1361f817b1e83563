// End-to-end tests of the built app (dist/) in headless Chromium: what a citizen sees and does.
// Every page arrives rendered (the build wrote it); the WebAssembly then fetches the data handover and takes the
// page over. If the handover cannot be had, the page stays as it was served and says why in one line.
// Run after `trunk build --release`:  node --test tests/e2e/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ANSWERING,
  DATA_FILE,
  DATA_GLOB,
  DIST,
  OUTPUT,
  allowedConsole,
  assertBuilt,
  buildVariant,
  drawCharts,
  formatViolations,
  launchChromium,
  runAxe,
  waitInteractive,
} from './browser.mjs';
import { startServer } from './server.mjs';

const AMOUNTS = ['4,450억원', '24억원', '50억원', '19억원'];
const TIMEOUT = { timeout: 60_000 };

let server;
let browser;

before(async () => {
  assertBuilt();
  server = await startServer(DIST);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh context and page (no shared cache or storage), closed when the test ends. `problems`
 * collects console errors and warnings (but Chromium's one about `integrity` on preloads), uncaught exceptions
 * (a wasm panic shows up as one) and failed requests. `route` handles the data handover's requests.
 */
async function openPage(t, { width = 1280, height = 800, route } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const pageErrors = [];
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type()) && !allowedConsole(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    problems.push(`uncaught: ${e.message}`);
    pageErrors.push(e.message);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  if (route) await page.route(DATA_GLOB, route);
  return { page, problems, pageErrors };
}

/** Loads the page at `address` (relative to the explorer's root; `` is the root page, the Korean overview). */
async function gotoApp(page, address = '', base = server.url) {
  await page.goto(`${base}/${address}`, { waitUntil: 'domcontentloaded' });
}

async function waitForChart(page) {
  await waitInteractive(page);
  await page.locator(`#overview-chart${ANSWERING}`).waitFor({ state: 'attached' });
}

async function openLoaded(t, options) {
  const opened = await openPage(t, options);
  await gotoApp(opened.page);
  await waitForChart(opened.page);
  return opened;
}

function canvasDataUrl(page) {
  return page.evaluate(() => document.getElementById('overview-chart').toDataURL());
}

async function assertNoAxeViolations(page) {
  const { violations } = await runAxe(page);
  assert.equal(violations.length, 0, `axe-core found violations:\n${formatViolations(violations)}`);
}

/** The one line a page that cannot be taken over adds at its top, right after the skip link, which stays the
 * first Tab stop (before, the note was the first thing in <body> and so the first Tab stop). */
async function staticNote(page) {
  const note = page.locator('p.static-note[role="alert"]');
  await note.waitFor({ state: 'attached' });
  assert.equal(await note.count(), 1, 'more than one static note');
  assert.equal(
    await page.evaluate(() => document.querySelector('.static-note')?.previousElementSibling?.matches('a.skip-link') ?? false),
    true,
    'the static note does not come right after the skip link',
  );
  await page.evaluate(() => {
    document.activeElement?.blur();
    scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab stop is not the skip link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('static-note')), true, 'the note is not the second Tab stop');
  return note.innerText();
}

/** What a reader of the page as served sees: every amount in the table, and each chart's static drawing. */
async function assertStaticPageWhole(page, where) {
  const table = await page.locator('#figures-table').innerText();
  for (const amount of AMOUNTS) assert.ok(table.includes(amount), `${where}: #figures-table lacks "${amount}"`);
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-chart-static]')].map((el) => {
      const shown = [...el.querySelectorAll('svg')].map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
      return shown.length;
    }),
  );
  assert.deepEqual(charts, [1, 1], `${where}: each of the overview's two charts should show one static drawing`);
  assert.ok((await page.locator('h1').first().innerText()).trim().length > 0, `${where}: the <h1> is empty`);
}

test('the page is whole before the data arrives (figures, static charts), and interactive once it has', TIMEOUT, async (t) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let asked = false;
  const { page, problems } = await openPage(t, {
    route: async (route) => {
      asked = true;
      await held;
      await route.continue();
    },
  });
  await gotoApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('app-start').length > 0);
  assert.ok(asked, 'the app started without asking for its data');
  await assertStaticPageWhole(page, 'while the data is on its way');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app-interactive').length), 0, 'interactive without its data');
  assert.equal(await page.locator('canvas[data-drawn]').count(), 0, 'a canvas was drawn without the data');
  release();
  await waitForChart(page);
  await page.locator(`#timeline-chart${ANSWERING}`).waitFor({ state: 'attached' });
  // A served drawing is left only behind a canvas that answers over it, hidden from a screen reader (which has
  // the canvas's name and options); a change draws the canvas in its place.
  const left = await page.locator('[data-chart-static]').evaluateAll((ds) =>
    ds.map((d) => `${d.getAttribute('aria-hidden')} ${d.parentElement.querySelector('canvas')?.hasAttribute('data-over')}`),
  );
  assert.ok(left.every((d) => d === 'true true'), `served drawings left: ${left}`);
  await drawCharts(page);
  assert.equal(await page.locator('[data-chart-static]').count(), 0, 'a static drawing is left after the canvases were drawn');
  assert.deepEqual(problems, []);
});

test('(a) the figures table shows the programs\' amounts', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  const table = page.locator('#figures-table');
  await table.waitFor();
  const text = await table.innerText();
  for (const amount of AMOUNTS) {
    assert.ok(text.includes(amount), `#figures-table lacks "${amount}"; it reads:\n${text}`);
  }
});

test('(b) the overview chart is drawn, not blank, and labelled', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  await drawCharts(page);
  const canvas = page.locator('#overview-chart');
  // A list of its bars for assistive technology, named by the chart's summary.
  assert.equal(await canvas.getAttribute('role'), 'listbox');
  assert.ok((await canvas.getAttribute('aria-label'))?.trim(), 'the chart has no aria-label');
  const marks = await page.evaluate(() => performance.getEntriesByName('first-chart-drawn').length);
  assert.ok(marks >= 1, 'performance mark "first-chart-drawn" was not set');

  const stats = await page.evaluate(() => {
    const c = document.getElementById('overview-chart');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 32 && (r < 230 || g < 230 || b < 230)) ink += 1;
      colours.add(((r >> 4) << 12) | ((g >> 4) << 8) | ((b >> 4) << 4) | (a >> 4));
    }
    return { width: c.width, height: c.height, ink, colours: colours.size };
  });
  const pixels = stats.width * stats.height;
  assert.ok(pixels > 0, `the canvas is ${stats.width}×${stats.height}`);
  // Bars, axes and labels cover far more than 1 % of a chart; a blank or nearly blank canvas does not.
  assert.ok(stats.ink > pixels * 0.01, `only ${stats.ink} of ${pixels} pixels are drawn`);
  assert.ok(stats.colours >= 3, `only ${stats.colours} distinct colours on the canvas`);
});

test('the scale toggle switches and redraws the chart, and nothing fades on the main thread', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  const buttons = page.locator('#overview-chart-scale button');
  assert.equal(await buttons.count(), 2, '#overview-chart-scale should hold two buttons');
  const pressed = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
  assert.deepEqual([...pressed].sort(), ['false', 'true'], `aria-pressed is ${JSON.stringify(pressed)}`);
  const other = pressed.indexOf('false');

  await drawCharts(page);
  const before = await canvasDataUrl(page);
  await buttons.nth(other).click();
  // Nothing fades: a transition on the toggles animates on the main thread for 0.2 s after each hover and press,
  // and a second click within it waits behind its frames (the benchmark's clicks, 50 ms apart, did).
  const animating = await page.evaluate(() =>
    document.getAnimations().map((a) => `${a.effect?.target?.className} ${a.transitionProperty ?? a.animationName}`),
  );
  assert.deepEqual(animating, [], `after a press, animations running: ${animating.join('; ')}`);
  await page.waitForFunction(
    (i) => document.querySelectorAll('#overview-chart-scale button')[i]?.getAttribute('aria-pressed') === 'true',
    other,
  );
  assert.equal(await buttons.nth(1 - other).getAttribute('aria-pressed'), 'false');
  await page.waitForFunction(
    (prev) => {
      const c = document.getElementById('overview-chart');
      return c?.getAttribute('data-drawn') === 'true' && c.toDataURL() !== prev;
    },
    before,
    { polling: 100, timeout: 10_000 },
  );
});

test('a press on a toggle copies a view kept aside; a chart slow to draw aside keeps none and draws on each press', TIMEOUT, async (t) => {
  // Kept: once the browser has been idle, the three views one press away are drawn aside and a press copies one.
  // A chart holding its served drawing keeps none (drawing them would hold the main thread while the page loads):
  // the first press draws, and the views one press from it are kept.
  const fast = await openLoaded(t);
  await fast.page.locator('#overview-chart-unit button').nth(2).click();
  const kept = fast.page.locator('#overview-chart[data-kept="3"]');
  await kept.waitFor({ state: 'attached', timeout: 10_000 });
  await fast.page.locator('#overview-chart-unit button').nth(1).click();
  await fast.page.waitForFunction(() => document.getElementById('overview-chart')?.hasAttribute('data-copied'));
  assert.deepEqual(fast.problems, []);
  // Slow: every line of text takes 5 ms to draw (the chart has some twenty), so drawing a view aside takes longer
  // than a task may (50 ms). The chart lets go of its drawings, keeps none, and a press draws the view.
  const slow = await openPage(t);
  await slow.page.addInitScript(() => {
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (...args) {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return fillText.apply(this, args);
    };
  });
  await gotoApp(slow.page);
  await waitForChart(slow.page);
  const chart = slow.page.locator('#overview-chart');
  await drawCharts(slow.page);
  await slow.page.locator('#overview-chart[data-kept="0"]').waitFor({ state: 'attached', timeout: 10_000 });
  const before = await canvasDataUrl(slow.page);
  await slow.page.locator('#overview-chart-unit button').nth(1).click();
  await slow.page.waitForFunction(
    (prev) => document.getElementById('overview-chart')?.toDataURL() !== prev,
    before,
    { polling: 100, timeout: 10_000 },
  );
  assert.equal(await chart.getAttribute('data-copied'), null, 'the slow chart was copied');
  assert.equal(await chart.getAttribute('data-kept'), '0');
  assert.deepEqual(slow.problems, []);
});

test('(c) axe-core finds no accessibility violations on the loaded page', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  await page.locator('#figures-table').waitFor();
  await assertNoAxeViolations(page);
});

// The handover cannot be had: the page stays as served, with every figure and both static charts, and one line
// at the top says why, naming the file, in the page's language. Nothing throws.
const real = () => readFile(join(DIST, DATA_FILE));
for (const [name, route, want] of [
  ['HTTP 404', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }), /ansan-2015\.[0-9a-f]{16}\.bin: 서버가 HTTP 404/],
  ['a network failure', (r) => r.abort('failed'), /ansan-2015\.[0-9a-f]{16}\.bin: 불러오지 못했습니다/],
  ['garbage bytes', (r) => r.fulfill({ status: 200, body: Buffer.from('garbage!garbage!') }), /ansan-2015\.[0-9a-f]{16}\.bin: byte 0: .*ABH/],
  ['an empty file', (r) => r.fulfill({ status: 200, body: Buffer.alloc(0) }), /ansan-2015\.[0-9a-f]{16}\.bin: byte 0:/],
  // The JSON the handover is made from, where the handover should be (a host that serves the wrong file).
  ['the JSON file instead', async (r) => r.fulfill({ status: 200, body: await readFile(join(DIST, 'data/ansan-2015.json')) }), /ansan-2015\.[0-9a-f]{16}\.bin: byte 0:/],
  ['a cut-off handover', async (r) => {
    const bytes = await real();
    return r.fulfill({ status: 200, body: bytes.subarray(0, bytes.length >> 1) });
  }, /ansan-2015\.[0-9a-f]{16}\.bin: byte \d+: /],
  ['a byte too many', async (r) => r.fulfill({ status: 200, body: Buffer.concat([await real(), Buffer.from([0])]) }), /ansan-2015\.[0-9a-f]{16}\.bin: byte \d+: .*end of the file/],
  // 20 MB that start like a handover: read in one pass, refused at once, no hang.
  ['20 MB of 0xff after a real header', async (r) => r.fulfill({ status: 200, body: Buffer.concat([(await real()).subarray(0, 8), Buffer.alloc(20_000_000, 0xff)]) }), /ansan-2015\.[0-9a-f]{16}\.bin: byte \d+: /],
]) {
  test(`(d) ${name} for the data: the page stays whole and says why at the top`, TIMEOUT, async (t) => {
    const { page, pageErrors } = await openPage(t, { route });
    await gotoApp(page);
    const text = await staticNote(page);
    assert.match(text, /차트를 움직일 수 없습니다/);
    assert.match(text, want);
    await assertStaticPageWhole(page, name);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('app-interactive').length), 0);
    // The page's links still work as plain links.
    await page.locator('.program-card a[href="ko/program/sme/"]').click();
    await page.waitForURL(`${server.url}/ko/program/sme/`);
    await staticNote(page);
    assert.match(await page.locator('h1').first().innerText(), /강소기업/);
    assert.deepEqual(pageErrors, [], 'the app threw instead of only saying why');
  });
}

// The app's own files, gone (a new build copied over the old and its files deleted while a reader had the page
// open), cut off, or not a module: the page stays as served and says why at its top, in its language, naming the
// files, instead of leaving charts that silently do nothing.
for (const [name, file, answer] of [
  ['the .wasm gone (HTTP 404)', /_bg\.wasm$/, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })],
  ['the JS glue gone (HTTP 404)', /\.js$/, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })],
  ['the .wasm cut off by the network', /_bg\.wasm$/, (r) => r.abort('failed')],
  ['an HTML page where the .wasm should be', /_bg\.wasm$/, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>moved</p>' })],
]) {
  test(`(d) ${name}: the page stays whole and says why at the top`, TIMEOUT, async (t) => {
    const { page, pageErrors } = await openPage(t);
    await page.route((u) => /\/ansan-budget-[0-9a-f]+(_bg\.wasm|\.js)$/.test(u.pathname) && file.test(u.pathname), answer);
    for (const [address, lead, files] of [
      ['', /^차트를 움직일 수 없습니다\. .*이유: 앱 파일\(/, /\.\/ansan-budget-[0-9a-f]+\.js, \.\/ansan-budget-[0-9a-f]+_bg\.wasm\)/],
      ['en/program/sme/', /^The charts cannot be made interactive; .*Why: the app's files \(/, /\.\.\/\.\.\/\.\.\/ansan-budget-[0-9a-f]+\.js, .*reloading the page usually helps\.$/],
    ]) {
      await page.goto('about:blank');
      await gotoApp(page, address);
      const text = await staticNote(page);
      assert.match(text, lead, `${address}: ${text}`);
      assert.match(text, files, `${address}: ${text}`);
      if (address === '') await assertStaticPageWhole(page, name);
      assert.equal(await page.evaluate(() => performance.getEntriesByName('app-interactive').length), 0);
    }
    await assertNoAxeViolations(page);
    assert.deepEqual(pageErrors, [], 'the loader threw instead of only saying why');
  });
}

test('(d) an app that stops with an error once started (a WebAssembly trap): the page says so, once, in its language', TIMEOUT, async (t) => {
  // A panic aborts the module: before, the charts stopped answering without a word.
  const { page } = await openPage(t);
  for (const [address, want] of [
    ['', /^차트를 움직일 수 없습니다\. .*이유: 앱이 오류로 멈췄습니다\. 페이지를 새로 고치면 대개 해결됩니다\.$/],
    ['en/program/sme/', /^The charts cannot be made interactive; .*Why: the app stopped with an error; reloading the page usually helps\.$/],
  ]) {
    await gotoApp(page, address);
    await waitInteractive(page);
    assert.equal(await page.locator('.static-note').count(), 0, `${address}: a note before anything failed`);
    for (let i = 0; i < 2; i += 1) {
      await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    }
    assert.match(await staticNote(page), want, address);
    if (address === '') {
      const table = await page.locator('#figures-table').innerText();
      for (const amount of AMOUNTS) assert.ok(table.includes(amount), `after a trap: #figures-table lacks "${amount}"`);
    }
  }
  await assertNoAxeViolations(page);
});

test('(d) a download whose module is gone says why in the page\'s language, and the chart stays interactive', TIMEOUT, async (t) => {
  // The module that makes the files is loaded on a menu's first use: a build replaced on the server while the page
  // was open leaves it 404. Before, the menu said "실패했습니다: the download module failed", in English.
  const { page } = await openPage(t);
  await page.route((u) => /\/ansan-budget-full-[0-9a-f]+(_bg\.wasm|\.js)$/.test(u.pathname), (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  for (const [address, want] of [
    ['ko/', /^실패했습니다: 파일을 만드는 모듈\(\.\.\/ansan-budget-full-[0-9a-f]+\.js, \.\.\/ansan-budget-full-[0-9a-f]+_bg\.wasm\)을 받지 못했거나 시작하지 못했습니다\. 페이지를 새로 고치면 대개 해결됩니다\.$/],
    ['en/', /^That failed: the module that makes the files \(\.\.\/ansan-budget-full-[0-9a-f]+\.js, .*\) did not arrive or would not start; reloading the page usually helps\.$/],
  ]) {
    await gotoApp(page, address);
    await waitForChart(page);
    const menu = page.locator('#overview-chart-menu');
    await menu.locator('summary').click();
    await menu.locator('[data-action="csv"]').click();
    const status = page.locator('#overview-chart-menu-status');
    await page.waitForFunction(() => document.querySelector('#overview-chart-menu-status')?.textContent.trim().length > 0);
    assert.match(await status.innerText(), want, address);
    // The chart still answers: a unit click redraws it.
    await page.keyboard.press('Escape');
    const before = await page.evaluate(() => performance.getEntriesByName('chart-drawn').length);
    await page.locator('#overview-chart-unit button').nth(1).click();
    await page.waitForFunction((n) => performance.getEntriesByName('chart-drawn').length > n, before);
    assert.equal(await page.locator('.static-note').count(), 0, `${address}: a failed download marked the page as not interactive`);
  }
});

test('(d) opened from disk (file:), the pages and a widget say that a web server is what helps, not a reload', TIMEOUT, async (t) => {
  // The city's web team double-clicking a built page: browsers refuse modules from file: addresses.
  const { page } = await openPage(t);
  for (const [file, want] of [
    ['index.html', /^차트를 움직일 수 없습니다\. .*이유: 페이지를 디스크의 파일로 열어 .*웹 서버로 제공하면 차트가 움직입니다/],
    ['en/program/sme/index.html', /^The charts cannot be made interactive; .*Why: the page was opened as a file from disk, .*served by a web server .*its charts work\.$/],
  ]) {
    await page.goto(pathToFileURL(join(DIST, file)).href, { waitUntil: 'domcontentloaded' });
    const text = await staticNote(page);
    assert.match(text, want, file);
    assert.doesNotMatch(text, /새로 고치면|reloading/, `${file}: a reload does not help here`);
  }
  // Walking through the pages still works: a link to a page's folder goes to its index.html, not a file listing.
  await page.goto(pathToFileURL(join(DIST, 'ko/index.html')).href, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.locator('.skip-link').getAttribute('href'), '#main');
  await page.locator('main a[href*="program/"]').first().click();
  await page.waitForURL(/\/ko\/program\/[a-z0-9-]+\/index\.html$/);
  assert.ok((await page.locator('main [data-island]').count()) > 0, `${page.url()}: a folder listing, not a program page`);
  await page.locator('a[hreflang="en"]').first().click();
  await page.waitForURL(/\/en\/program\/[a-z0-9-]+\/index\.html$/);
  await page.locator('main nav a, .breadcrumb a').first().click();
  await page.waitForURL(/\/en\/index\.html$/);
  for (const [query, want] of [['?chart=overview', /^차트를 불러오지 못했습니다\. 페이지를 디스크의 파일로/], ['?chart=timeline&lang=en', /^The chart could not be loaded: the page was opened as a file from disk/]]) {
    await page.goto(`${pathToFileURL(join(DIST, 'widget.html')).href}${query}`, { waitUntil: 'domcontentloaded' });
    const note = page.locator('body > main > p.static-note[role="alert"]');
    await note.waitFor({ state: 'attached' });
    assert.match(await note.innerText(), want, query);
  }
});

test('a toggle or menu item pressed while the app is still arriving is applied once it has, the last toggle in each group', TIMEOUT, async (t) => {
  // On a phone's network the served chart is on screen a second or more before the app drives it; its toggles
  // look ready. Before, a tap then did nothing at all.
  const { page, problems } = await openPage(t);
  // `waiting`: the toggles shown as waiting (underlined, dashed) before the app is there. `applied`: what the
  // chart's status line (a live region) says once the app is there and has pressed them.
  for (const [address, press, want, pressed, waiting, applied, downloads = false] of [
    ['ko/', async (unit, scale) => {
      await unit.nth(1).click();
      await unit.nth(2).click();
      await scale.nth(1).click();
      // The menu opens without the app (a <details>); what is chosen in it is done once the app is there.
      await page.locator('#overview-chart-menu summary').click();
      await page.locator('#overview-chart-menu [data-action="csv"]').click();
    }, /\/ko\/\?unit=per-resident&scale=log$/, [[false, false, true], [false, true]], [[false, false, true], [false, true]],
    // The menu item pressed last says what it did, after the toggles' "applied".
    /^CSV 파일을 내려받았습니다\.$/, true],
    ['en/program/sme/', async (unit) => {
      await unit.nth(1).focus();
      await page.keyboard.press('Space');
    }, /\/en\/program\/sme\/\?unit=won$/, [[false, true, false], [true, false]], [[false, true, false], [false, false]],
    /^The chart is ready, and your choice has been applied\.$/],
  ]) {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route((u) => /\/ansan-budget-[0-9a-f]+_bg\.wasm$/.test(u.pathname), async (r) => {
      await held;
      await r.continue();
    });
    await gotoApp(page, address);
    const unit = page.locator('[id$="-chart-unit"] button');
    const scale = page.locator('[id$="-chart-scale"] button');
    await press(unit, scale);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('app-interactive').length), 0, `${address}: the app was there already`);
    // The tap is seen to be taken: the toggle it will press shows as waiting, not yet as pressed.
    const shown = async (group) =>
      group.evaluateAll((bs) => bs.map((b) => {
        const s = getComputedStyle(b);
        return s.textDecorationLine.includes('underline') && s.textDecorationStyle === 'dashed' && b.getAttribute('aria-pressed') === 'false';
      }));
    assert.deepEqual([await shown(unit), await shown(scale)], waiting, `${address}: the toggles shown as waiting`);
    // A screen reader is told too: the look alone says nothing to it.
    const statusId = await page.locator('[data-island]:has([data-early]) [role="status"]').first().getAttribute('id');
    const status = page.locator(`[id="${statusId}"]`);
    assert.match(
      await status.textContent(),
      address.startsWith('ko') ? /^차트를 준비하는 중입니다\. 준비되면 고른 것을 바로 반영합니다\.$/ : /^The chart is still getting ready; your choice will be applied as soon as it is\.$/,
      `${address}: the chart's status line`,
    );
    const download = downloads ? page.waitForEvent('download') : null;
    release();
    await waitInteractive(page);
    if (download) {
      const csv = await readFile(await (await download).path(), 'utf8');
      assert.ok(csv.includes('445000000000'), `the early download lacks the chart's figures:\n${csv.slice(0, 300)}`);
    }
    await page.waitForURL(want);
    const states = async (group) => group.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed') === 'true'));
    assert.deepEqual([await states(unit), await states(scale)], pressed, address);
    assert.equal(await page.locator('[data-early]').count(), 0, `${address}: a press left marked`);
    // A download replayed early says what it did once its file is made, which can come a moment after.
    await page
      .waitForFunction(([id, re]) => new RegExp(re).test(document.getElementById(id)?.textContent ?? ''), [statusId, applied.source], { timeout: 5000 })
      .catch(() => {});
    assert.match(await status.textContent(), applied, `${address}: the chart's status line once applied`);
    // From now on the chart's own listeners answer, once: back to the first unit.
    await unit.nth(0).click();
    await page.waitForFunction(() => !location.search.includes('unit='));
    assert.equal(await page.locator('[data-early]').count(), 0, `${address}: a press after the takeover was marked`);
    await page.unrouteAll();
  }
  assert.deepEqual(problems, []);
});

test('a press kept while the app arrives is let go once the page says its charts cannot be driven', TIMEOUT, async (t) => {
  // The app's own files fail (the loader says so), the data does (the app says so), or the module traps (the
  // loader hears it): either way the kept press will never be applied, so neither its waiting look nor the word
  // that it will be stays; later presses get none.
  const wasm = (u) => /\/ansan-budget-[0-9a-f]+_bg\.wasm$/.test(u.pathname);
  for (const [what, failing, trap = false] of [
    ['the app\'s files', wasm],
    ['the data', DATA_GLOB],
    ['a trap', wasm, true],
  ]) {
    const { page } = await openPage(t);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(failing, async (r) => {
      await held;
      await r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    });
    await gotoApp(page, 'en/');
    const unit = page.locator('#overview-chart-unit button');
    const status = page.locator('#overview-chart-menu-status');
    await unit.nth(1).click();
    assert.equal(await unit.nth(1).getAttribute('data-early'), '', `${what}: the press was not kept`);
    assert.match(await status.textContent(), /^The chart is still getting ready/, what);
    if (trap) await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    else release();
    await page.locator('p.static-note[role="alert"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-early]').count(), 0, `${what}: a press still shown as waiting`);
    assert.equal(await status.textContent(), '', `${what}: the status line still says the press will be applied`);
    await unit.nth(2).click();
    assert.equal(await page.locator('[data-early]').count(), 0, `${what}: a press after the note was kept`);
    assert.equal(await status.textContent(), '', `${what}: a press after the note was said to be kept`);
  }
});

test('(d) the note at 320 px with text at 200 %: a third of the window at most, reachable by keyboard, the page\'s end above it', TIMEOUT, async (t) => {
  // Before, the note was as tall as its text: 952 px in a 640 px window, its first lines above the window's top
  // (it is fixed), and the whole page under it. It says the same whether the app's data or its own files failed.
  for (const failing of [DATA_GLOB, (u) => /\/ansan-budget-[0-9a-f]+_bg\.wasm$/.test(u.pathname)]) {
    const { page } = await openPage(t, { width: 320, height: 640 });
    await page.route(failing, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.addInitScript(() => addEventListener('DOMContentLoaded', () => document.documentElement.style.setProperty('font-size', '34px', 'important')));
    await gotoApp(page, 'en/');
    await staticNote(page);
    const r = await page.evaluate(() => {
      scrollTo(0, document.documentElement.scrollHeight);
      const note = document.querySelector('.static-note');
      const n = note.getBoundingClientRect();
      note.focus();
      const before = note.scrollTop;
      return {
        height: n.height, top: n.top, window: innerHeight, scrolls: note.scrollHeight > note.clientHeight,
        focused: document.activeElement === note, before,
        footer: document.querySelector('.site-footer').getBoundingClientRect().bottom,
      };
    });
    assert.ok(r.height <= r.window / 3 + 1, `the note is ${r.height} px of a ${r.window} px window`);
    assert.ok(r.top >= 0, 'the note starts above the window');
    assert.ok(r.footer <= r.top + 1, `the page's end (${r.footer}) is under the note (from ${r.top})`);
    assert.ok(r.scrolls && r.focused, 'the long note is not a focusable scrolling box');
    await page.keyboard.press('PageDown');
    await page.waitForFunction((before) => document.querySelector('.static-note').scrollTop > before, r.before);
  }
});

test('(d) the page that could not be taken over passes axe-core too, in both languages', TIMEOUT, async (t) => {
  const { page } = await openPage(t, {
    route: (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
  });
  for (const address of ['', 'en/', 'en/program/sme/']) {
    await gotoApp(page, address);
    const text = await staticNote(page);
    if (address.startsWith('en/')) assert.match(text, /^The charts cannot be made interactive.*HTTP 404/);
    await assertNoAxeViolations(page);
  }
});

test('(e) the largest amount the checker accepts (i64::MAX won) is rendered and drawn, on both scales', { timeout: 180_000 }, async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'ansan-max-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const site = await buildVariant(join(tmp, 'site'), (data) => {
    data.amounts.find((a) => a.id === 'sme-budget').amount = '__MAX__';
    return JSON.stringify(data).replace('"__MAX__"', '9223372036854775807');
  });
  const maxServer = await startServer(site);
  t.after(() => maxServer.close());
  const { page, problems } = await openPage(t);
  for (const address of ['en/', 'en/?scale=log', 'en/program/sme/', 'en/program/sme/?scale=log']) {
    await page.goto('about:blank');
    await gotoApp(page, address, maxServer.url);
    await waitInteractive(page);
    // Drawn on the canvas (a chart holding its served drawing is drawn at a change).
    await drawCharts(page);
    assert.equal(await page.locator('.chart-wrap [role="alert"]').count(), 0, `${address}: the chart was not drawn`);
    assert.match(await page.locator('body').innerText(), /9,223,372,036,854,775,807 won/, `${address}: the exact amount is not shown`);
    if (!address.includes('program')) {
      assert.match(await page.locator('#figures-table').innerText(), /9,223,372,036,854,775,807 won/);
    }
    // The static page itself (before the app) was rendered with it too.
    const html = await readFile(join(site, address.split('?')[0], 'index.html'), 'utf8');
    assert.ok(html.includes('9,223,372,036,854,775,807'), `${address}: the pre-rendered page lacks the amount`);
  }
  assert.deepEqual(problems, []);
});

/**
 * `data` (the shipped file, parsed) with `n` programs instead of three (a file may present at most 100), each with
 * `bars` figures, all in its headline: the overview's chart has `n × bars` bars.
 */
function withPrograms(data, n, bars = 1) {
  const [amount] = data.amounts;
  const [, program] = data.presentation.programs;
  data.nodes = [];
  data.amounts = [];
  data.presentation.programs = [];
  for (let i = 0; i < n; i++) {
    const code = `p${String(i).padStart(4, '0')}`;
    data.nodes.push({ code, level: 'program', name: `사업 ${i}`, name_other: `Program ${i}` });
    const figures = [];
    for (let j = 0; j < bars; j++) {
      data.amounts.push({ ...amount, id: `${code}-a${j}`, node: code, amount: (i + 1) * 100_000_000 + j, split: 'whole' });
      figures.push({ id: `${code}-a${j}`, kind: 'phase_investment', label: { ko: `금액 ${j}`, en: `amount ${j}` } });
    }
    data.presentation.programs.push({ ...program, id: code, figures, headline: figures.map((f) => f.id) });
  }
  return JSON.stringify(data);
}

test('a chart taller than a canvas may be: drawn softer where half density holds it, else kept as served', { timeout: 300_000 }, async (t) => {
  // 600 bars (100 programs of 6 headline figures): ~27,700 px tall in the desktop's column (a canvas may be 16,384
  // device px on a side) and ~38,500 in a phone's (more than half density holds).
  const n = 100;
  const tmp = await mkdtemp(join(tmpdir(), 'ansan-tall-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const site = await buildVariant(join(tmp, 'site'), (data) => withPrograms(data, n, 6));
  const tallServer = await startServer(site);
  t.after(() => tallServer.close());

  // Desktop: drawn, within every browser's limits, at less than one device px per CSS px.
  const desk = await openPage(t);
  await gotoApp(desk.page, 'ko/', tallServer.url);
  await waitInteractive(desk.page);
  const chart = desk.page.locator('#overview-chart');
  await drawCharts(desk.page);
  const size = await chart.evaluate((c) => ({ w: c.width, h: c.height, css: c.getBoundingClientRect().height }));
  assert.ok(size.css > 16_384, `the chart is only ${size.css} CSS px tall`);
  assert.ok(size.h <= 16_384 && size.w * size.h <= 16_777_216, `canvas ${size.w}×${size.h}`);
  assert.equal(await desk.page.locator('.chart-wrap [role="alert"]').count(), 0, 'a chart was not drawn');
  // The last bar, by keyboard: its outline is at the bottom of the chart, and the pointer there finds it too.
  await chart.focus();
  await desk.page.keyboard.press('End');
  const outline = desk.page.locator('#overview-chart + .bar-highlight, .chart-canvas-box > .bar-highlight').first();
  await outline.waitFor();
  const [o, c] = [await outline.boundingBox(), await chart.boundingBox()];
  assert.ok(o && c && o.y > c.y + c.height * 0.95 && o.y < c.y + c.height, `outline at ${o?.y} of ${c?.y}–${c && c.y + c.height}`);
  assert.match(await desk.page.locator('.chart-canvas-box > .tooltip .tt-title').first().innerText(), new RegExp(`사업 ${n - 1}\\b`));
  await outline.scrollIntoViewIfNeeded();
  const at = await outline.boundingBox();
  await desk.page.keyboard.press('Escape');
  await desk.page.mouse.move(0, 0);
  await desk.page.mouse.move(at.x + Math.min(at.width / 2, 20), at.y + at.height / 2);
  assert.match(await desk.page.locator('.chart-canvas-box > .tooltip .tt-title').first().innerText(), new RegExp(`사업 ${n - 1}\\b`));
  // Its picture as PNG is drawn softer too, within the same limits (the PNG's own header gives its size).
  const menu = (page) => page.locator('#overview-chart-menu');
  await menu(desk.page).locator('summary').click();
  const [dl] = await Promise.all([desk.page.waitForEvent('download'), menu(desk.page).locator('[data-action="png"]').click()]);
  const png = await readFile(await dl.path());
  const [pw, ph] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(ph > 16_384 / 2 && ph <= 16_384 && pw * ph <= 16_777_216, `PNG ${pw}×${ph}`);
  // A chart this large keeps no drawings aside (each would be tens of MB): once the browser has been idle (its
  // idle callbacks come within 2 s), there are none, and a unit pressed is drawn, not copied.
  await desk.page.waitForTimeout(2_500);
  assert.equal(await chart.getAttribute('data-kept'), null, 'a drawing of the tall chart was kept');
  await desk.page.locator('#overview-chart-unit button').nth(1).click();
  await desk.page.waitForFunction(() => document.querySelectorAll('#overview-chart-unit button')[1]?.getAttribute('aria-pressed') === 'true');
  assert.equal(await chart.getAttribute('data-copied'), null, 'the tall chart was copied');
  assert.deepEqual(desk.problems, []);

  // Phone: too tall even at half density. The served drawing stays, and the page says why in its own language.
  const phone = await openPage(t, { width: 360, height: 740 });
  await gotoApp(phone.page, 'ko/', tallServer.url);
  await waitInteractive(phone.page);
  const alert = phone.page.locator('[data-island="overview"] .chart-error');
  await alert.waitFor();
  const served = phone.page.locator('[data-island="overview"] [data-chart-static] svg.narrow');
  const shown = async () => served.evaluate((s) => s.getBoundingClientRect().height);
  assert.ok((await shown()) > 32_768 / 2, 'the served drawing is not shown');
  assert.match(await alert.innerText(), /너무 커서.*위 그림/s);
  assert.doesNotMatch(await alert.innerText(), /[A-Za-z]/, 'English in the Korean page\'s message');
  // Another unit: the served drawing (in 억원) would say the wrong thing, so it goes; back, and it is there again.
  const unit = (text) => phone.page.locator('#overview-chart-unit button', { hasText: text }).click();
  await unit('원 (전체 자릿수)');
  await phone.page.waitForFunction(() => document.querySelector('[data-island="overview"] [data-chart-static]')?.hidden === true);
  assert.equal(await shown(), 0);
  assert.doesNotMatch(await alert.innerText(), /위 그림/);
  await unit('억원');
  await phone.page.waitForFunction(() => document.querySelector('[data-island="overview"] [data-chart-static]')?.hidden === false);
  assert.ok((await shown()) > 0);
  assert.match(await alert.innerText(), /위 그림/);
  assert.deepEqual(phone.problems, []);
});

test('built for its public address: the pages work as ever, name their addresses, and serve their preview pictures', { timeout: 180_000 }, async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'ansan-public-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const published = 'https://www.ansan.go.kr/예산/';
  const escaped = 'https://www.ansan.go.kr/%EC%98%88%EC%82%B0/';
  const site = await buildVariant(join(tmp, 'site'), (data) => JSON.stringify(data), { publicUrl: published });
  const siteServer = await startServer(site);
  t.after(() => siteServer.close());
  const { page, problems } = await openPage(t);
  for (const address of ['', 'en/program/sme/']) {
    await page.goto('about:blank');
    await gotoApp(page, address, siteServer.url);
    await waitInteractive(page);
    const own = address === '' ? 'ko/' : address;
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `${escaped}${own}`);
    assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), `${escaped}${own}preview.png`);
    // The picture the head names, served from beside the page, as a browser shows it.
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, `${siteServer.url}/${own}preview.png`);
    assert.deepEqual(size, [1200, 630], `${own}preview.png`);
  }
  const sitemap = await readFile(join(site, 'sitemap.xml'), 'utf8');
  assert.ok(sitemap.includes(`<loc>${escaped}en/program/sme/</loc>`), sitemap);
  assert.deepEqual(problems, []);
});

for (const [width, height] of [
  [1280, 800],
  [360, 740],
]) {
  test(`(f) Hangul renders at ${width} px (screenshot in tests/e2e/output/)`, TIMEOUT, async (t) => {
    const { page } = await openLoaded(t, { width, height });
    await page.locator('#figures-table').waitFor();
    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, `app-${width}.png`), fullPage: true });

    const text = await page.locator('body').innerText();
    assert.match(text, /[가-힣]/, 'no Hangul on the page');
    // Without a CJK font every syllable is the same "tofu" box, identical to an unassigned code point.
    const glyphs = await page.evaluate(() => {
      const font = `32px ${getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily}`;
      const draw = (ch) => {
        const c = document.createElement('canvas');
        c.width = c.height = 48;
        const ctx = c.getContext('2d');
        ctx.font = font;
        ctx.textBaseline = 'top';
        ctx.fillText(ch, 4, 4);
        return c.toDataURL();
      };
      const [an, san, missing] = ['안', '산', '\u{10FFFD}'].map(draw);
      return { differ: an !== san, notTofu: an !== missing && san !== missing, font };
    });
    assert.ok(glyphs.differ && glyphs.notTofu, `Hangul draws as boxes in ${glyphs.font}`);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width} px wide`);
  });
}

test('(g) a normal load logs no console errors or warnings (but the known one), exceptions or failed requests', TIMEOUT, async (t) => {
  const { page, problems } = await openLoaded(t);
  await page.locator('#figures-table').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
});
