// Shared set-up for the end-to-end tests and the benchmark: where dist/ is, how Chromium starts.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST points the tests at another build (the default is the repo's dist/).
export const DIST = resolve(process.env.E2E_DIST || join(REPO_ROOT, 'dist'));
export const OUTPUT = join(REPO_ROOT, 'tests/e2e/output');
export const DATA_PATH = '/data/ansan-2015.json';
export const DATA_GLOB = '**/data/ansan-2015.json';

// Debian's Chromium; never a downloaded browser. The network flags stop Chromium's own
// background connections, which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export function assertBuilt() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first`);
  }
}
