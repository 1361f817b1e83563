// Prints a markdown report of the built app (dist/): transfer sizes of the .wasm and its JS glue,
// and the time from navigation start to the performance mark "first-chart-drawn" over cold loads, for the
// explorer and for a widget page.
// Not a test: nothing here fails on a number. Run via scripts/bench.sh (which builds first).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, assertBuilt, launchChromium } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const LOADS = Number(process.env.BENCH_LOADS || 7);
const MARK = 'first-chart-drawn';

function compressed(cmd, args, file) {
  return execFileSync(cmd, [...args, '-c', file], { maxBuffer: 1 << 30 }).length;
}

function sizes(file) {
  const raw = readFileSync(file).length;
  return { raw, gzip: compressed('gzip', ['-9'], file), brotli: compressed('brotli', ['-q', '11'], file) };
}

const fmtBytes = (n) => n.toLocaleString('en-US');
const fmtMs = (n) => n.toFixed(1);

async function firstChartTimes(url) {
  const browser = await launchChromium();
  const times = [];
  try {
    for (let i = 0; i < LOADS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const handle = await page.waitForFunction(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime,
          MARK,
          { timeout: 30_000 },
        );
        const chart = await handle.jsonValue();
        // The app's own marks split the wait: WebAssembly started, data fetched and validated.
        const marks = await page.evaluate(() =>
          Object.fromEntries(
            ['app-start', 'data-ready'].map((m) => [m, performance.getEntriesByName(m)[0]?.startTime ?? NaN]),
          ),
        );
        times.push({ chart, start: marks['app-start'], data: marks['data-ready'] });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}

assertBuilt();
const files = readdirSync(DIST);
const wasm = files.filter((f) => f.endsWith('.wasm'));
if (wasm.length !== 1) throw new Error(`expected one .wasm in ${DIST}, found ${wasm.join(', ') || 'none'}`);
// wasm-bindgen names the glue after the module: NAME_bg.wasm beside NAME.js.
const glue = wasm[0].replace(/_bg\.wasm$/, '.js');
if (!files.includes(glue)) throw new Error(`no JS glue ${glue} beside ${wasm[0]} in ${DIST}`);

const server = await startServer(DIST);
let times;
let widgetTimes;
try {
  times = await firstChartTimes(`${server.url}/`);
  // The same bundle as a widget: widget.html shares the .js, .wasm, .css and data file with the explorer.
  widgetTimes = await firstChartTimes(`${server.url}/widget.html?chart=overview&lang=ko`);
} finally {
  await server.close();
}
const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const row = (label, xs) => {
  const s = stats(xs);
  return `| ${label} | ${fmtMs(s.median)} | ${fmtMs(s.min)} | ${fmtMs(s.max)} |`;
};

const lines = ['| file | raw bytes | gzip -9 | brotli -q 11 |', '|---|---:|---:|---:|'];
for (const f of [wasm[0], glue]) {
  const s = sizes(join(DIST, f));
  lines.push(`| ${f} | ${fmtBytes(s.raw)} | ${fmtBytes(s.gzip)} | ${fmtBytes(s.brotli)} |`);
}
lines.push(
  '',
  `| ms from navigation start (${LOADS} cold loads, cache off, headless Chromium) | median | min | max |`,
  '|---|---:|---:|---:|',
  row('"app-start": WebAssembly compiled and running', times.map((t) => t.start)),
  row('"data-ready": data fetched and validated', times.map((t) => t.data)),
  row(`"${MARK}": first chart drawn`, times.map((t) => t.chart)),
  row('widget (widget.html?chart=overview): first chart drawn', widgetTimes.map((t) => t.chart)),
  '',
  `first chart, each run (ms): ${times.map((t) => fmtMs(t.chart)).join(', ')}`,
  `widget first chart, each run (ms): ${widgetTimes.map((t) => fmtMs(t.chart)).join(', ')}`,
);
console.log(lines.join('\n'));
