// Prints a markdown report of the built app (dist/) beside its peers (bench/peers/, built here): transfer sizes of
// the .wasm and its JS glue; paint and readiness times over cold loads at 1x and 4x CPU; and the time from a click
// on the unit control to the redrawn chart; and the first chart and interaction at 4x CPU once more over an emulated
// phone network, with the files compressed as a host sends them. Lighthouse is scripts/lighthouse.mjs.
// Not a test: nothing here fails on a number. Run via scripts/bench.sh (which builds first).
//   BENCH_LOADS=N cold loads per page and CPU rate (default 15); BENCH_CLICKS=N unit clicks (default 30).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchPages } from '../bench/pages.mjs';
import { buildPeers } from '../bench/peers/build.mjs';
import { DIST, assertBuilt, launchChromium } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const LOADS = Number(process.env.BENCH_LOADS || 15);
const CLICKS = Number(process.env.BENCH_CLICKS || 30);
const CPU_RATES = [1, 4];
// Lighthouse 12's mobile "Slow 4G" as DevTools applies it (its throttling.mobileSlow4G: requestLatencyMs,
// downloadThroughputKbps, uploadThroughputKbps; the RTT of 150 ms and 1.6 Mbit/s scaled for throttling each
// request), over which a phone's first view is measured once more at 4x CPU. The budgets are read from the runs
// without it: on this machine's loopback, where the page's own work is all there is to measure.
const PHONE_NETWORK = { name: 'Slow 4G', latency: 562.5, downloadKbps: 1474.56, uploadKbps: 675 };
const VIEWPORT = { width: 1280, height: 800 };
// A chart is on the page: pre-rendered inline SVG, or a canvas the app has drawn.
const CHART_SELECTOR = '[data-chart-static], canvas[data-drawn]';
const FIRST_CHART = 'first-chart-drawn';
const INTERACTIVE = 'app-interactive';
// Set by the app once every chart of the page is taken over (those below the first screen are put off until idle).
const EVERY_CHART = 'every-chart-interactive';
// Set on every draw, when a page has it; otherwise the chart element's mutation stands for the draw.
const EACH_DRAW = 'chart-drawn';

function compressed(cmd, args, file) {
  return execFileSync(cmd, [...args, '-c', file], { maxBuffer: 1 << 30 }).length;
}

function sizes(file) {
  const raw = readFileSync(file).length;
  return { raw, gzip: compressed('gzip', ['-9'], file), brotli: compressed('brotli', ['-q', '11'], file) };
}

const fmtBytes = (n) => n.toLocaleString('en-US');
const fmtMs = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function stats(xs) {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}
const spread = (xs) => {
  const s = stats(xs);
  return `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
};

/** Whether the page's code sets performance mark `name` (so the benchmark knows whether to wait for it). */
function setsMark(root, name) {
  return readdirSync(root, { recursive: true })
    .filter((f) => /\.(wasm|js|html)$/.test(f))
    .some((f) => readFileSync(join(root, f)).includes(name));
}

// Runs in the page before its own scripts: notes when the first chart element appears, and says on the console
// (which Playwright hears over CDP, running nothing in the page) once the page has painted, shown that chart and set
// mark `ready`. Waiting with page.waitForFunction instead would evaluate Playwright's injected script (~18 ms at 1x,
// ~70 ms at 4x) on the page's main thread at DOMContentLoaded: inside the very span being measured, for every page
// alike.
//
// When the chart is there (parsed, or drawn on its canvas), a one-character text marked `elementtiming` is added in
// the same task, so it is painted in the same frame as the chart: its Element Timing entry's renderTime is when that
// frame was presented. That is "first chart visible" for every page alike: a pre-rendered chart and a canvas drawn
// by script are measured the same way, on the screen, not when script finished drawing (which, for a canvas, is
// before its frame is painted and presented).
//
// A pre-rendered chart is there once the parser has closed its element, not when it opened it: the element holds a
// drawing for each width, and the one a desktop shows comes last, often in a later parsing task and frame (the
// overview's chart opened at 33 KB of its HTML and closed at 50 KB). The parser has closed an element when anything
// follows it in the document, or the document is parsed.
function watchPage({ selector, ready, said, sentinel }) {
  const closed = (el) => {
    if (document.readyState !== 'loading') return true;
    for (let e = el; e; e = e.parentNode) if (e.nextSibling) return true;
    return false;
  };
  const seen = () => {
    if (window.__benchChartAt !== undefined) return false;
    const chart = document.querySelector(selector);
    if (!chart || !closed(chart)) return false;
    window.__benchChartAt = performance.now();
    const mark = document.createElement('span');
    mark.setAttribute('elementtiming', sentinel);
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '.';
    mark.style.cssText = 'position:fixed;left:0;top:0;font-size:1px;color:rgba(0,0,0,.01);pointer-events:none';
    (document.body ?? document.documentElement).append(mark);
    return true;
  };
  if (!seen()) {
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  }
  const wanted = new Set(['first-contentful-paint', ready, sentinel]);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      wanted.delete(e.entryType === 'element' ? e.identifier : e.name);
      if (e.entryType === 'element' && e.identifier === sentinel) window.__benchChartShown = e.renderTime || e.loadTime;
    }
    if (wanted.size === 0) {
      observer.disconnect();
      console.debug(said);
    }
  });
  observer.observe({ type: 'paint', buffered: true });
  observer.observe({ type: 'mark', buffered: true });
  observer.observe({ type: 'element', buffered: true });
}

async function withPage(browser, rate, fn, network = null) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latency,
        downloadThroughput: (network.downloadKbps * 1024) / 8,
        uploadThroughput: (network.uploadKbps * 1024) / 8,
      });
    }
    return await fn(page, cdp);
  } finally {
    await context.close();
  }
}

const SAID = 'bench: painted and ready';
const SENTINEL = 'bench-first-chart-frame';

async function load(page, target) {
  const ready = target.interactive ? INTERACTIVE : FIRST_CHART;
  await page.addInitScript(watchPage, { selector: CHART_SELECTOR, ready, said: SAID, sentinel: SENTINEL });
  const heard = page.waitForEvent('console', { predicate: (m) => m.text() === SAID, timeout: 60_000 });
  // If the page cannot be opened, goto's own error is the one reported (closing the page then rejects `heard`).
  heard.catch(() => {});
  await page.goto(target.url, { waitUntil: 'commit' });
  await heard.catch(() => {
    throw new Error(
      `${target.name}: within 60 s, no first contentful paint, painted chart (${CHART_SELECTOR}) or performance mark "${ready}" (${target.url})`,
    );
  });
}

/** One cold load: ms from navigation start to first paint, largest paint, the first chart, interaction. */
async function coldLoad(browser, target, rate, network = null) {
  return withPage(browser, rate, async (page) => {
    await load(page, network ? { ...target, url: target.compressedUrl } : target);
    // Two frames and a pause, so the paints that follow readiness have reached the LCP record.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.waitForTimeout(200);
    return page.evaluate(
      async ({ FIRST_CHART, INTERACTIVE, EVERY_CHART, EACH_DRAW }) => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const lcp = await new Promise((ok) => {
          new PerformanceObserver((list) => ok(list.getEntries().at(-1)?.startTime ?? NaN)).observe({
            type: 'largest-contentful-paint',
            buffered: true,
          });
          setTimeout(() => ok(NaN), 1000);
        });
        const fcp = at('first-contentful-paint');
        // When script had the chart there: parsed, or its first draw done.
        const chartInPage = Math.min(window.__benchChartAt ?? Infinity, at(FIRST_CHART) || Infinity);
        const marks = {};
        for (const m of performance.getEntriesByType('mark')) {
          if (m.name !== EACH_DRAW && !(m.name in marks)) marks[m.name] = m.startTime;
        }
        return {
          fcp,
          lcp,
          chart: window.__benchChartShown ?? NaN,
          chartInPage,
          interactive: Number.isFinite(at(INTERACTIVE)) ? at(INTERACTIVE) : at(FIRST_CHART),
          everyChart: at(EVERY_CHART),
          marks,
        };
      },
      { FIRST_CHART, INTERACTIVE, EVERY_CHART, EACH_DRAW },
    );
  }, network);
}

// Runs in the page: finds the unit toggle (a [role=group] whose id ends in "-unit", of aria-pressed buttons) and
// its chart (the element whose id is the group's without "-unit", else the first chart in the same figure).
function watchUnitControl() {
  const group = [...document.querySelectorAll('[role=group][id$="-unit"]')].find(
    (g) => g.querySelectorAll('button[aria-pressed]').length >= 2,
  );
  if (!group) {
    return 'no unit control: expected a [role=group] whose id ends in "-unit" holding two or more ' +
      'button[aria-pressed] (억원 / 원 / 1인당)';
  }
  const chart =
    document.getElementById(group.id.replace(/-unit$/, '')) ??
    group.closest('figure, section')?.querySelector('canvas, [data-chart-static], svg');
  if (!chart) return `no chart for #${group.id}: no #${group.id.replace(/-unit$/, '')}, nor a canvas or svg in its figure`;
  group.scrollIntoView({ block: 'center' });
  const buttons = [...group.querySelectorAll('button[aria-pressed]')].slice(0, 2).map((b) => {
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const w = { clickTs: null, drawnAt: null, frameAt: null };
  window.__benchRedraw = w;
  document.addEventListener('click', (e) => (w.clickTs ??= e.timeStamp), true);
  // A canvas says it was drawn with data-drawn (set again on each draw; one holding the drawing its page was
  // served with, data-over, sets it at its first draw); anything else, by changing.
  const options = chart.hasAttribute('data-drawn') || chart.hasAttribute('data-over')
    ? { attributes: true, attributeFilter: ['data-drawn'] }
    : { attributes: true, childList: true, subtree: true, characterData: true };
  new MutationObserver(() => {
    if (w.clickTs === null || w.drawnAt !== null) return;
    w.drawnAt = performance.now();
    // The frame after the draw carries its pixels; a message after that frame's rAF marks its end.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (w.frameAt = performance.now());
      channel.port2.postMessage(null);
    });
  }).observe(chart, options);
  return { group: group.id, chart: chart.id || chart.tagName, buttons };
}

const metric = async (cdp) =>
  Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

/** CLICKS clicks on the unit toggle, alternating its first two values: per click ms and layouts. */
async function redraws(browser, target, rate) {
  return withPage(browser, rate, async (page, cdp) => {
    await load(page, target);
    const control = await page.evaluate(watchUnitControl);
    if (typeof control === 'string') throw new Error(`${target.name} (${target.url}): ${control}`);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(300);
    const out = [];
    for (let i = 0; i < CLICKS; i += 1) {
      // The first value is pressed on load: click the second, then back.
      const { x, y } = control.buttons[(i + 1) % 2];
      await page.evaluate(() => Object.assign(window.__benchRedraw, { clickTs: null, drawnAt: null, frameAt: null }));
      const before = await metric(cdp);
      await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
      await page.waitForFunction(() => window.__benchRedraw.frameAt !== null, null, { timeout: 10_000 }).catch(() => {
        throw new Error(`${target.name}: click ${i + 1} on #${control.group} did not redraw ${control.chart}`);
      });
      const after = await metric(cdp);
      const t = await page.evaluate((EACH_DRAW) => {
        const w = window.__benchRedraw;
        const mark = performance.getEntriesByName(EACH_DRAW).find((m) => m.startTime >= w.clickTs);
        return { drawn: Math.min(w.drawnAt, mark?.startTime ?? Infinity) - w.clickTs, frame: w.frameAt - w.clickTs };
      }, EACH_DRAW);
      out.push({
        ...t,
        layouts: after.LayoutCount - before.LayoutCount,
        styles: after.RecalcStyleCount - before.RecalcStyleCount,
      });
      await page.waitForTimeout(50);
    }
    return out;
  });
}

assertBuilt();
const files = readdirSync(DIST);
// Two modules: the first view's (Trunk's, `ansan-budget-<hash>`), which every explorer page loads, and the
// second (`ansan-budget-full-<hash>`: the widget, the generator, the downloads), loaded by those alone.
const firstWasm = files.filter((f) => /^ansan-budget-[0-9a-f]+_bg\.wasm$/.test(f));
const fullWasm = files.filter((f) => /^ansan-budget-full-[0-9a-f]+_bg\.wasm$/.test(f));
if (firstWasm.length !== 1 || fullWasm.length !== 1) {
  throw new Error(`expected one first-view and one second .wasm in ${DIST}, found ${files.filter((f) => f.endsWith('.wasm')).join(', ') || 'none'}`);
}
// wasm-bindgen names the glue after the module: NAME_bg.wasm beside NAME.js.
const modules = [
  ['first view (every explorer page)', firstWasm[0]],
  ['second (widget, generator, downloads)', fullWasm[0]],
].flatMap(([what, w]) => {
  const js = w.replace(/_bg\.wasm$/, '.js');
  if (!files.includes(js)) throw new Error(`no JS glue ${js} beside ${w} in ${DIST}`);
  return [[`${what}: ${w}`, join(DIST, w)], [`${what}: ${js}`, join(DIST, js)]];
});

const peers = buildPeers();
// Read now: the peers' folder is removed before the report is printed.
const peerSizes = peers.files.map(([label, file]) => [label, sizes(file)]);
const appServer = await startServer(DIST);
const peerServer = await startServer(peers.root);
// The same files brotli-compressed, for the loads over the phone network (on the loopback, unthrottled, the bytes
// cost nothing and decompressing them would be the only difference).
const brServers = { app: await startServer(DIST, { compress: true }), peer: await startServer(peers.root, { compress: true }) };
const targets = benchPages(DIST, peers).map((p) => {
  const root = p.from === 'app' ? DIST : peers.root;
  const base = p.from === 'app' ? appServer.url : peerServer.url;
  return {
    ...p,
    url: base + p.path,
    compressedUrl: brServers[p.from === 'app' ? 'app' : 'peer'].url + p.path,
    interactive: setsMark(root, INTERACTIVE),
  };
});
const browser = await launchChromium();
const loads = [];
const clicks = [];
try {
  // Warm-up, not counted: the OS's file cache, Chromium's first start.
  for (const target of targets) await coldLoad(browser, target, 1);
  // The pages take turns, load by load: this machine's speed drifts by a quarter within minutes (first paint of
  // one page, 212 then 280 ms at 4x, ten minutes apart), and a page measured in a slow spell must not be compared
  // with one measured in a fast spell.
  for (const rate of CPU_RATES) {
    process.stderr.write(`bench: ${LOADS} cold loads of each of ${targets.length} pages in turn at ${rate}x CPU\n`);
    const runs = targets.map(() => []);
    for (let i = 0; i < LOADS; i += 1) {
      for (const [k, target] of targets.entries()) runs[k].push(await coldLoad(browser, target, rate));
    }
    targets.forEach((target, k) => loads.push({ target, rate, runs: runs[k] }));
  }
  {
    process.stderr.write(`bench: ${LOADS} cold loads of each page in turn at 4x CPU over ${PHONE_NETWORK.name}\n`);
    const runs = targets.map(() => []);
    for (let i = 0; i < LOADS; i += 1) {
      for (const [k, target] of targets.entries()) runs[k].push(await coldLoad(browser, target, 4, PHONE_NETWORK));
    }
    targets.forEach((target, k) => loads.push({ target, rate: 4, network: PHONE_NETWORK, runs: runs[k] }));
  }
  for (const target of targets.filter((t) => t.redraw)) {
    for (const rate of CPU_RATES) {
      process.stderr.write(`bench: ${target.name}: ${CLICKS} unit clicks at ${rate}x CPU\n`);
      clicks.push({ target, rate, runs: await redraws(browser, target, rate) });
    }
  }
} finally {
  await browser.close();
  await appServer.close();
  await peerServer.close();
  await brServers.app.close();
  await brServers.peer.close();
  rmSync(peers.root, { recursive: true, force: true });
}

// A markdown table; `left` columns are aligned left, the rest (numbers) right.
const table = (head, rows, left = [0]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (left.includes(i) ? '---|' : '---:|')).join('')}`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

const sizeRows = [...modules.map(([label, file]) => [label, sizes(file)]), ...peerSizes].map(([label, s]) => [
  label,
  fmtBytes(s.raw),
  fmtBytes(s.gzip),
  fmtBytes(s.brotli),
]);
const conditions = ({ rate, network }) => `${rate}x${network ? `, ${network.name}` : ''}`;
const loadRows = loads.map((l) => {
  const { target, runs } = l;
  const col = (k) => spread(runs.map((r) => r[k]));
  const ready = `${col('interactive')} (${target.interactive ? INTERACTIVE : FIRST_CHART})`;
  return [target.name, conditions(l), col('fcp'), col('lcp'), col('chartInPage'), col('chart'), ready, col('everyChart')];
});
const markRows = loads.map((l) => {
  const names = [...new Set(l.runs.flatMap((r) => Object.keys(r.marks)))];
  const cells = names.map((n) => `${n} ${fmtMs(stats(l.runs.map((r) => r.marks[n] ?? NaN)).median)}`);
  return [l.target.name, conditions(l), cells.join(' · ') || '–'];
});
const clickRows = clicks.map(({ target, rate, runs }) => {
  const s = (k) => stats(runs.map((r) => r[k]));
  const [drawn, frame] = [s('drawn'), s('frame')];
  return [target.name, `${rate}x`, ...[drawn.median, drawn.p95, frame.median, frame.p95].map(fmtMs),
    s('layouts').median, s('styles').median];
});

// The first-view issue's budgets beside what was measured: figures, not verdicts of a test.
const runsOf = (target, rate, network = null) =>
  loads.find((l) => l.target === target && l.rate === rate && (l.network ?? null) === network)?.runs ?? [];
const median = (target, rate, k, network = null) => stats(runsOf(target, rate, network).map((r) => r[k])).median;
const peer = targets.find((t) => t.path === peers.pages.chartjs);
const clickStat = (target, rate, k) => stats(clicks.find((c) => c.target === target && c.rate === rate)?.runs.map((r) => r[k]) ?? []);
// The pages take turns load by load, so load i of a page and load i of the Chart.js page fell in the same spell
// of this machine: in how many of those rounds a page met a budget set by the Chart.js page's load, beside the
// medians (which can fall in different halves of a drifting run).
const rounds = (target, k, within, network = null) => {
  const ours = runsOf(target, 4, network);
  const theirs = runsOf(peer, 4, network);
  const pairs = ours.map((r, i) => [r[k], theirs[i]?.chart]).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  return `${pairs.filter(([a, b]) => a <= within(b)).length} of ${pairs.length}`;
};
const budgetRows = [
  ['first view .wasm, brotli', '≤ 110,000 B (aim 100,000)', fmtBytes(sizes(join(DIST, firstWasm[0])).brotli), ''],
  ...targets.filter((t) => t.from === 'app').flatMap((t) => [
    [`${t.name}: first chart visible, 4x`, `≤ ½ Chart.js first chart visible (${fmtMs(median(peer, 4, 'chart') / 2)})`, fmtMs(median(t, 4, 'chart')), rounds(t, 'chart', (c) => c / 2)],
    [`${t.name}: interaction ready, 4x`, `≤ Chart.js first chart visible (${fmtMs(median(peer, 4, 'chart'))})`, fmtMs(median(t, 4, 'interactive')), rounds(t, 'interactive', (c) => c)],
    [`${t.name}: every chart interactive, 4x (no budget)`, '–', fmtMs(median(t, 4, 'everyChart')), rounds(t, 'everyChart', (c) => c)],
  ]),
  ...targets.filter((t) => t.from === 'app' && t.redraw).flatMap((t) => [
    [`${t.name}: click → chart drawn, median 1x / 4x`, '≤ 8 / ≤ 16 ms', `${fmtMs(clickStat(t, 1, 'drawn').median)} / ${fmtMs(clickStat(t, 4, 'drawn').median)}`, ''],
    [`${t.name}: click → chart drawn, p95 4x`, '≤ 33.3 ms (two frames)', fmtMs(clickStat(t, 4, 'drawn').p95), ''],
    [`${t.name}: layouts per redraw`, '≤ 1', String(clickStat(t, 1, 'layouts').median), ''],
  ]),
];

// The same two budgets over the phone network: no verdict (the budgets are the loopback's), how the first view fares
// where the bytes on the wire count too.
const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
const phoneRows = targets.filter((t) => t.from === 'app').flatMap((t) => {
  const [ours, theirs] = [median(t, 4, 'chart', PHONE_NETWORK), median(peer, 4, 'chart', PHONE_NETWORK)];
  const ready = median(t, 4, 'interactive', PHONE_NETWORK);
  return [
    [`${t.name}: first chart visible`, fmtMs(ours), fmtMs(theirs), ratio(ours, theirs), rounds(t, 'chart', (c) => c / 2, PHONE_NETWORK)],
    [`${t.name}: interaction ready`, fmtMs(ready), fmtMs(theirs), ratio(ready, theirs), rounds(t, 'interactive', (c) => c, PHONE_NETWORK)],
  ];
});

console.log(
  [
    ...table(['budget (issue 9)', 'aim', 'measured (median)', 'rounds within it, each against the Chart.js load of its round'], budgetRows),
    '',
    ...table(
      [
        `the same at 4x CPU over ${PHONE_NETWORK.name} (${PHONE_NETWORK.latency} ms a request, ${PHONE_NETWORK.downloadKbps} kbit/s down; files brotli-compressed)`,
        'ms (median)',
        "Chart.js page's first chart visible",
        'ratio',
        'rounds within the budget',
      ],
      phoneRows,
    ),
    '',
    `Chart.js's first chart is visible ${fmtMs(median(peer, 4, 'chart') - median(peer, 4, 'chartInPage'))} ms ` +
      `(median, 4x) after its script has drawn it (${fmtMs(median(peer, 4, 'chartInPage'))} ms): measured against ` +
      `that instead, the aims would be ${fmtMs(median(peer, 4, 'chartInPage') / 2)} and ` +
      `${fmtMs(median(peer, 4, 'chartInPage'))} ms.`,
    '',
    ...table(['file', 'raw bytes', 'gzip -9', 'brotli -q 11'], sizeRows),
    '',
    ...table(
      [
        `ms from navigation start, median (min–max) of ${LOADS} cold loads, cache off`,
        'CPU',
        'first contentful paint',
        'largest contentful paint',
        'first chart in the page',
        'first chart visible',
        'interaction ready',
        'every chart interactive',
      ],
      loadRows,
    ),
    '',
    `First chart in the page: when script first finds \`${CHART_SELECTOR}\` (a pre-rendered chart once the parser ` +
      `has closed it, a canvas once drawn) or the "${FIRST_CHART}" mark. First chart visible: when the frame showing ` +
      'that chart was presented (the Element Timing of a one-character text added beside it in the same task), for ' +
      `every page alike. Interaction ready: the "${INTERACTIVE}" mark (the app has taken over the page's first chart ` +
      `and every chart in its first screen, each drawn or answering over the served drawing it holds as its ` +
      `picture), else "${FIRST_CHART}". Every chart interactive: the ` +
      `"${EVERY_CHART}" mark (charts below the first screen are taken over when the browser is next idle). A canvas ` +
      'or inline SVG is no LCP candidate.',
    '',
    ...table(['page', 'CPU', 'its performance marks, ms (median)'], markRows, [0, 2]),
    '',
    ...table(
      [
        `unit click → redrawn chart (${CLICKS} clicks)`,
        'CPU',
        'to drawn, median ms',
        'p95',
        'to next frame, median ms',
        'p95',
        'layouts per redraw',
        'style recalcs per redraw',
      ],
      clickRows,
    ),
    '',
    `From the click event's timestamp. Drawn: the "${EACH_DRAW}" mark, else the chart's data-drawn being set ` +
      'again (or, without it, any change to the chart). Next frame: after the following animation frame. ' +
      "Layouts and style recalcs (CDP Performance.getMetrics, medians) count the frame's own too.",
  ].join('\n'),
);
