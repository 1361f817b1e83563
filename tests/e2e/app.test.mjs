// End-to-end tests of the built app (dist/) in headless Chromium: what a citizen sees and does.
// Run after `trunk build --release`:  node --test tests/e2e/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DATA_GLOB, DIST, OUTPUT, assertBuilt, launchChromium } from './browser.mjs';
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
 * collects console errors, uncaught exceptions (a wasm panic shows up as one) and failed requests.
 */
async function openPage(t, { width = 1280, height = 800, route } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const pageErrors = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => {
    problems.push(`uncaught: ${e.message}`);
    pageErrors.push(e.message);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  if (route) await page.route(DATA_GLOB, route);
  return { page, problems, pageErrors };
}

async function gotoApp(page) {
  await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
}

async function waitForChart(page) {
  await page.locator('#overview-chart[data-drawn="true"]').waitFor({ state: 'attached' });
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

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`);
      return `  ${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${nodes.join('\n')}`;
    })
    .join('\n');
}

async function assertNoAxeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.equal(violations.length, 0, `axe-core found violations:\n${formatViolations(violations)}`);
}

async function alertText(page) {
  const alert = page.locator('[role="alert"]').first();
  await alert.waitFor({ state: 'attached' });
  return alert.innerText();
}

test('shows a status while the data loads, then the title', TIMEOUT, async (t) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page } = await openPage(t, {
    route: async (route) => {
      await held;
      await route.continue();
    },
  });
  await gotoApp(page);
  await page.locator('[role="status"]').first().waitFor({ state: 'attached' });
  release();
  await waitForChart(page);
  const h1 = (await page.locator('h1').first().innerText()).trim();
  assert.ok(h1.length > 0, 'the <h1> is empty');
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

test('the scale toggle switches and redraws the chart', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  const buttons = page.locator('#overview-chart-scale button');
  assert.equal(await buttons.count(), 2, '#overview-chart-scale should hold two buttons');
  const pressed = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
  assert.deepEqual([...pressed].sort(), ['false', 'true'], `aria-pressed is ${JSON.stringify(pressed)}`);
  const other = pressed.indexOf('false');

  const before = await canvasDataUrl(page);
  await buttons.nth(other).click();
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

test('(c) axe-core finds no accessibility violations on the loaded page', TIMEOUT, async (t) => {
  const { page } = await openLoaded(t);
  await page.locator('#figures-table').waitFor();
  await assertNoAxeViolations(page);
});

for (const [name, route] of [
  ['HTTP 404', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })],
  ['a network failure', (r) => r.abort('failed')],
]) {
  test(`(d) ${name} for the data shows an alert naming the file`, TIMEOUT, async (t) => {
    const { page, pageErrors } = await openPage(t, { route });
    await gotoApp(page);
    const text = await alertText(page);
    assert.ok(text.includes('ansan-2015.json'), `the alert does not name ansan-2015.json: ${text}`);
    assert.deepEqual(pageErrors, [], 'the app threw instead of only rendering the error');
  });
}

test('(d) the error page passes axe-core too', TIMEOUT, async (t) => {
  const { page } = await openPage(t, {
    route: (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
  });
  await gotoApp(page);
  await alertText(page);
  await assertNoAxeViolations(page);
});

test('(e) a malformed amount shows an alert with its JSON path', TIMEOUT, async (t) => {
  const real = JSON.parse(await readFile(join(DIST, 'data/ansan-2015.json'), 'utf8'));
  assert.ok(
    real?.amounts?.[0] && 'amount' in real.amounts[0],
    'dist/data/ansan-2015.json has no amounts[0].amount to break',
  );
  // JSON.stringify(4.5e11) would print the integer 450000000000; the point is a non-integer literal.
  real.amounts[0].amount = '__AMOUNT__';
  const body = JSON.stringify(real).replace('"__AMOUNT__"', '4.5e11');
  const { page, pageErrors } = await openPage(t, {
    route: (r) => r.fulfill({ status: 200, contentType: 'application/json', body }),
  });
  await gotoApp(page);
  const text = await alertText(page);
  assert.ok(
    text.includes('amounts[0].amount'),
    `the alert does not name amounts[0].amount: ${text}`,
  );
  assert.deepEqual(pageErrors, [], 'the app threw instead of only rendering the error');
});

// Hostile files: nesting 100,000 deep, and a minified (one-line) file of 100,000 figures whose amounts are all
// floats. Each must end in an alert naming the file and the place, without a crash or a hang; the long one lists
// its first 50 problems and counts the rest.
for (const [name, makeBody, want] of [
  ['nesting 100,000 deep', () => '['.repeat(100_000), /ansan-2015\.json: \[0\]\[0\].*nested deeper than 64/],
  // "안산" in CP949: the browser must name the encoding, never show it as mojibake.
  ['a CP949 file', () => Buffer.from([...Buffer.from('{"name": "'), 0xbe, 0xc8, 0xbb, 0xea, ...Buffer.from('"}')]),
    /ansan-2015\.json: \.: expected UTF-8 text, found Korean text in CP949 \/ EUC-KR: not UTF-8 from byte 10/],
  [
    'a one-line file of 100,000 float amounts',
    async () => {
      const real = JSON.parse(await readFile(join(DIST, 'data/ansan-2015.json'), 'utf8'));
      const template = real.amounts.find((a) => a.id === 'sme-budget');
      real.amounts = Array.from({ length: 100_000 }, (_, i) => ({ ...template, id: `f-${i}`, amount: '__F__' }));
      return JSON.stringify(real).replaceAll('"__F__"', '1.5');
    },
    /amounts\[0\]\.amount: expected whole won as an integer, found 1\.5 \(line 1, column \d+\)/,
  ],
]) {
  test(`(e) ${name}: an alert with the place, no crash`, { timeout: 120_000 }, async (t) => {
    const body = await makeBody();
    const { page, pageErrors } = await openPage(t, {
      route: (r) => r.fulfill({ status: 200, contentType: 'application/json', body }),
    });
    await gotoApp(page);
    const text = await alertText(page);
    assert.match(text, want);
    if (name.startsWith('a one-line')) {
      const items = await page.locator('[role="alert"] li').count();
      assert.equal(items, 51, `the alert lists ${items} items`);
      assert.match(text, /그 밖에 문제 99,?950개/);
    }
    assert.deepEqual(pageErrors, [], 'the app threw instead of only rendering the error');
  });
}

test('(e) the largest amount the checker accepts (i64::MAX won) is drawn, on both scales', TIMEOUT, async (t) => {
  const real = JSON.parse(await readFile(join(DIST, 'data/ansan-2015.json'), 'utf8'));
  real.amounts.find((a) => a.id === 'sme-budget').amount = '__MAX__';
  const body = JSON.stringify(real).replace('"__MAX__"', '9223372036854775807');
  const { page, pageErrors } = await openPage(t, {
    route: (r) => r.fulfill({ status: 200, contentType: 'application/json', body }),
  });
  for (const hash of ['#/en/', '#/en/?scale=log']) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/${hash}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#overview-chart[data-drawn]').waitFor();
    assert.equal(await page.locator('.chart-wrap [role="alert"]').count(), 0, `${hash}: the chart was not drawn`);
    assert.match(await page.locator('#figures-table').innerText(), /9,223,372,036,854,775,807 won/);
  }
  assert.deepEqual(pageErrors, []);
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

test('(g) a normal load logs no console errors, exceptions or failed requests', TIMEOUT, async (t) => {
  const { page, problems } = await openLoaded(t);
  await page.locator('#figures-table').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
});
