// Screenshots of the built app for people to look at (README, reviews): phone and desktop width, linear and
// log scale. Not a test. Run after `trunk build --release`:  node scripts/screenshots.mjs [out-dir]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, assertBuilt, launchChromium } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const out = process.argv[2] || 'tests/e2e/output';
assertBuilt();
await mkdir(out, { recursive: true });
const server = await startServer(DIST);
const browser = await launchChromium();
try {
  for (const width of [360, 1280]) {
    for (const scale of ['linear', 'log']) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator('#overview-chart[data-drawn="true"]').waitFor({ state: 'attached' });
      if (scale === 'log') {
        await page.locator('#scale-toggle button').nth(1).click();
        await page.locator('#scale-toggle button[aria-pressed="true"]').nth(0).waitFor();
      }
      const file = join(out, `overview-ko-${width}-${scale}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
