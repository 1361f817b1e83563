// The pages the benchmark and Lighthouse measure: one list, edited here. `app` pages are served from the built
// dist/, `peer` pages from the folder bench/peers/build.mjs makes (`peers`, what it returned).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// A program page: its own folder once the explorer is pre-rendered per address, the hash route before that.
const PROGRAM = { folder: 'en/program/sme/', hash: '/#/en/program/sme' };

/** `redraw`: also time redraws after clicks on its unit control. The Chart.js peer is the budgets' yardstick. */
/** @returns {{ name: string, from: 'app' | 'peer', path: string, redraw: boolean }[]} */
export function benchPages(dist, peers) {
  const program = existsSync(join(dist, PROGRAM.folder, 'index.html')) ? `/${PROGRAM.folder}` : PROGRAM.hash;
  return [
    { name: 'explorer, overview', from: 'app', path: '/', redraw: true },
    { name: `explorer, program (${program})`, from: 'app', path: program, redraw: false },
    { name: 'Chart.js peer', from: 'peer', path: peers.pages.chartjs, redraw: true },
    ...(peers.pages.yewPlotters
      ? [{ name: 'Yew + plotters peer', from: 'peer', path: peers.pages.yewPlotters, redraw: true }]
      : []),
  ];
}
