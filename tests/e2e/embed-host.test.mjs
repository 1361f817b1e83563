// End-to-end tests of embed/embed.js alone (no build, no wasm): a host page on one origin, fake
// widgets on others, headless Chromium. What the host script must accept and what it must ignore.
//   node --test tests/e2e/embed-host.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, formatViolations, launchChromium, runAxe } from './browser.mjs';
import { startServer } from './server.mjs';

const EMBED_JS = join(REPO_ROOT, 'embed/embed.js');
const CITY_NEWS = join(REPO_ROOT, 'examples/city-news.html');
const PLACEHOLDER = 'https://budget.example.org/';
const TIMEOUT = { timeout: 60_000 };

// A stand-in for widget.html: on load it posts the height its query string names (?h=777,
// ?h=str → "900", ?h=nan, ?h=inf, ?h=huge → 1e9, ?h=neg → -50, ?h=missing; ?type= another type);
// with no ?h= but a ?chart= it posts a fixed height, as the real widget would. window.post()
// posts on demand. A real page (title, lang, a <main> named by its h1), so axe-core's checks of
// frames pass.
const FAKE_WIDGET = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Fake budget widget</title><link rel="icon" href="data:,"></head>
<body>
<main aria-labelledby="chart-title"><h1 id="chart-title">Fake budget widget</h1><p>Posts a height message chosen by its address.</p></main>
<script>
  // axe-core compares landmarks across frames: each widget's <main> needs its own name.
  document.getElementById('chart-title').textContent = 'Fake budget widget ' + location.search;
  var SPECIAL = { str: '900', nan: NaN, inf: Infinity, ninf: -Infinity, huge: 1e9, neg: -50,
    bool: true, arr: [500], obj: { px: 500 }, nul: null };
  function message(h, type, nonce) {
    var m = { type: type || 'ansan-budget:height', widget: 'overview', nonce: nonce };
    if (h !== 'missing') m.height = Object.prototype.hasOwnProperty.call(SPECIAL, h) ? SPECIAL[h] : Number(h);
    return m;
  }
  window.post = function (h, type, nonce) { parent.postMessage(message(h, type, nonce), '*'); };
  var q = new URLSearchParams(location.search);
  if (q.has('h')) {
    post(q.get('h'), q.get('type'), 'load');
  } else if (q.has('chart')) {
    var program = q.get('program');
    parent.postMessage({ type: 'ansan-budget:height', widget: program ? 'program:' + program : q.get('chart'),
      height: program ? 432 : 345 }, '*');
  }
</script>
</body>
</html>
`;

// The host page: counts the "message" listeners embed.js adds (it is included twice), then a
// recorder that runs after embed.js's listener and keeps what it saw, so a test can wait for a
// message to have been handled instead of sleeping.
function hostPage(widget) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>Host page</h1>
<script>
  window.embedListeners = 0;
  var realAdd = window.addEventListener;
  window.addEventListener = function (type) {
    if (type === 'message') window.embedListeners += 1;
    return realAdd.apply(this, arguments);
  };
</script>
<script src="embed.js"></script>
<script src="embed.js"></script>
<script>
  window.addEventListener = realAdd;
  window.seen = [];
  window.addEventListener('message', function (e) {
    var d = e.data;
    window.seen.push(d && typeof d === 'object' ? d.nonce : d);
  });
</script>
<iframe id="a" title="widget a" data-ansan-budget-widget src="${widget}/widget.html?h=777" style="width:100%;height:560px;border:0"></iframe>
<iframe id="b" title="widget b" data-ansan-budget-widget src="${widget}/widget.html" style="width:100%;height:560px;border:0"></iframe>
<iframe id="u" title="unmarked" src="${widget}/widget.html" style="width:100%;height:560px;border:0"></iframe>
</main>
</body>
</html>
`;
}

let browser;
let widgetServer; // the widget's origin, 127.0.0.1:A
let hostServer; // the host page's origin, 127.0.0.1:H
let thirdOrigin; // the same files as the widget's, as localhost:A: another origin
const tempDirs = [];

before(async () => {
  const widgetDir = await mkdtemp(join(tmpdir(), 'ansan-embed-widget-'));
  const hostDir = await mkdtemp(join(tmpdir(), 'ansan-embed-host-'));
  tempDirs.push(widgetDir, hostDir);
  widgetServer = await startServer(widgetDir);
  hostServer = await startServer(hostDir);
  thirdOrigin = widgetServer.url.replace('127.0.0.1', 'localhost');

  await writeFile(join(widgetDir, 'widget.html'), FAKE_WIDGET);
  await copyFile(EMBED_JS, join(widgetDir, 'embed.js'));
  await copyFile(EMBED_JS, join(hostDir, 'embed.js'));
  await writeFile(join(hostDir, 'host.html'), hostPage(widgetServer.url));
  const news = await readFile(CITY_NEWS, 'utf8');
  await writeFile(join(hostDir, 'city-news.html'), news.replaceAll(PLACEHOLDER, `${widgetServer.url}/`));

  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await hostServer?.close();
  await widgetServer?.close();
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh context on the host page, all three first iframes loaded; closed when the test ends. */
async function openHost(t) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 2400 } });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  t.after(() => assert.deepEqual(errors, [], 'the host page threw'));
  await page.goto(`${hostServer.url}/host.html`, { waitUntil: 'load' });
  // The first widget posts 777 on load: once it is applied, embed.js is running.
  await page.waitForFunction(() => document.getElementById('a').style.height === '777px');
  return page;
}

async function frameOf(page, id) {
  const frame = await (await page.$(`#${id}`)).contentFrame();
  assert.ok(frame, `#${id} has no frame`);
  return frame;
}

/** Adds an iframe after embed.js has loaded and waits for its document to load. */
async function addFrame(page, id, src, { marked = true } = {}) {
  await page.evaluate(
    ({ id, src, marked }) =>
      new Promise((resolve) => {
        const f = document.createElement('iframe');
        f.id = id;
        f.title = id;
        f.style.cssText = 'width:100%;height:560px;border:0';
        if (marked) f.setAttribute('data-ansan-budget-widget', '');
        f.addEventListener('load', () => resolve(), { once: true });
        f.src = src;
        document.querySelector('main').append(f);
      }),
    { id, src, marked },
  );
  return frameOf(page, id);
}

function heights(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('iframe')].map((f) => [f.id, f.style.height])),
  );
}

let nonces = 0;

/**
 * Runs `send({ nonce, arg })` in `where` (a frame, or the page itself), which posts a message
 * carrying `nonce`; waits until the host's recorder, which runs after embed.js's listener, has
 * seen it; returns every iframe's height then.
 */
async function sendAndSettle(page, where, send, arg) {
  const nonce = `n${++nonces}`;
  await where.evaluate(send, { nonce, arg });
  await page.waitForFunction((n) => window.seen.includes(n), nonce);
  return heights(page);
}

function post(page, frame, h, type) {
  return sendAndSettle(page, frame, ({ nonce, arg }) => window.post(arg.h, arg.type, nonce), { h, type });
}

test('embed/embed.js is at most 2,048 bytes', async () => {
  const { size } = await stat(EMBED_JS);
  assert.ok(size <= 2048, `embed/embed.js is ${size} bytes`);
});

test('a valid height resizes exactly the iframe that sent it', TIMEOUT, async (t) => {
  const page = await openHost(t);
  assert.deepEqual(await heights(page), { a: '777px', b: '560px', u: '560px' });

  const b = await frameOf(page, 'b');
  assert.deepEqual(await post(page, b, '640'), { a: '777px', b: '640px', u: '560px' });
  // Rounded up to a whole CSS pixel.
  assert.deepEqual(await post(page, b, '300.2'), { a: '777px', b: '301px', u: '560px' });
});

test('iframes added after the script loaded are found, on any origin they are served from', TIMEOUT, async (t) => {
  const page = await openHost(t);
  await addFrame(page, 'late', `${thirdOrigin}/widget.html?h=333`);
  await page.waitForFunction(() => document.getElementById('late').style.height === '333px');
  const late = await frameOf(page, 'late');
  assert.deepEqual(await post(page, late, '444'), { a: '777px', b: '560px', u: '560px', late: '444px' });
});

test('heights out of range are clamped to 120..5000 px', TIMEOUT, async (t) => {
  const page = await openHost(t);
  const b = await frameOf(page, 'b');
  assert.equal((await post(page, b, 'huge')).b, '5000px');
  assert.equal((await post(page, b, 'neg')).b, '120px');
  assert.equal((await post(page, b, '0')).b, '120px');
  assert.equal((await post(page, b, '5000.5')).b, '5000px');
});

test('a message that is not a finite height changes nothing', TIMEOUT, async (t) => {
  const page = await openHost(t);
  const b = await frameOf(page, 'b');
  const untouched = { a: '777px', b: '560px', u: '560px' };
  for (const h of ['str', 'nan', 'inf', 'ninf', 'missing', 'bool', 'arr', 'obj', 'nul']) {
    assert.deepEqual(await post(page, b, h), untouched, `height "${h}" was applied`);
  }
  assert.deepEqual(await post(page, b, '640', 'ansan-budget:other'), untouched, 'another type was applied');
  assert.deepEqual(await post(page, b, '640', 'ANSAN-BUDGET:HEIGHT'), untouched, 'the type is case-sensitive');
  // The first valid message after all that still works.
  assert.equal((await post(page, b, '600')).b, '600px');
});

// sendAndSettle keys messages by nonce; these raw values are their own key.
async function postRaw(page, frame, value) {
  await frame.evaluate((v) => parent.postMessage(v, '*'), value);
  await page.waitForFunction((v) => window.seen.includes(v), value);
  return heights(page);
}

test('a non-object message changes nothing', TIMEOUT, async (t) => {
  const page = await openHost(t);
  const b = await frameOf(page, 'b');
  const untouched = { a: '777px', b: '560px', u: '560px' };
  assert.deepEqual(await postRaw(page, b, 'ansan-budget:height'), untouched);
  assert.deepEqual(await postRaw(page, b, 640), untouched);
  assert.deepEqual(await postRaw(page, b, null), untouched);
});

test('messages from frames that are not marked widgets, or not on their src origin, change nothing', TIMEOUT, async (t) => {
  const page = await openHost(t);
  const untouched = { a: '777px', b: '560px', u: '560px' };

  // An unmarked iframe on the widget's own origin.
  const u = await frameOf(page, 'u');
  assert.deepEqual(await post(page, u, '700'), untouched, 'an unmarked iframe was resized');

  // A marked iframe whose src is on the widget origin, that navigated itself to another origin.
  const moved = await addFrame(page, 'moved', `${widgetServer.url}/widget.html`);
  const elsewhere = `${thirdOrigin}/widget.html?moved=1`;
  // Navigate after evaluate has returned: navigating inside it can destroy its context before the result
  // comes back (a flaky "Execution context was destroyed").
  await moved.evaluate((url) => {
    setTimeout(() => {
      location.href = url;
    }, 0);
  }, elsewhere);
  await moved.waitForURL(elsewhere);
  await moved.waitForFunction(() => typeof window.post === 'function');
  assert.deepEqual(
    await post(page, moved, '700'),
    { ...untouched, moved: '560px' },
    'a frame that left its src origin was resized',
  );

  // Control: a marked iframe that navigated within its own origin is still trusted.
  const stayed = await addFrame(page, 'stayed', `${widgetServer.url}/widget.html`);
  const sameOrigin = `${widgetServer.url}/widget.html?stayed=1`;
  await stayed.evaluate((url) => {
    setTimeout(() => {
      location.href = url;
    }, 0);
  }, sameOrigin);
  await stayed.waitForURL(sameOrigin);
  await stayed.waitForFunction(() => typeof window.post === 'function');
  assert.equal((await post(page, stayed, '650')).stayed, '650px');

  // A marked data: iframe: its origin is opaque ("null"), as is its URL's, and never trusted.
  const html = '<!DOCTYPE html><title>data frame</title><p>data</p>';
  const opaque = await addFrame(page, 'opaque', `data:text/html,${encodeURIComponent(html)}`);
  const seen = await sendAndSettle(
    page,
    opaque,
    ({ nonce }) => parent.postMessage({ type: 'ansan-budget:height', height: 700, nonce }, '*'),
    null,
  );
  assert.equal(seen.opaque, '560px', 'a data: iframe was resized');

  // A marked sandboxed iframe on the widget origin: its documents have an opaque origin too.
  const sandboxed = await page.evaluate(
    (src) =>
      new Promise((resolve) => {
        const f = document.createElement('iframe');
        f.id = 'sandboxed';
        f.title = 'sandboxed';
        f.style.cssText = 'width:100%;height:560px;border:0';
        f.setAttribute('data-ansan-budget-widget', '');
        f.setAttribute('sandbox', 'allow-scripts');
        f.addEventListener('load', () => resolve(f.id), { once: true });
        f.src = src;
        document.querySelector('main').append(f);
      }),
    `${widgetServer.url}/widget.html`,
  );
  const sandboxedFrame = await frameOf(page, sandboxed);
  assert.equal((await post(page, sandboxedFrame, '700')).sandboxed, '560px', 'a sandboxed iframe was resized');

  assert.deepEqual(
    Object.fromEntries(Object.entries(await heights(page)).filter(([id]) => id in untouched)),
    untouched,
  );
});

test('a message the host page posts to itself changes nothing', TIMEOUT, async (t) => {
  const page = await openHost(t);
  const seen = await sendAndSettle(
    page,
    page,
    ({ nonce }) => window.postMessage({ type: 'ansan-budget:height', widget: 'overview', height: 700, nonce }, '*'),
    null,
  );
  assert.deepEqual(seen, { a: '777px', b: '560px', u: '560px' });
});

test('included twice, the script listens once', TIMEOUT, async (t) => {
  const page = await openHost(t);
  assert.equal(await page.evaluate(() => window.embedListeners), 1, 'message listeners added by embed.js');
  // And each message is applied once: count the style writes on one iframe.
  await page.evaluate(() => {
    window.styleWrites = 0;
    new MutationObserver((records) => (window.styleWrites += records.length)).observe(
      document.getElementById('b'),
      { attributes: true, attributeFilter: ['style'] },
    );
  });
  const b = await frameOf(page, 'b');
  assert.equal((await post(page, b, '611')).b, '611px');
  assert.equal(await page.evaluate(() => window.styleWrites), 1, 'style writes for one message');
});

test('examples/city-news.html: both widgets are sized and axe-core finds no violations', TIMEOUT, async (t) => {
  const source = await readFile(CITY_NEWS, 'utf8');
  assert.ok(source.split(PLACEHOLDER).length - 1 >= 3, `city-news.html should use ${PLACEHOLDER} for both iframes and embed.js`);
  assert.ok(!/example\.org/.test(source.replaceAll(PLACEHOLDER, '')), `a widget address in city-news.html does not start with ${PLACEHOLDER}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => {
    // The example page, like most, has no favicon of its own on this test server.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      problems.push(`console error: ${m.text()} (${m.location().url})`);
    }
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));

  await page.goto(`${hostServer.url}/city-news.html`, { waitUntil: 'load' });
  const frames = page.locator('iframe[data-ansan-budget-widget]');
  assert.equal(await frames.count(), 2);
  // loading="lazy": each widget loads when scrolled near, then posts its height.
  const expected = ['345px', '432px'];
  for (let i = 0; i < 2; i += 1) {
    await frames.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      ({ i, h }) => document.querySelectorAll('iframe[data-ansan-budget-widget]')[i].style.height === h,
      { i, h: expected[i] },
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));

  const { violations } = await runAxe(page);
  assert.equal(violations.length, 0, `axe-core found violations:\n${formatViolations(violations)}`);
  assert.deepEqual(problems, []);
});
