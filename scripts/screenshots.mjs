// Screenshots of the built app for people to look at (the README's pictures, reviews): the overview and a
// program page, Korean and English, at phone (360 px) and desktop (1280 px) width; the sample city page with
// two widgets (served from another origin), a dark widget and the generator (docs/embed.md). Not a test.
// Run after `trunk build --release`:  node scripts/screenshots.mjs [out-dir]   (default docs/screenshots)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWERING, DIST, REPO_ROOT, assertBuilt, launchChromium } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const out = process.argv[2] || 'docs/screenshots';
const SHOTS = [
  // [name, page address, width, height of the clip, JavaScript on]
  ['overview-ko-1280', 'ko/', 1280, 1500],
  ['overview-en-1280', 'en/', 1280, 1500],
  ['overview-ko-360', 'ko/', 360, 1900],
  ['overview-en-360', 'en/', 360, 1900],
  ['regeneration-ko-1280', 'ko/program/regeneration/', 1280, 1500],
  ['incubation-en-360', 'en/program/incubation/?unit=per-resident', 360, 3300],
  // What a reader without JavaScript (and every reader, at first paint) sees: the pre-rendered page.
  ['static-ko-360', 'ko/', 360, 1900, false],
  ['static-en-1280', 'en/program/sme/', 1280, 1500, false],
];

assertBuilt();
await mkdir(out, { recursive: true });
const server = await startServer(DIST);
const browser = await launchChromium();
try {
  for (const [name, address, width, height, js = true] of SHOTS) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: js });
    const page = await context.newPage();
    await page.goto(`${server.url}/${address}`);
    if (js) {
      await page.waitForFunction(() => performance.getEntriesByName('every-chart-interactive').length > 0);
      // Drawn, or holding the drawing it was served with (the same picture) until a change.
      await page.locator(`canvas${ANSWERING}`).first().waitFor({ state: 'attached' });
      // The address's own view options are applied after the takeover; let that redraw land.
      await page.waitForTimeout(300);
    }
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
    console.log(file);
    await context.close();
  }
  // The sample city page on its own origin, embedding widgets from the app's origin.
  const tmp = await mkdtemp(join(tmpdir(), 'ansan-shots-'));
  const city = await readFile(join(REPO_ROOT, 'examples/city-news.html'), 'utf8');
  await writeFile(join(tmp, 'index.html'), city.replaceAll('https://budget.example.org/', `${server.url}/`));
  const host = await startServer(tmp);
  try {
    const embedShots = [
      // Tall viewports: Chromium paints cross-origin frames only while they are in view.
      ['city-news-1280', `${host.url}/`, 1280, 'light', 'iframe', 2600],
      ['city-news-360', `${host.url}/`, 360, 'light', 'iframe', 4200],
      ['widget-dark-en', `${server.url}/widget.html?chart=overview&lang=en&theme=dark`, 720, 'light', 'widget'],
      ['generator-ko', `${server.url}/ko/embed/?chart=program&program=sme&lang=ko`, 1280, 'light', 'embed'],
    ];
    for (const [name, url, width, colorScheme, kind, height = 900] of embedShots) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      await page.goto(url);
      if (kind === 'iframe') {
        for (const h of await page.locator('iframe').elementHandles()) {
          await h.scrollIntoViewIfNeeded();
          const f = await h.contentFrame();
          await f.locator('canvas[data-drawn="true"]').first().waitFor({ state: 'attached' });
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
      } else if (kind === 'embed') {
        // The generator's page is taken over (and its preview frame made anew) once the app runs.
        await page.waitForFunction(() => performance.getEntriesByName('every-chart-interactive').length > 0);
        const f = await (await page.locator('iframe.embed-preview').elementHandle()).contentFrame();
        await f.locator('canvas[data-drawn="true"]').first().waitFor({ state: 'attached' });
      } else {
        await page.locator('canvas[data-drawn="true"]').first().waitFor({ state: 'attached' });
      }
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  } finally {
    await host.close();
    await rm(tmp, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await server.close();
}
