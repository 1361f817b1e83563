// Builds the benchmark's peer pages into a folder to serve: the committed sources under bench/peers/NAME/ plus
// what they need from node_modules and the data file, copied at bench time so the peers draw the explorer's
// current data. Nothing here is committed output.
//   chartjs: the same bars drawn by Chart.js (the yardstick for time).
//   yew-plotters: the same bars as a bare Yew + plotters page draws them, rendered in the browser (the issue's
//     yardstick for size), built here with Trunk and the explorer's pinned tools; if it cannot be built, the
//     benchmark goes on without it and says why.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_FILE = join(REPO_ROOT, 'data/ansan-2015.json');
export const CHART_JS = join(REPO_ROOT, 'node_modules/chart.js/dist/chart.umd.min.js');
const YEW_PLOTTERS = join(REPO_ROOT, 'bench/peers/yew-plotters');

/**
 * Builds every peer into a new temporary folder. Returns it, each built peer's path under it (`yewPlotters` is null
 * when it could not be built), and the files whose sizes the report lists, as [label, path] (in the folder, so read
 * them before it is removed).
 */
export function buildPeers() {
  const root = mkdtempSync(join(tmpdir(), 'ansan-bench-peers-'));
  const chartjs = join(root, 'chartjs');
  cpSync(join(REPO_ROOT, 'bench/peers/chartjs'), chartjs, { recursive: true });
  copyFileSync(CHART_JS, join(chartjs, 'chart.umd.min.js'));
  mkdirSync(join(chartjs, 'data'));
  copyFileSync(DATA_FILE, join(chartjs, 'data/ansan-2015.json'));
  const files = [['Chart.js peer: chart.umd.min.js', CHART_JS]];
  const yew = buildYewPlotters(join(root, 'yew-plotters'));
  if (yew) files.push(...yew.map((f) => [`Yew + plotters peer: ${f}`, join(root, 'yew-plotters', f)]));
  return { root, pages: { chartjs: '/chartjs/', yewPlotters: yew ? '/yew-plotters/' : null }, files };
}

/** Trunk's release build of the Yew + plotters peer into `out`; its `.wasm` and `.js` names, or null. */
function buildYewPlotters(out) {
  process.stderr.write('bench: the Yew + plotters peer: trunk build --release (bench/peers/yew-plotters)\n');
  const options = {
    cwd: YEW_PLOTTERS,
    // Its own target folder: built into the explorer's, a package's output could be left in the other's place.
    env: { ...process.env, CARGO_TARGET_DIR: join(REPO_ROOT, 'target/bench-peers') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  // Its crates from crates.io first (plotters-canvas is its own), by the versions in its Cargo.lock, as its
  // Trunk.toml, like the explorer's, says offline.
  for (const [tool, args] of [
    ['cargo', ['fetch', '--locked', '--target', 'wasm32-unknown-unknown']],
    ['trunk', ['build', '--release', '--dist', out]],
  ]) {
    const run = spawnSync(tool, args, options);
    if (run.status !== 0) {
      const said = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
      process.stderr.write(`bench: the Yew + plotters peer was not built (${tool} ${args[0]}), so it is left out:\n` +
        `${run.error?.message ?? said}\n`);
      return null;
    }
  }
  mkdirSync(join(out, 'data'));
  copyFileSync(DATA_FILE, join(out, 'data/ansan-2015.json'));
  const names = readdirSync(out).filter((f) => /\.(wasm|js)$/.test(f)).sort().reverse();
  if (names.length === 2) return names;
  process.stderr.write(`bench: the Yew + plotters peer left out: expected one .wasm and one .js, found ${names}\n`);
  return null;
}
