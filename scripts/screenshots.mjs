// Screenshots of the built app for people to look at (the README's pictures, reviews): the overview and a
// program page, Korean and English, at phone (360 px) and desktop (1280 px) width. Not a test.
// Run after `trunk build --release`:  node scripts/screenshots.mjs [out-dir]   (default docs/screenshots)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, assertBuilt, launchChromium } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const out = process.argv[2] || 'docs/screenshots';
const SHOTS = [
  // [name, hash, width, height of the clip]
  ['overview-ko-1280', '#/ko/', 1280, 1500],
  ['overview-en-1280', '#/en/', 1280, 1500],
  ['overview-ko-360', '#/ko/', 360, 1900],
  ['overview-en-360', '#/en/', 360, 1900],
  ['regeneration-ko-1280', '#/ko/program/regeneration', 1280, 1500],
  ['incubation-en-360', '#/en/program/incubation?unit=per-resident', 360, 3300],
];

assertBuilt();
await mkdir(out, { recursive: true });
const server = await startServer(DIST);
const browser = await launchChromium();
try {
  for (const [name, hash, width, height] of SHOTS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/${hash}`);
    await page.locator('canvas[data-drawn="true"]').first().waitFor({ state: 'attached' });
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
    console.log(file);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
