// Prints a markdown table of Lighthouse (default config: mobile, simulated throttling) on the built app (dist/) and
// its peers (Chart.js; Yew + plotters): the four category scores and the paint and blocking metrics. Offline:
// Debian's Chromium, started by chrome-launcher, on pages served from this machine.
// Not a test: nothing here fails on a score. Run via scripts/bench.sh (which builds first).
//   LIGHTHOUSE_RUNS=N runs per page, the median of each column printed (default 1).
import { rmSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchPages } from '../bench/pages.mjs';
import { buildPeers } from '../bench/peers/build.mjs';
import { CHROMIUM_ARGS, DIST, assertBuilt } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 1);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// [column, audit id, how to print its numericValue]
const METRICS = [
  ['LCP ms', 'largest-contentful-paint', (v) => Math.round(v)],
  ['TBT ms', 'total-blocking-time', (v) => Math.round(v)],
  ['CLS', 'cumulative-layout-shift', (v) => v.toFixed(3)],
  ['FCP ms', 'first-contentful-paint', (v) => Math.round(v)],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function audit(port, url) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse: no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`lighthouse: ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const w of lhr.runWarnings) process.stderr.write(`lighthouse: ${url}: ${w}\n`);
  return {
    scores: CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100)),
    metrics: METRICS.map(([, id]) => lhr.audits[id]?.numericValue ?? NaN),
  };
}

assertBuilt();
const peers = buildPeers();
const appServer = await startServer(DIST);
const peerServer = await startServer(peers.root);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
const rows = [];
try {
  for (const page of benchPages(DIST, peers)) {
    const url = (page.from === 'app' ? appServer.url : peerServer.url) + page.path;
    process.stderr.write(`lighthouse: ${page.name} (${RUNS} run${RUNS > 1 ? 's' : ''})\n`);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await audit(chrome.port, url));
    const scores = CATEGORIES.map((_, k) => median(runs.map((r) => r.scores[k])));
    const metrics = METRICS.map(([, , fmt], k) => fmt(median(runs.map((r) => r.metrics[k]))));
    rows.push(`| ${page.name} | ${[...scores, ...metrics].join(' | ')} |`);
  }
} finally {
  chrome.kill();
  await appServer.close();
  await peerServer.close();
  rmSync(peers.root, { recursive: true, force: true });
}
console.log(
  [
    `| Lighthouse, mobile (default config)${RUNS > 1 ? `, median of ${RUNS}` : ''} | ` +
      `${[...CATEGORIES, ...METRICS.map(([c]) => c)].join(' | ')} |`,
    `|---|${'---:|'.repeat(CATEGORIES.length + METRICS.length)}`,
    ...rows,
  ].join('\n'),
);
