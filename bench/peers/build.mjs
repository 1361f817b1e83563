// Builds the benchmark's peer pages into a folder to serve: the committed sources under bench/peers/NAME/ plus
// what they need from node_modules and the data file, copied at bench time so the peers draw the explorer's
// current data. Nothing here is committed output.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_FILE = join(REPO_ROOT, 'data/ansan-2015.json');
export const CHART_JS = join(REPO_ROOT, 'node_modules/chart.js/dist/chart.umd.min.js');

/** Builds every peer into a new temporary folder; returns it and each peer's path under it. */
export function buildPeers() {
  const root = mkdtempSync(join(tmpdir(), 'ansan-bench-peers-'));
  const chartjs = join(root, 'chartjs');
  cpSync(join(REPO_ROOT, 'bench/peers/chartjs'), chartjs, { recursive: true });
  copyFileSync(CHART_JS, join(chartjs, 'chart.umd.min.js'));
  mkdirSync(join(chartjs, 'data'));
  copyFileSync(DATA_FILE, join(chartjs, 'data/ansan-2015.json'));
  return { root, pages: { chartjs: '/chartjs/' } };
}
