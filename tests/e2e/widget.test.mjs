// End-to-end tests of the widgets as the city's web team uses them: the release bundle served from a
// sub-folder, the sample city page on another origin embedding two widgets, resizing, tooltips and clicks
// inside the frames, polite errors, axe in both languages and themes, the generator, downloads read back,
// and hostile names rendered as text everywhere (in the pages the build renders too).
// Run after `trunk build --release`:  node --test tests/e2e/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWERING, DATA_GLOB, DIST, PAGES, REPO_ROOT, assertBuilt, buildVariant, formatViolations, launchChromium, runAxe, waitInteractive } from './browser.mjs';
import { startServer } from './server.mjs';

const PLACEHOLDER = 'https://budget.example.org/';
const TIMEOUT = { timeout: 90_000 };
const AMOUNTS = [445000000000, 1900000000, 2400000000, 5000000000];

let appServer; // the bundle under /budget/
let hostServer; // the city page, another origin (port)
let browser;
let tmp;
let BASE; // http://127.0.0.1:PORT/budget/

before(async () => {
  assertBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'ansan-widget-'));
  await cp(DIST, join(tmp, 'app', 'budget'), { recursive: true });
  appServer = await startServer(join(tmp, 'app', 'budget'), { prefix: '/budget/' });
  BASE = `${appServer.url}/budget/`;
  const city = await readFile(join(REPO_ROOT, 'examples/city-news.html'), 'utf8');
  assert.ok(city.includes(PLACEHOLDER), 'examples/city-news.html does not use the placeholder host');
  await mkdir(join(tmp, 'host'));
  await writeFile(join(tmp, 'host', 'index.html'), city.replaceAll(PLACEHOLDER, BASE));
  hostServer = await startServer(join(tmp, 'host'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await appServer?.close();
  await hostServer?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A fresh context; fails the test on console errors, exceptions, failed requests and dialogs. */
async function withPage(t, options, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR', ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const watch = (p) => {
    p.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    p.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    p.on('requestfailed', (r) => {
      // A frame's load superseded by a newer address (the generator's preview as options change) is aborted
      // by the browser, with the files it was fetching, as it should be: not a failure.
      const superseded = r.frame() !== p.mainFrame() && /ERR_ABORTED/.test(r.failure()?.errorText);
      // With JavaScript off, Chromium refuses the module preload of the app's .js and says so as "csp".
      const scriptsOff = options.javaScriptEnabled === false && r.failure()?.errorText === 'csp' && r.resourceType() === 'script';
      if (!superseded && !scriptsOff) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    p.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    p.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  };
  watch(page);
  context.on('page', watch);
  await fn(page, context, problems);
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/** Waits until the chart `#id` answers: drawn (a widget's always is), or an explorer page's holding its served drawing. */
const drawn = (frameOrPage, id = 'widget-chart') =>
  frameOrPage.locator(`#${id}${ANSWERING}`).waitFor({ state: 'attached' });

async function openWidget(page, query) {
  await page.goto(`${BASE}widget.html?${query}`, { waitUntil: 'domcontentloaded' });
}

async function axe(pageOrFrame, label) {
  const { violations } = await runAxe(pageOrFrame);
  assert.equal(violations.length, 0, `${label}: axe-core found violations:\n${formatViolations(violations)}`);
}

test('the release bundle works from a sub-folder: explorer and widget, relative files only', TIMEOUT, async (t) => {
  await withPage(t, {}, async (page) => {
    await page.goto(BASE, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await drawn(page, 'overview-chart');
    for (const address of [...PAGES, 'widget.html']) {
      const file = address === '' || address.endsWith('/') ? `${address}index.html` : address;
      const html = await readFile(join(DIST, file), 'utf8');
      assert.ok(!/(src|href)="\/[^/]/.test(html), `${file} still loads something from the host root`);
      assert.match(html, /http-equiv="Content-Security-Policy"/, `${file} has no CSP`);
      assert.doesNotMatch(html, /script-src[^;]*'unsafe-inline'/, `${file}: the CSP allows inline scripts`);
      // Search engines list the explorer's pages, not a widget (a chart alone, for other pages' frames) nor the
      // page for unknown addresses.
      const unlisted = address === 'widget.html' || address === '404.html';
      assert.equal(html.includes('<meta name="robots" content="noindex" />'), unlisted, file);
    }
    await openWidget(page, 'chart=timeline&lang=en');
    await drawn(page);
    assert.equal(await page.title(), "Ansan's three economic programs: their periods — Ansan Budget Explorer");
  });
});

test('the sample city page on another origin: two widgets render, resize with the viewport, tooltips, new tabs, no history', TIMEOUT, async (t) => {
  await withPage(t, {}, async (page, context) => {
    await page.goto(`${hostServer.url}/`, { waitUntil: 'load' });
    const iframes = page.locator('iframe[data-ansan-budget-widget]');
    assert.equal(await iframes.count(), 2, 'the sample page should embed two widgets');
    const frames = [];
    for (let i = 0; i < 2; i++) {
      const handle = await iframes.nth(i).elementHandle();
      const frame = await handle.contentFrame();
      assert.ok(frame, `iframe ${i} has no frame`);
      assert.ok(new URL(frame.url()).origin !== new URL(page.url()).origin, 'the widget is on another origin');
      await drawn(frame);
      frames.push({ handle, frame });
    }
    // Each iframe is as tall as its content (the host script applied the posted height).
    const fits = async () =>
      Promise.all(
        frames.map(async ({ handle, frame }) => {
          const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
          const inner = await frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom));
          return { outer, inner };
        }),
      );
    // Chromium pauses rendering (and so ResizeObserver) in cross-origin frames out of view, as a reader's
    // browser does: each frame is brought into view, as a reader scrolling the page would.
    const waitFit = async (label) => {
      let last;
      for (const { handle } of frames) {
        await handle.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(100);
      }
      for (let i = 0; i < 50; i++) {
        last = await fits();
        if (last.every(({ outer, inner }) => Math.abs(outer - inner) <= 2)) return last;
        for (const { handle } of frames) await handle.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(100);
      }
      assert.fail(`${label}: the iframes do not fit their content: ${JSON.stringify(last)}`);
    };
    const wide = await waitFit('at 1280 px');
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await waitFit('at 360 px');
    for (let i = 0; i < 2; i++) {
      assert.notEqual(narrow[i].outer, wide[i].outer, `iframe ${i} kept its height ${wide[i].outer} at 360 px`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitFit('back at 1280 px');

    // A tooltip inside the first frame, then a click on a program: a new tab, the host page stays.
    const { frame } = frames[0];
    const hostUrl = page.url();
    const historyBefore = await page.evaluate(() => history.length);
    const canvas = frame.locator('#widget-chart');
    // Scrolled from the host page, as a reader does; the frame's own scrolling waits on its (paused) frames.
    const showFrame = async () => {
      await frames[0].handle.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(150);
    };
    await showFrame();
    const box = await canvas.boundingBox();
    let tip = null;
    let at = null;
    for (let y = box.y + 4; y < box.y + box.height - 4 && !tip; y += 4) {
      await page.mouse.move(box.x + box.width * 0.4, y);
      tip = await frame.locator('.tooltip').first().innerText().catch(() => null);
      if (tip) at = y;
    }
    assert.ok(tip, 'no tooltip appeared when hovering the widget chart');
    // Control changes inside the frame: no history entries for the host.
    const scale = frame.locator('#widget-chart-scale button').nth(1);
    if (await scale.count()) await scale.click();
    await drawn(frame);
    await showFrame();
    const box2 = await canvas.boundingBox();
    await page.mouse.move(box2.x + box2.width * 0.4, at - box.y + box2.y);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.mouse.click(box2.x + box2.width * 0.4, at - box.y + box2.y),
    ]);
    await popup.waitForLoadState('domcontentloaded');
    // The program's page, with the scale the widget was switched to.
    assert.match(popup.url(), /\/budget\/ko\/program\/[a-z-]+\/\?scale=log$/, `the new tab shows ${popup.url()}`);
    assert.ok(popup.url().startsWith(BASE), `the new tab is not the explorer: ${popup.url()}`);
    assert.equal(page.url(), hostUrl, 'the host page navigated');
    assert.equal(frame.url().includes('widget.html'), true, 'the frame navigated away from the widget');
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'the widget added host history entries');
    assert.equal(await popup.evaluate(() => window.opener), null, 'the new tab can reach its opener');
    await waitInteractive(popup);
    await drawn(popup, 'program-chart');
  });
});

test('a bad parameter, an unknown program or a failing data file: a polite message with a link, never a blank frame', TIMEOUT, async (t) => {
  const cases = [
    ['chart=pie&lang=en', /cannot be shown/i, /chart/],
    ['chart=overview&unit=kg&theme=purple', /표시할 수 없습니다/, /unit/],
    ['chart=program&program=nope&lang=en', /cannot be shown/i, /nope/],
  ];
  for (const [query, title, detail] of cases) {
    await withPage(t, {}, async (page) => {
      await openWidget(page, query);
      const alert = page.locator('[role="alert"]');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, title, `${query}: ${text}`);
      assert.match(text, detail, `${query}: ${text}`);
      const link = alert.locator('a[target="_blank"][rel~="noopener"]');
      assert.equal(await link.count(), 1, `${query}: no link to the explorer`);
      assert.ok((await link.getAttribute('href')).startsWith(BASE), `${query}: the link leaves the explorer`);
      await axe(page, `error page for ${query}`);
    });
  }
  // The data file fails: the widget says so in its language; the 404 itself is the expected failure.
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(DATA_GLOB, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await openWidget(page, 'chart=overview&lang=en');
  const text = await page.locator('[role="alert"]').innerText();
  assert.match(text, /ansan-2015\.[0-9a-f]{16}\.bin/);
  assert.match(text, /404/);
  assert.deepEqual(errors, []);
});

test('axe finds nothing on widgets (both languages, light and dark, every chart) nor on the generator', TIMEOUT, async (t) => {
  for (const lang of ['ko', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const chart of ['overview', 'timeline', 'program&program=incubation']) {
        await withPage(t, { colorScheme: theme === 'dark' ? 'light' : 'dark' }, async (page) => {
          await openWidget(page, `chart=${chart}&lang=${lang}&theme=${theme}`);
          await drawn(page);
          assert.equal(await page.getAttribute('html', 'data-theme'), theme);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await axe(page, `${chart} ${lang} ${theme}`);
        });
      }
    }
  }
  for (const lang of ['ko', 'en']) {
    await withPage(t, {}, async (page) => {
      await page.goto(`${BASE}${lang}/embed/`, { waitUntil: 'domcontentloaded' });
      await waitInteractive(page);
      await page.locator('#embed-snippet').waitFor();
      await drawn(await (await page.locator('iframe.embed-preview').elementHandle()).contentFrame());
      await axe(page, `generator ${lang}`);
    });
  }
});

test('a dark widget paints its chart dark; auto follows the reader', TIMEOUT, async (t) => {
  const corner = (page) =>
    page.evaluate(() => Array.from(document.getElementById('widget-chart').getContext('2d').getImageData(2, 2, 1, 1).data));
  await withPage(t, { colorScheme: 'light' }, async (page) => {
    await openWidget(page, 'chart=overview&theme=dark');
    await drawn(page);
    const [r, g, b] = await corner(page);
    assert.ok(r < 60 && g < 60 && b < 60, `dark widget chart paper is rgb(${r},${g},${b})`);
  });
  await withPage(t, { colorScheme: 'dark' }, async (page) => {
    await openWidget(page, 'chart=overview');
    await drawn(page);
    const [r] = await corner(page);
    assert.ok(r < 60, `auto on a dark system paints rgb ${r}`);
  });
});

test('the generator: choose a chart and options, the preview follows, copy announces and copies the snippet', TIMEOUT, async (t) => {
  await withPage(t, {}, async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appServer.url });
    await page.goto(`${BASE}ko/`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await drawn(page, 'overview-chart');
    // Linked from every chart's menu.
    const links = page.locator('.chart-menu a[href*="/embed"]');
    assert.equal(await links.count(), 2, 'each chart on the overview links to the generator');
    await page.locator('#overview-chart-menu summary').click();
    await links.first().click();
    // The generator is made by the second module: its page is loaded whole.
    await page.waitForURL(`${BASE}ko/embed/?chart=overview&lang=ko`, { waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await page.locator('#embed-snippet').waitFor();
    // The timeline has no unit or scale: the generator does not offer them for it, and does for bar charts.
    await page.selectOption('#embed-chart', 'timeline');
    assert.equal(await page.locator('#embed-unit, #embed-scale, #embed-controls').count(), 0, 'unit and scale offered for the timeline');
    await page.selectOption('#embed-chart', 'program:sme');
    assert.equal(await page.locator('#embed-unit, #embed-scale, #embed-controls').count(), 3);
    await page.selectOption('#embed-theme', 'dark');
    await page.uncheck('#embed-controls');
    const snippet = await page.locator('#embed-snippet').inputValue();
    assert.ok(
      snippet.includes(`${BASE}widget.html?chart=program&amp;program=sme&amp;lang=ko&amp;theme=dark&amp;controls=hide`),
      snippet,
    );
    assert.match(snippet, /title="[^"]+"/);
    assert.ok(snippet.includes(`<script async src="${BASE}embed.js"></script>`), snippet);
    assert.ok(page.url().startsWith(`${BASE}ko/embed/?chart=program&program=sme`), page.url());
    const preview = page.locator('iframe.embed-preview');
    assert.match(await preview.getAttribute('src'), /chart=program&program=sme/);
    const frame = await (await preview.elementHandle()).contentFrame();
    await drawn(frame);
    assert.equal(await frame.locator('#widget-chart-unit').count(), 0, 'controls=hide still shows the controls');
    await page.click('#embed-copy');
    await page.locator('#embed-copy-status', { hasText: '복사했습니다' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, snippet);
  });
});

// The preview frame follows its widget's height, as embed.js fits a city page's frame: before, it stayed at the
// snippet's default 560 px and cut off the overview widget's table button and footer at 1280 px.
for (const width of [360, 1280]) {
  test(`the generator's preview fits its widget at ${width} px: nothing cut off, and it grows when the table opens`, TIMEOUT, async (t) => {
    await withPage(t, { viewport: { width, height: 800 } }, async (page) => {
      // Nothing cut off: the footer, the last thing in the widget, ends inside the frame; and the frame fits the
      // widget: less than 40 px below the footer.
      const fits = async (frame, label) => {
        const gap = async () => {
          const inner = await page.locator('iframe.embed-preview').evaluate((f) => f.clientHeight);
          const footer = await frame.evaluate(() => document.querySelector('.widget-footer').getBoundingClientRect().bottom + scrollY);
          return { inner, footer, gap: inner - footer };
        };
        const deadline = Date.now() + 5_000;
        let last = await gap();
        while (!(last.gap >= 0 && last.gap < 40) && Date.now() < deadline) {
          await page.waitForTimeout(100);
          last = await gap();
        }
        assert.ok(last.gap >= 0 && last.gap < 40, `${label}: the preview shows ${last.inner} px; its widget's footer ends at ${last.footer} px`);
      };
      for (const chart of ['overview', 'timeline', 'program:sme']) {
        await page.goto(`${BASE}ko/embed/?chart=${chart.replace(':', '&program=')}&lang=ko`, { waitUntil: 'domcontentloaded' });
        await waitInteractive(page);
        const frame = await (await page.locator('iframe.embed-preview').elementHandle()).contentFrame();
        await drawn(frame);
        await fits(frame, chart);
        // Opening the table makes the widget taller: the frame follows.
        const before = (await page.locator('iframe.embed-preview').boundingBox()).height;
        await frame.locator('.widget-table summary').click();
        await fits(frame, `${chart}, table open`);
        const after = (await page.locator('iframe.embed-preview').boundingBox()).height;
        assert.ok(after > before, `${chart}: the preview stayed ${before} px with the table open (${after} px)`);
      }
    });
  });
}

/** Clicks a menu item and returns the downloaded file's bytes and name. */
async function download(page, menuId, action) {
  const menu = page.locator(`#${menuId}`);
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), menu.locator(`[data-action="${action}"]`).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function svgIsXml(page, svg) {
  return page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.nodeName === 'svg';
  }, svg);
}

test('downloads, read back: CSV (BOM, whole won), JSON, SVG (well-formed, labelled), PNG (device pixel size)', TIMEOUT, async (t) => {
  await withPage(t, { deviceScaleFactor: 2, acceptDownloads: true }, async (page) => {
    await openWidget(page, 'chart=overview&lang=ko');
    await drawn(page);
    const csv = await download(page, 'widget-chart-menu', 'csv');
    assert.match(csv.name, /\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 BOM');
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    const amountCol = rows[0].indexOf('금액(원)');
    assert.ok(amountCol >= 0, `header: ${rows[0]}`);
    const amounts = rows.slice(1).map((r) => Number(r[amountCol]));
    assert.deepEqual(amounts, AMOUNTS);

    const json = JSON.parse((await download(page, 'widget-chart-menu', 'json')).bytes.toString('utf8'));
    const col = json.columns.indexOf('금액(원)');
    assert.deepEqual(json.rows.map((r) => r[col]), AMOUNTS);

    const svg = (await download(page, 'widget-chart-menu', 'svg')).bytes.toString('utf8');
    assert.ok(await svgIsXml(page, svg), 'the SVG is not well-formed XML');
    assert.ok(svg.includes('4,450억원') && svg.includes('보도 금액 비교'), 'the SVG lacks its labels or title');

    const png = (await download(page, 'widget-chart-menu', 'png')).bytes;
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const css = await page.evaluate(() => document.getElementById('widget-chart').clientWidth);
    assert.equal(width, Math.max(320, Math.min(1200, css)) * 2, `PNG width ${width} for a ${css} px chart at ratio 2`);
    const canvasHeight = await page.evaluate(() => document.getElementById('widget-chart').height);
    assert.ok(height > canvasHeight, `PNG height ${height} leaves no room for the title above ${canvasHeight}`);

    // Copy link gives the explorer's view of this widget.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appServer.url });
    await page.locator('#widget-chart-menu [data-action="copy-link"]').click();
    await page.locator('#widget-chart-menu-status', { hasText: /복사/ }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${BASE}ko/`);
  });
});

const SCRIPT = '<script>alert(1)</script>';
const LONG_RUN = '강소기업히든챔피언육성및지역중소기업경쟁력강화를위한종합지원사업과연계된기술개발지원프로그램';
const IMG = '"><img src=x onerror=alert(1)>';

/** The explorer built from data with hostile names, served under /budget/ (the pages carry no CSP: stricter). */
async function hostileSite(t) {
  const site = await buildVariant(join(tmp, 'hostile', 'budget'), (real) => {
    const node = real.nodes.find((n) => n.code === 'regeneration');
    node.name = `${SCRIPT} 재생`;
    node.name_other = `${SCRIPT} regen`;
    const figure = real.presentation.programs.find((p) => p.id === 'regeneration').figures[0];
    figure.label.ko = `${IMG} 총액`;
    figure.label.en = `=HYPERLINK("x") ${IMG}`;
    // A name and a label with no space to break at, far wider than a table column.
    real.nodes.find((n) => n.code === 'sme').name = LONG_RUN;
    real.presentation.programs.find((p) => p.id === 'sme').figures[0].label.ko = `${LONG_RUN}예산`;
    return JSON.stringify(real);
  });
  const server = await startServer(site, { prefix: '/budget/' });
  t.after(() => server.close());
  return `${server.url}/budget/`;
}

/** Inline scripts without a type (the build writes only the pages' loader and the root page's redirect) and injected images. */
const injected = (page) => page.locator('img, script:not([src]):not([type]):not(#app-loader):not(#widget-guard)').count();

test('every explorer page\'s chart menu downloads (the second module found from any folder, under /budget/)', TIMEOUT, async (t) => {
  await withPage(t, { acceptDownloads: true }, async (page) => {
    for (const [address, id] of [['', 'overview-chart'], ['ko/', 'timeline-chart'], ['en/', 'overview-chart'], ['ko/program/regeneration/', 'program-chart']]) {
      await page.goto(`${BASE}${address}`, { waitUntil: 'domcontentloaded' });
      await waitInteractive(page);
      await drawn(page, id);
      const csv = await download(page, `${id}-menu`, 'csv');
      assert.match(csv.name, /\.csv$/, `${address}: ${csv.name}`);
      const text = csv.bytes.toString('utf8');
      assert.ok(text.includes(id === 'timeline-chart' ? '2021' : '445000000000'), `${address}: the CSV lacks its figures:\n${text.slice(0, 300)}`);
      const svg = (await download(page, `${id}-menu`, 'svg')).bytes.toString('utf8');
      assert.ok(await svgIsXml(page, svg), `${address}: the SVG is not well-formed`);
    }
  });
});

test('a widget\'s tooltip grows to the frame\'s edge, not past it: whole in a one-bar chart, inside a short frame', TIMEOUT, async (t) => {
  // What the open tooltip shows, and where its box is in the frame's window.
  const box = (page) =>
    page.evaluate(() => {
      const tip = document.getElementById('widget-chart-tip');
      if (!tip) return null;
      const r = tip.getBoundingClientRect();
      return { scroll: tip.scrollHeight, client: tip.clientHeight, top: r.top, bottom: r.bottom, window: innerHeight, text: tip.textContent };
    });
  // A one-bar chart in the frame the docs suggest (560 px): the frame has room below the chart, and the tooltip
  // uses it instead of scrolling after two lines.
  await withPage(t, { viewport: { width: 800, height: 560 } }, async (page) => {
    await openWidget(page, 'chart=program&program=sme&lang=ko');
    await drawn(page);
    await page.locator('#widget-chart').focus();
    await page.keyboard.press('End');
    await page.locator('#widget-chart-tip').waitFor();
    const b = await box(page);
    assert.ok(b.scroll <= b.client + 1, `the tooltip scrolls (${b.scroll} px of text in ${b.client})`);
    assert.match(b.text, /50억의 예산/, `the tooltip's source: ${b.text}`);
    assert.ok(b.bottom <= b.window, `the tooltip ends at ${b.bottom}, past the frame's ${b.window}`);
  });
  // A frame barely taller than the chart, with no controls above it: every bar's tooltip stays inside the
  // window (a box past the top could not be scrolled to), scrolling within itself where it must.
  await withPage(t, { viewport: { width: 800, height: 380 } }, async (page) => {
    await openWidget(page, 'chart=overview&lang=en&controls=hide');
    await drawn(page);
    const n = await page.locator('#widget-chart [role="option"]').count();
    assert.equal(n, 4);
    await page.locator('#widget-chart').focus();
    for (let i = 0; i < n; i += 1) {
      await page.keyboard.press(i === 0 ? 'Home' : 'ArrowDown');
      await page.locator('#widget-chart-tip').waitFor();
      const b = await box(page);
      assert.ok(b.top >= -0.5 && b.bottom <= b.window + 0.5, `bar ${i}: the tooltip spans ${b.top}–${b.bottom} of a ${b.window} px frame`);
    }
  });
});

test('hostile names stay text: page, tooltip, table, SVG, PNG and CSV; no dialog, no extra element', { timeout: 180_000 }, async (t) => {
  const base = await hostileSite(t);
  await withPage(t, { acceptDownloads: true }, async (page) => {
    for (const url of [`${base}widget.html?chart=overview&lang=ko`, `${base}en/program/regeneration/`, `${base}ko/`]) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const id = url.includes('widget') ? 'widget-chart' : url.includes('program') ? 'program-chart' : 'overview-chart';
      if (!url.includes('widget')) await waitInteractive(page);
      await drawn(page, id);
      assert.equal(await injected(page), 0, `${url}: an <img> or inline script was injected`);
      const text = await page.locator('body').textContent();
      assert.ok(text.includes(SCRIPT), `the name is not shown as text on ${url}`);
      const menu = `${id}-menu`;
      const svg = (await download(page, menu, 'svg')).bytes.toString('utf8');
      assert.ok(await svgIsXml(page, svg), `the SVG from ${url} is not well-formed`);
      assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the SVG does not escape the name');
      const csv = (await download(page, menu, 'csv')).bytes.toString('utf8');
      const cells = parseCsv(csv.slice(1)).flat();
      assert.ok(cells.some((c) => c.includes(SCRIPT)), 'the CSV lost the name');
      assert.ok(!cells.some((c) => c.startsWith('=')), 'a CSV cell starts with = (formula injection)');
      const png = (await download(page, menu, 'png')).bytes;
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    }
    // The tooltip of the hostile bar shows the text, not markup.
    await page.goto(`${base}widget.html?chart=overview&lang=ko`, { waitUntil: 'domcontentloaded' });
    await drawn(page);
    await page.focus('#widget-chart');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const tip = await page.locator('.tooltip').innerText();
    assert.ok(tip.includes(SCRIPT) && tip.includes('총액'), `tooltip: ${tip}`);
    assert.equal(await page.locator('.tooltip img').count(), 0);
  });
  // The pages as the build wrote them, before any script (the static charts are SVG markup written into the
  // page): the names are text there too.
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    for (const address of ['ko/', 'en/', 'ko/program/regeneration/', 'en/program/regeneration/']) {
      await page.goto(`${base}${address}`, { waitUntil: 'load' });
      assert.equal(await injected(page), 0, `${address} as built: an <img> or inline script was injected`);
      assert.ok((await page.locator('body').textContent()).includes(SCRIPT), `${address} as built: the name is not text`);
      const svgText = await page.locator('[data-chart-static] svg').first().textContent();
      assert.ok(svgText.includes(SCRIPT) && svgText.includes('"><img src=x'), `${address}: the static chart does not show the names as text: ${svgText.slice(0, 300)}`);
    }
    // A run of 46 syllables with no space: its cells break it, so the table is no wider than its box and every
    // amount is in view; the other cells keep their words whole.
    for (const address of ['ko/', 'ko/program/sme/']) {
      await page.goto(`${base}${address}`, { waitUntil: 'load' });
      const table = await page.locator('#figures-table').evaluate((t) => {
        const cells = [...t.querySelectorAll('tbody th, tbody td')];
        // A run of more than 24 characters without a space (src/view/mod.rs, LONG_WORD).
        const longRun = (c) => c.textContent.split(/\s+/).some((w) => [...w].length > 24);
        return {
          over: t.parentElement.scrollWidth - t.parentElement.clientWidth,
          long: cells.filter((c) => c.classList.contains('long-words')).map((c) => c.textContent.slice(0, 8)),
          wrong: cells.filter((c) => c.classList.contains('long-words') !== longRun(c)).map((c) => c.textContent),
        };
      });
      assert.equal(table.over, 0, `${address}: the table is ${table.over} px wider than its box`);
      // The program's name and its figure's label (and the 25-character <script> name of another program).
      assert.equal(table.long.filter((c) => c === LONG_RUN.slice(0, 8)).length, 2, `${address}: ${table.long}`);
      assert.deepEqual(table.wrong, [], `${address}: cells that break anywhere without a long run, or the reverse`);
    }
  });
});

test('print: each page prints with its chart, its table and its sources, no controls, nothing cut off', TIMEOUT, async (t) => {
  const pages = [
    [`${BASE}ko/`, 'overview-chart'],
    [`${BASE}en/program/sme/`, 'program-chart'],
    [`${BASE}widget.html?chart=overview&lang=ko`, 'widget-chart'],
  ];
  for (const [url, chart] of pages) {
    await withPage(t, { viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await drawn(page, chart);
      await page.emulateMedia({ media: 'print' });
      // A printed A4 page is about 700 CSS px wide: the chart must fit it.
      await page.setViewportSize({ width: 700, height: 900 });
      const seen = await page.evaluate((id) => {
        const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0);
        const c = document.getElementById(id).getBoundingClientRect();
        return {
          controls: shown('.controls, .chart-menu-wrap, .lang-switch, .skip-link:not(:focus)'),
          table: shown('table.figures tbody tr'),
          source: shown('.chart-source'),
          chartRight: c.right,
          width: document.documentElement.clientWidth,
        };
      }, chart);
      assert.equal(seen.controls, false, `${url}: controls print`);
      assert.equal(seen.table, true, `${url}: the table does not print`);
      assert.equal(seen.source, true, `${url}: the source line does not print`);
      assert.ok(seen.chartRight <= seen.width + 1, `${url}: the chart is cut off (${seen.chartRight} > ${seen.width})`);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000, `${url}: the PDF is only ${pdf.length} bytes`);
    });
  }
});

test('two widgets on one page download the app once: the same files, cached', TIMEOUT, async (t) => {
  const requests = [];
  const cached = await startServer(join(tmp, 'app'), { cacheSeconds: 3600, requests });
  const hostDir = join(tmp, 'host-cached');
  await mkdir(hostDir, { recursive: true });
  const city = await readFile(join(REPO_ROOT, 'examples/city-news.html'), 'utf8');
  await writeFile(join(hostDir, 'index.html'), city.replaceAll(PLACEHOLDER, `${cached.url}/budget/`));
  const host = await startServer(hostDir);
  t.after(async () => {
    await cached.close();
    await host.close();
  });
  await withPage(t, { viewport: { width: 1280, height: 3000 } }, async (page) => {
    await page.goto(`${host.url}/`, { waitUntil: 'load' });
    for (const h of await page.locator('iframe[data-ansan-budget-widget]').elementHandles()) {
      await drawn(await h.contentFrame());
    }
  });
  const count = (re) => requests.filter((p) => re.test(p)).length;
  // Each widget's own page (two addresses), then one download of everything they share.
  assert.equal(count(/widget\.html$/), 2, `widget.html requested ${count(/widget\.html$/)} times: ${requests}`);
  for (const re of [/\.wasm$/, /ansan-budget-(?:full-)?[0-9a-f]+\.js$/, /\.css$/, /ansan-2015\.[0-9a-f]{16}\.bin$/]) {
    assert.equal(count(re), 1, `${re} requested ${count(re)} times for two widgets: ${requests.join(', ')}`);
  }
  const twice = [...new Set(requests)].filter((p) => !p.endsWith('widget.html') && count(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)) > 1);
  assert.deepEqual(twice, [], 'files downloaded more than once for two widgets');
});

test('a widget whose own files fail says so in its language instead of staying empty; a working one never does', TIMEOUT, async (t) => {
  // Its .wasm or JS glue gone (a new build copied over the old while a city page was open), or an HTML page
  // served in the .wasm's place: before, the frame stayed blank.
  const full = (ext) => (u) => new RegExp(`/ansan-budget-full-[0-9a-f]+${ext}$`).test(u.pathname);
  const cases = [
    ['the .wasm gone', full('_bg\\.wasm'), (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })],
    ['the JS glue gone', full('\\.js'), (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })],
    ['an HTML page as the .wasm', full('_bg\\.wasm'), (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<p>moved</p>' })],
  ];
  for (const [name, files, answer] of cases) {
    for (const [query, want] of [
      ['chart=overview', /^차트를 불러오지 못했습니다\. .*새로 고치면/],
      ['chart=timeline&lang=en', /^The chart could not be loaded: .*Reloading the page usually helps\.$/],
    ]) {
      const context = await browser.newContext({ viewport: { width: 600, height: 400 } });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.route(files, answer);
      await openWidget(page, query);
      const note = page.locator('body > main > p.static-note[role="alert"]');
      await note.waitFor({ state: 'attached' });
      assert.match(await note.innerText(), want, `${name}, ${query}`);
      assert.equal(await page.locator('.static-note').count(), 1, `${name}, ${query}: more than one note`);
      // At the top of the frame, which has nothing else to show (it was fixed at the foot of an empty frame).
      const box = await note.boundingBox();
      assert.ok(box && box.y <= 16 && box.y + box.height <= 400, `${name}, ${query}: the note is at ${JSON.stringify(box)}`);
      if (query.includes('lang=en') && name === cases[0][0]) await axe(page, `${name}, ${query}`);
    }
  }
  await withPage(t, {}, async (page) => {
    await openWidget(page, 'chart=overview&lang=en');
    await drawn(page);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.static-note').count(), 0, 'a working widget shows the failure note');
    // Chromium's harmless "ResizeObserver loop completed with undelivered notifications" comes as an error event
    // on the window with no error object; a widget that lays itself out again as it is resized meets it. It is not
    // the app failing: the chart stays, with no note over it.
    const reported = await page.evaluate(
      () =>
        new Promise((resolve) => {
          addEventListener('error', (e) => resolve(e.message), { once: true });
          const box = document.createElement('div');
          document.body.append(box);
          let n = 0;
          new ResizeObserver(() => {
            n += 1;
            if (n < 4) box.style.height = `${n * 10}px`;
          }).observe(box);
          setTimeout(() => resolve(null), 2000);
        }),
    );
    assert.match(String(reported), /ResizeObserver loop/, 'the test did not make the ResizeObserver loop error');
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.static-note').count(), 0, 'a ResizeObserver loop notice made a working widget say it failed');
  });
  // Once the chart is up, an exception thrown and not caught is not the app dying: still no note. (Not in
  // `withPage`, which fails a test on any uncaught exception.)
  {
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await openWidget(page, 'chart=overview&lang=en');
    await drawn(page);
    await page.evaluate(() => setTimeout(() => Promise.reject(new TypeError('a stray rejection'))));
    await page.evaluate(() => setTimeout(() => { throw new TypeError('a stray exception'); }));
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.static-note').count(), 0, 'a stray exception made a working widget say it failed');
    // A WebAssembly trap is (a panic aborts the module): the frame says so, in its language, over the chart.
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    const note = page.locator('body > p.static-note[role="alert"]');
    await note.waitFor({ state: 'attached' });
    assert.match(await note.innerText(), /^The chart could not be loaded/);
  }
});
