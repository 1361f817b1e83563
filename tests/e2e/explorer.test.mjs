// End-to-end tests of the explorer as a citizen uses it: the story from the overview to a program page and
// back, keyboard and touch use, the chart on a phone, accessibility of every page, and honest figures.
// Every test opens its own browser context and fails on console errors, uncaught exceptions and failed requests.
// Pages have real addresses below the explorer's root (`en/program/sme/?unit=won`); the tests compare those
// (path below the server's root, and query), and wait for the app to take each pre-rendered page over.
// Run after `trunk build --release`:  node --test tests/e2e/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ANSWERING, DIST, LANGS, OUTPUT, PAGES, PROGRAMS, addressOf, assertBuilt, formatViolations, launchChromium, runAxe, waitInteractive } from './browser.mjs';
import { startServer } from './server.mjs';

const SOURCE_TITLE = '안산시, 지역경제 선순환';
// Words in a tooltip title (`{program} · {figure}`) that name each program, in either language.
const NAMES = {
  regeneration: /재생혁신|regeneration/i,
  incubation: /인큐베이팅|incubation/i,
  sme: /강소기업|SME/,
};

let server;
let browser;

before(async () => {
  assertBuilt();
  server = await startServer(DIST);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Pages being sent on from an old hash address. */
const redirecting = new Set();

/**
 * Runs `fn(page, context)` in a fresh browser context (closed afterwards), then fails if the page logged a
 * console error, threw, or a request failed, even when `fn` itself passed.
 */
async function withPage(t, options, fn) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ko-KR',
    ...options,
  });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The root page sends an old hash address on at once; what its preloads had begun to fetch is dropped.
    if (redirecting.has(page) && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await fn(page, context);
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/**
 * Loads the page at `address` (relative to the explorer's root: `en/program/sme/?unit=won`; `` is the root page)
 * as a fresh document and waits until the app has taken it over and drawn it. An old hash address (`#/en/`) is
 * followed to the page the root page sends it to.
 */
async function open(page, address = '') {
  await page.goto('about:blank');
  // Until the next page is opened: the failures of the dropped requests are reported some time later.
  redirecting.delete(page);
  if (address.includes('#/')) {
    redirecting.add(page);
    await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
    // Sent on to its page, or to the not-found page with the hash kept (`404.html#/en/program/nowhere`).
    await page.waitForURL((u) => u.hash === '' || u.pathname.endsWith('/404.html'), { waitUntil: 'domcontentloaded' });
  } else {
    await page.goto(`${server.url}/${address}`, { waitUntil: 'domcontentloaded' });
  }
  await waitInteractive(page);
  await waitReady(page);
  // The generator's preview is a widget in a frame: drawn too, so that leaving the page aborts nothing.
  const preview = page.locator('iframe.embed-preview');
  if (await preview.count()) {
    const frame = await (await preview.elementHandle()).contentFrame();
    await frame.locator('#widget-chart[data-drawn]').waitFor({ state: 'attached' });
  }
  await settled(page);
}

/**
 * Waits until no CSS transition or animation runs. None is expected (the toggles do not fade: app.test.mjs), but a
 * page whose address has view options (`?unit=won`) changes its toggles after it is taken over, and a screenshot or
 * an axe check taken during any transition would see colours in between.
 */
async function settled(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** The data has loaded, the page has its h1, and every chart on it answers (drawn, or over its served drawing). */
async function waitReady(page) {
  await page.waitForFunction((answering) => {
    const main = document.getElementById('main');
    if (!main || !main.querySelector('h1') || main.querySelector(':scope > p.status')) return false;
    return [...main.querySelectorAll('canvas')].every((c) => c.matches(answering));
  }, ANSWERING);
}

/**
 * Waits for the address to become `address` (relative to the explorer's root) and for <main data-route> to say
 * that the page drawn is the one for `route` (the address as the app writes it: the root page `` shows `ko/`),
 * then for the page to be ready.
 */
async function waitForAddress(page, address, route = address === '' ? 'ko/' : address.split('?')[0]) {
  // A link loads its page: wait for that document first (a view option only rewrites the address).
  await page.waitForURL((u) => u.pathname.slice(1) === address.split('?')[0], { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => {});
  await page
    // The address changes first; <main data-route> says when the page drawn is the new one.
    .waitForFunction(
      ([a, r]) =>
        location.pathname.slice(1) + location.search === a && document.getElementById('main')?.dataset.route === r,
      [address, route],
      { timeout: 10_000 },
    )
    .catch(async () => {
      const [now, drawn] = await page.evaluate(() => [location.pathname + location.search, document.getElementById('main')?.dataset.route]);
      assert.fail(`expected the address ${address} and a page drawn for ${route}; the address is ${now}, the page is drawn for ${drawn}`);
    });
  await waitInteractive(page);
  await waitReady(page);
}

const historyLength = (page) => page.evaluate(() => history.length);
const h1Of = async (page) => (await page.locator('main h1').first().innerText()).trim();
/** The new page renders in a later task than the address change: polls the <h1> until it matches (or 10 s). */
async function h1Matching(page, re) {
  await page
    .waitForFunction((src) => new RegExp(src).test(document.querySelector('main h1')?.innerText ?? ''), re.source, { timeout: 10_000 })
    .catch(() => {});
  return h1Of(page);
}
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** The tooltip (of any chart, or the one `selector` names) after the next frame (Yew renders asynchronously), or null. */
function tooltip(page, selector = '.chart-wrap .tooltip') {
  return page.evaluate(
    (sel) =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const tip = document.querySelector(sel);
          if (!tip) return resolve(null);
          const text = (sel) => tip.querySelector(sel)?.textContent ?? '';
          resolve({
            role: tip.getAttribute('role'),
            title: text('.tt-title'),
            amount: text('.tt-amount'),
            exact: text('.tt-exact'),
            kind: text('.tt-kind'),
            source: text('.tt-source'),
          });
        }),
      ),
    selector,
  );
}

/**
 * Finds a bar by hovering: moves the mouse down the canvas at 40 % of its width and reads the tooltip's title
 * until `name` matches; returns the middle of the run of matching points (viewport coordinates). Leaves the
 * mouse there, so the bar's tooltip is showing.
 */
async function findBar(page, canvasSelector, name) {
  const canvas = page.locator(canvasSelector);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.ok(box, `${canvasSelector} has no box`);
  const viewport = page.viewportSize();
  const x = box.x + box.width * 0.4;
  const top = Math.max(box.y + 1, 0);
  const bottom = Math.min(box.y + box.height - 1, viewport.height - 1);
  const hits = [];
  const seen = new Set();
  for (let y = top; y <= bottom; y += 3) {
    // Off the chart first: a tooltip stays while the pointer crosses empty chart space, so each probe starts clear.
    await page.mouse.move(0, 0);
    await page.mouse.move(x, y);
    const tip = await tooltip(page);
    if (tip) seen.add(tip.title);
    if (tip && name.test(tip.title)) hits.push(y);
    else if (hits.length) break;
  }
  assert.ok(hits.length, `no bar of ${canvasSelector} names ${name}; tooltips seen: ${JSON.stringify([...seen])}`);
  const y = hits[Math.floor(hits.length / 2)];
  await page.mouse.move(0, 0);
  await page.mouse.move(x, y);
  const tip = await tooltip(page);
  assert.ok(tip && name.test(tip.title), `hovering ${x},${y} again shows ${JSON.stringify(tip)}`);
  return { x, y, tip };
}

/** Clicks one button of a toggle group (`#overview-chart-unit`), by its visible text, and waits for the redraw. */
async function choose(page, groupSelector, text) {
  const button = page.locator(`${groupSelector} button`, { hasText: text });
  assert.equal(await button.count(), 1, `${groupSelector} has no single button "${text}"`);
  await button.click();
  await page.waitForFunction((el) => el.getAttribute('aria-pressed') === 'true', await button.elementHandle());
  await waitReady(page);
}

test('the story: overview → SME bar → English → reload → per resident → back → per resident overview', {
  timeout: 120_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '');
    assert.equal(await htmlLang(page), 'ko');

    // Hover the regeneration bar: the exact amount and the article line.
    const regeneration = await findBar(page, '#overview-chart', NAMES.regeneration);
    // The tooltip is for the eye; the bar's option, the chart's active descendant, is what a screen reader says.
    assert.equal(regeneration.tip.role, null);
    const active = await page.locator('#overview-chart').getAttribute('aria-activedescendant');
    assert.match(await page.locator(`#${active}`).textContent(), NAMES.regeneration);
    assert.ok(regeneration.tip.exact.includes('445,000,000,000원'), `tt-exact: ${regeneration.tip.exact}`);
    assert.ok(regeneration.tip.source.includes('8행'), `tt-source: ${regeneration.tip.source}`);
    assert.ok(regeneration.tip.amount.includes('4,450억원'), `tt-amount: ${regeneration.tip.amount}`);

    // Click the SME bar: its page opens.
    const sme = await findBar(page, '#overview-chart', NAMES.sme);
    await page.mouse.click(sme.x, sme.y);
    await waitForAddress(page, 'ko/program/sme/');
    assert.match(await h1Matching(page, /강소기업/), /강소기업/);
    const entries = await historyLength(page);

    // Switch to English: same page, English words, `<html lang="en">`, no new history entry.
    const english = page.locator('nav.lang-switch a', { hasText: 'English' });
    assert.equal(await english.getAttribute('href'), '../../../en/program/sme/');
    await english.click();
    await waitForAddress(page, 'en/program/sme/');
    assert.equal(await historyLength(page), entries, 'the language switch added a history entry');
    assert.equal(await htmlLang(page), 'en');
    assert.match(await h1Of(page), /SME/);
    assert.doesNotMatch(await h1Of(page), /[가-힣]/, 'the English h1 still has Hangul');
    assert.equal(await page.locator('nav.lang-switch a[aria-current="true"]').innerText(), 'English');

    // A reload keeps the English SME page.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await waitReady(page);
    assert.equal(await addressOf(page), 'en/program/sme/');
    assert.equal(await htmlLang(page), 'en');
    assert.match(await h1Of(page), /SME/);

    // Per resident on the program page: KRW 6,579 per resident.
    await choose(page, '#program-chart-unit', 'Per resident');
    assert.equal(await addressOf(page), 'en/program/sme/?unit=per-resident');
    assert.equal(await historyLength(page), entries, 'the unit choice added a history entry');
    const label = await page.locator('#program-chart').getAttribute('aria-label');
    assert.ok(label.includes('KRW 6,579 per resident'), `program chart aria-label: ${label}`);
    const smeBar = await findBar(page, '#program-chart', NAMES.sme);
    assert.ok(smeBar.tip.amount.includes('KRW 6,579 per resident'), `tt-amount: ${smeBar.tip.amount}`);
    assert.ok((await page.locator('p.formula').innerText()).includes('760,000'));

    // Back: the entry before the SME page is the first one, the root page `/` (language and unit changes
    // replaced the SME entry and never touched it), so Back shows the Korean overview in 억원. The reload made
    // the SME entry a document of its own, so Back loads the root page afresh.
    await page.goBack({ waitUntil: 'domcontentloaded' });
    await waitInteractive(page);
    await waitForAddress(page, '');
    assert.equal(await htmlLang(page), 'ko');
    assert.match(await h1Of(page), /3대 경제 프로그램/);
    await page.locator('#overview-chart').waitFor();

    // Per resident on the overview: 585,526 in the tooltip and the chart's accessible name, and the formula.
    await choose(page, '#overview-chart-unit', '시민 1인당');
    // The root page's own address for the view is the Korean overview's.
    assert.equal(await addressOf(page), 'ko/?unit=per-resident');
    const perResident = await findBar(page, '#overview-chart', NAMES.regeneration);
    // Labelled: the per-resident amount says 1인당, the figure's own amount says it is the whole.
    assert.ok(perResident.tip.amount.includes('1인당 약 585,526원'), `tt-amount: ${perResident.tip.amount}`);
    assert.ok(perResident.tip.exact.includes('전체 금액: 445,000,000,000원'), `tt-exact: ${perResident.tip.exact}`);
    const overviewLabel = await page.locator('#overview-chart').getAttribute('aria-label');
    assert.ok(overviewLabel.includes('585,526'), `overview chart aria-label: ${overviewLabel}`);
    const formula = await page.locator('p.formula').innerText();
    assert.ok(formula.includes('760,000'), `p.formula: ${formula}`);
  });
});

for (const [width, height] of [
  [1280, 800],
  [320, 740],
]) {
  test(`axe-core finds no violations on any page, in Korean and English, at ${width} px`, {
    timeout: 240_000,
  }, async (t) => {
    await withPage(t, { viewport: { width, height } }, async (page) => {
      const failures = [];
      const addresses = [
        ...PAGES,
        ...LANGS.flatMap((lang) => [`${lang}/?unit=per-resident&scale=log`, `${lang}/program/sme/?unit=won&scale=log`]),
        // Unknown addresses: an old hash address the root page sends to 404.html.
        '#/en/program/nowhere',
      ];
      for (const address of addresses) {
        await open(page, address);
        const { violations } = await runAxe(page);
        if (violations.length) failures.push(`  ${address} (${width} px):\n${formatViolations(violations, '    ')}`);
      }
      assert.equal(failures.length, 0, `axe-core violations:\n${failures.join('\n')}`);
    });
  });
}

/** What the focused element is and whether its focus can be seen (outline or box-shadow, :focus-visible). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return {
      desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      isBody: el === document.body,
      visible: el.matches(':focus-visible') && (outline || shadow),
      boxShadow: cs.boxShadow,
      href: el.getAttribute('href'),
    };
  });
}

/**
 * Presses Tab until the focused element matches `selector` (and `test`, if given), checking on the way that
 * every focused element shows its focus. Fails after `max` presses.
 */
async function tabTo(page, selector, { max = 80, test: accept = () => true } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.isBody) assert.ok(f.visible, `focus on ${f.desc} is not visible (box-shadow ${f.boxShadow})`);
    const match = await page.evaluate(
      (sel) => document.activeElement?.matches(sel) ?? false,
      selector,
    );
    if (match && accept(f)) return f;
  }
  return assert.fail(`${max} presses of Tab never reached ${selector}`);
}

test('keyboard only: skip link first, every program page by Tab + Enter, and the chart by arrows + Enter', {
  timeout: 120_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, 'ko/');

    // The first Tab lands on the skip link, which is visible when focused; Enter moves focus to <main>.
    await page.keyboard.press('Tab');
    let f = await focused(page);
    assert.match(f.desc, /^a\.skip-link/, `the first Tab focused ${f.desc}`);
    assert.ok(f.visible, 'the focused skip link shows no focus indicator');
    const skipBox = await page.locator('a.skip-link').boundingBox();
    assert.ok(skipBox && skipBox.width > 40 && skipBox.height > 20, `the focused skip link is ${JSON.stringify(skipBox)}`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link did not move focus to <main>');
    assert.equal(await addressOf(page), 'ko/', 'the skip link changed the page');
    assert.equal(await page.locator('main').getAttribute('data-route'), 'ko/', 'the skip link changed the route');

    // Every program page, by Tab and Enter on its card link; back by the breadcrumb, also by keyboard.
    for (const id of PROGRAMS) {
      const link = await tabTo(page, '.program-card h3 a', { test: (x) => x.href === `../ko/program/${id}/` });
      await page.keyboard.press('Enter');
      await waitForAddress(page, `ko/program/${id}/`);
      const name = link.desc.match(/"(.*)"$/)?.[1] ?? '';
      assert.ok((await h1Of(page)).startsWith(name.slice(0, 10)), `the ${id} page's h1 is "${await h1Of(page)}"`);
      await tabTo(page, 'nav.breadcrumb a');
      await page.keyboard.press('Enter');
      await waitForAddress(page, 'ko/');
    }

    // The chart: focus shows the first bar, ArrowDown the next (incubation's 19억원), Enter opens incubation.
    const unfocusedShadow = await page.locator('#overview-chart').evaluate((c) => getComputedStyle(c).boxShadow);
    f = await tabTo(page, '#overview-chart');
    assert.notEqual(f.boxShadow, unfocusedShadow, 'the focused chart looks the same as the unfocused one');
    let tip = await tooltip(page);
    assert.ok(tip && NAMES.regeneration.test(tip.title), `on focus the tooltip is ${JSON.stringify(tip)}`);
    await page.keyboard.press('ArrowDown');
    tip = await tooltip(page);
    assert.ok(tip && NAMES.incubation.test(tip.title), `after ArrowDown the tooltip is ${JSON.stringify(tip)}`);
    assert.ok(tip.amount.includes('19억원'), `after ArrowDown the amount is ${tip.amount}`);
    await page.keyboard.press('ArrowUp');
    tip = await tooltip(page);
    assert.ok(tip && NAMES.regeneration.test(tip.title), `after ArrowUp the tooltip is ${JSON.stringify(tip)}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForAddress(page, 'ko/program/incubation/');
    assert.match(await h1Of(page), /인큐베이팅/);
  });
});

test('a page change loads the new page: named in its title, read from its top, one history entry; Back returns to the place left', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 500 } }, async (page) => {
    await open(page, 'ko/');
    const link = page.locator('.program-card h3 a[href="../ko/program/sme/"]');
    await page.evaluate(() => window.scrollTo(0, 200));
    await link.focus();
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 100, `the page did not scroll: ${before}`);
    const entries = await historyLength(page);
    await page.keyboard.press('Enter');
    await waitForAddress(page, 'ko/program/sme/');
    assert.equal(await historyLength(page), entries + 1, 'the page change did not add one history entry');
    // A page of its own: a screen reader announces its title, and reading (and Tab) starts at its top.
    assert.match(await page.title(), /히든챔피언.*안산시 예산 탐색기/);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new page does not start at its top');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab stop is not the skip link');

    await page.goBack();
    await waitForAddress(page, 'ko/');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, before, { timeout: 5_000 }).catch(() => {});
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) <= 2, `Back restored scroll ${after}, the reader left at ${before}`);
    assert.match(await page.title(), /^안산시 예산 탐색기$/);
    await page.goForward();
    await waitForAddress(page, 'ko/program/sme/');
    assert.match(await h1Of(page), /히든챔피언/);
  });
});

test('view options follow the reader from page to page: a card, the breadcrumb and the language switch keep ?unit and ?scale, nothing else', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    // A news link's own parameters stay behind; the view options go on.
    await open(page, 'ko/?utm_source=news&unit=won&scale=log');
    const pressed = (group) => page.locator(`${group} .toggle[aria-pressed="true"]`).innerText();
    assert.match(await pressed('#overview-chart-unit'), /^원/);
    await page.locator('.program-card h3 a[href="../ko/program/incubation/"]').click();
    await waitForAddress(page, 'ko/program/incubation/?unit=won&scale=log');
    assert.match(await pressed('#program-chart-unit'), /^원/);
    assert.match(await pressed('#program-chart-scale'), /로그/);
    // A choice made on this page goes on with the reader too.
    await choose(page, '#program-chart-unit', '시민 1인당');
    assert.equal(await addressOf(page), 'ko/program/incubation/?unit=per-resident&scale=log');
    const entries = await historyLength(page);
    await page.locator('nav.lang-switch a', { hasText: 'English' }).click();
    await waitForAddress(page, 'en/program/incubation/?unit=per-resident&scale=log');
    assert.equal(await historyLength(page), entries, 'the language switch added a history entry');
    assert.match(await pressed('#program-chart-unit'), /Per resident/);
    await page.locator('nav.breadcrumb a').click();
    await waitForAddress(page, 'en/?unit=per-resident&scale=log');
    assert.match(await pressed('#overview-chart-unit'), /Per resident/);
    // Each chart's "copy link": the bars' view with its options; the timeline, which has none, the page's own.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    for (const [id, want] of [['overview-chart', 'en/?unit=per-resident&scale=log'], ['timeline-chart', 'en/']]) {
      await page.locator(`#${id}-menu summary`).click();
      await page.locator(`#${id}-menu [data-action="copy-link"]`).click();
      await page.locator(`#${id}-menu-status`, { hasText: /copied/i }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/${want}`, `${id}: copy link`);
      await page.locator(`#${id}-menu summary`).click();
    }
    // A link with options of its own keeps them: the chart menu's way to the generator.
    await page.locator('#overview-chart-menu summary').click();
    const embed = page.locator('#overview-chart-menu a[href*="embed/"]');
    assert.match(await embed.getAttribute('href'), /embed\/\?chart=overview&lang=en&unit=per-resident&scale=log/);
    await embed.click();
    await page.waitForURL((u) => u.pathname.endsWith('/en/embed/'), { waitUntil: 'domcontentloaded' });
    assert.match(await addressOf(page), /^en\/embed\/\?chart=overview&lang=en&unit=per-resident&scale=log/);
  });
});

test('tooltips (WCAG 1.4.13): the pointer can move onto one, Escape closes it wherever focus is; on a phone it sits under the chart', {
  timeout: 90_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, 'en/');
    const bar = await findBar(page, '#overview-chart', NAMES.incubation);
    const tip = page.locator('#overview-chart-tip');
    const box = await tip.boundingBox();
    assert.ok(box, 'no tooltip box');
    // Across the gap between the bar and the box, then onto the box, in small steps: it stays.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
    assert.equal(await tip.count(), 1, 'the tooltip vanished when the pointer moved onto it');
    assert.match(await tip.innerText(), NAMES.incubation);
    // Escape with focus on the page body, not on the chart: it closes.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('overview-chart-tip'));
    // Back on the bar it opens again; leaving the chart and the box closes it.
    await page.mouse.move(bar.x, bar.y);
    await tip.waitFor();
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => !document.getElementById('overview-chart-tip'));
  });
  await withPage(t, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await open(page, 'ko/');
    await findBar(page, '#overview-chart', NAMES.regeneration);
    const c = await page.locator('#overview-chart').boundingBox();
    const b = await page.locator('#overview-chart-tip').boundingBox();
    assert.ok(b.y >= c.y + c.height - 1, `the phone tooltip (top ${b.y}) covers the chart (bottom ${c.y + c.height})`);
  });
});

test('a chart of one bar shows its tooltip whole, source quote included, not two lines of it in a scrolling box', {
  timeout: 90_000,
}, async (t) => {
  // The program page of `sme` has one bar: its chart has room for two lines of tooltip beside the bar. The box
  // grows past the chart (over the lines under it) instead of hiding the article's quote behind a scroll.
  const whole = (page) =>
    page.evaluate(() => {
      const tip = document.getElementById('program-chart-tip');
      const source = tip?.querySelector('.tt-source');
      if (!tip || !source) return null;
      const [b, s] = [tip.getBoundingClientRect(), source.getBoundingClientRect()];
      return { scroll: tip.scrollHeight, client: tip.clientHeight, sourceBottom: s.bottom, boxBottom: b.bottom, quote: source.textContent };
    });
  for (const [lang, css] of [['en', ''], ['ko', ''], ['en', 'html { font-size: 34px !important; }']]) {
    await withPage(t, {}, async (page) => {
      await open(page, `${lang}/program/sme/`);
      if (css) await page.addStyleTag({ content: css });
      await page.locator('#program-chart').focus();
      await page.keyboard.press('End');
      await page.locator('#program-chart-tip').waitFor();
      const w = await whole(page);
      const where = `${lang}${css ? ' at 200 % text' : ''}`;
      assert.ok(w, `${where}: no tooltip with a source line`);
      assert.match(w.quote, /50억/, `${where}: the tooltip's source is ${w.quote}`);
      assert.ok(w.scroll <= w.client + 1, `${where}: the tooltip scrolls (${w.scroll} px of text in ${w.client})`);
      assert.ok(w.sourceBottom <= w.boxBottom + 1, `${where}: the source line ends below the box`);
    });
  }
});

test('a tooltip opens on the side of its row where the window shows it whole: the chart at the window\'s top or bottom', {
  timeout: 90_000,
}, async (t) => {
  // Each bar's tooltip, with the chart scrolled to the window's top and then to its bottom. A lower row's box
  // opens above it where the window has room there, and under it where the window ends just above the chart
  // (before, its title and figure went past the window's top, out of reach of a pointer resting on it).
  for (const lang of ['ko', 'en']) {
    await withPage(t, {}, async (page) => {
      await open(page, `${lang}/`);
      const bars = await page.locator('#overview-chart [role=option]').count();
      assert.ok(bars >= 3, `the overview chart has ${bars} bars`);
      for (const at of ['top', 'bottom']) {
        const chartTop = await page.evaluate((at) => {
          const c = document.getElementById('overview-chart');
          const r = c.getBoundingClientRect();
          window.scrollBy(0, at === 'top' ? r.top : r.bottom - window.innerHeight);
          c.focus({ preventScroll: true });
          return c.getBoundingClientRect().top;
        }, at);
        await page.keyboard.press('Home');
        for (let i = 0; i < bars; i++) {
          if (i) await page.keyboard.press('ArrowDown');
          await page.locator(`#overview-chart-point-${i}[aria-selected=true]`).waitFor({ state: 'attached' });
          await page.locator('#overview-chart-tip').waitFor();
          const w = await page.evaluate(() => {
            const tip = document.getElementById('overview-chart-tip');
            const b = tip.getBoundingClientRect();
            return {
              top: b.top, bottom: b.bottom, height: innerHeight, scroll: tip.scrollHeight, client: tip.clientHeight,
              chartTop: document.getElementById('overview-chart').getBoundingClientRect().top,
            };
          });
          const where = `${lang}, chart at the window's ${at}, bar ${i + 1}`;
          assert.ok(Math.abs(w.chartTop - chartTop) < 1, `${where}: the page scrolled (${chartTop} → ${w.chartTop})`);
          assert.ok(w.top >= 0 && w.bottom <= w.height, `${where}: the tooltip spans ${w.top}–${w.bottom} of a ${w.height} px window`);
          assert.ok(w.scroll <= w.client + 1, `${where}: the tooltip scrolls (${w.scroll} px of text in ${w.client})`);
        }
      }
    });
  }
});

test('screen readers: each chart is a named list of its bars; focus announces the summary and the first bar, arrows every bar', {
  timeout: 90_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    for (const lang of ['ko', 'en']) {
      await open(page, `${lang}/`);
      const chart = page.locator('#overview-chart');
      // The accessibility tree: a listbox named by the summary (extremes included), described by the hint, one
      // option per bar, nothing selected before focus.
      const name = await chart.getAttribute('aria-label');
      assert.match(name, lang === 'ko' ? /가장 큰 금액.*약 234배 차이/ : /Largest.*about 234 times the smallest/);
      // Chromium's own accessibility tree (the options are canvas fallback content, which Playwright's aria
      // snapshot leaves out): the listbox with that name and its four options, none ignored.
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      const listbox = nodes.find((n) => n.role?.value === 'listbox' && n.name?.value === name);
      assert.ok(listbox && !listbox.ignored, 'no listbox named by the summary in the accessibility tree');
      const options = nodes.filter((n) => n.role?.value === 'option' && !n.ignored && listbox.childIds.includes(n.nodeId));
      assert.equal(options.length, 4, `the listbox has ${options.length} options`);
      assert.equal(await chart.getAttribute('aria-roledescription'), lang === 'ko' ? '막대 차트' : 'bar chart');
      const [hintId, sourceId] = (await chart.getAttribute('aria-describedby')).split(' ');
      const hint = await page.locator(`#${hintId}`).innerText();
      assert.match(await page.locator(`#${sourceId}`).innerText(), /안산시, 지역경제 선순환/);
      assert.match(hint, lang === 'ko' ? /Enter로 사업 보기/ : /Enter opens the program/);
      assert.equal(await chart.getAttribute('aria-activedescendant'), null);

      // Keyboard only: focus lands on the first bar; each ArrowDown announces the next, each with its amount,
      // kind and source, until every bar has been announced once.
      await tabTo(page, '#overview-chart');
      const said = [];
      for (let i = 0; i < 4; i += 1) {
        if (i > 0) await page.keyboard.press('ArrowDown');
        const id = await chart.getAttribute('aria-activedescendant');
        assert.equal(id, `overview-chart-point-${i}`);
        const option = page.locator(`#${id}`);
        assert.equal(await option.getAttribute('role'), 'option');
        assert.equal(await option.getAttribute('aria-selected'), 'true');
        const text = await option.textContent();
        const tip = await tooltip(page);
        assert.ok(tip && text.startsWith(tip.title), `option ${i} says ${text}; the tooltip shows ${JSON.stringify(tip)}`);
        assert.match(text, lang === 'ko' ? /억원.*(출처|계산값)/ : /KRW.*(Source|Derived)/);
        said.push(tip.title);
      }
      assert.equal(new Set(said).size, 4, `not every bar was announced: ${said}`);
    }
    // A program page's chart opens nothing, so its hint promises no Enter.
    await open(page, 'en/program/regeneration/');
    const programChart = page.locator('main canvas[role="listbox"]').first();
    const programHint = await page.locator(`#${(await programChart.getAttribute('aria-describedby')).split(' ')[0]}`).innerText();
    assert.match(programHint, /arrow keys move between bars/);
    assert.doesNotMatch(programHint, /Enter/);
    // A part of the program's total says its share, in the tooltip and to a screen reader.
    await programChart.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const share = await page.locator('#program-chart-tip .tt-share').innerText();
    assert.match(share, /about 78\.7% of the total/);
    assert.match(await page.locator('#program-chart-point-1').textContent(), /about 78\.7% of the total/);
  });
});

test('chart text follows the reader\'s text size: at 200 % the chart is laid out for it, hit-testing still right', {
  timeout: 90_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, 'en/');
    const chart = page.locator('#overview-chart');
    assert.equal(await chart.getAttribute('data-text-scale'), '1');
    const before = await chart.boundingBox();
    // The reader doubles the text size: the root font size goes from 17 px (the page's 1.0625rem) to 34 px, with
    // no resize event.
    await page.addStyleTag({ content: 'html { font-size: 34px !important; }' });
    await page.waitForFunction(() => document.getElementById('overview-chart')?.getAttribute('data-text-scale') === '2');
    const after = await chart.boundingBox();
    assert.ok(Math.abs(after.width - before.width) < 2, `the chart changed width: ${before.width} → ${after.width}`);
    assert.ok(after.height > before.height * 1.5, `the chart did not grow with its text: ${before.height} → ${after.height}`);
    // Pointer positions still find their bars at the new scale, and the tooltip names them.
    const found = await findBar(page, '#overview-chart', NAMES.sme);
    assert.ok(found.tip.amount.includes('KRW 5 billion'), found.tip.amount);
    // Back to the default size: back to scale 1.
    await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.textContent.includes('34px') && s.remove()));
    await page.waitForFunction(() => document.getElementById('overview-chart')?.getAttribute('data-text-scale') === '1');
  });
  await withPage(t, { viewport: { width: 320, height: 700 } }, async (page) => {
    await open(page, 'ko/');
    await page.addStyleTag({ content: 'html { font-size: 34px !important; }' });
    // A 320 px phone cannot lay a chart out at 160 px: the scale is what fits, and the chart is still drawn.
    await page.waitForFunction(() => Number(document.getElementById('overview-chart')?.getAttribute('data-text-scale')) > 1);
    assert.equal(await page.locator('.chart-wrap [role="alert"]').count(), 0, 'the chart failed at 320 px with 200 % text');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  });
});

/**
 * Text in the language other than the page's (Hangul on an English page; Latin words on a Korean one) that is
 * not inside an element with that `lang`; and names (aria-label, title) that contain it, since a name cannot
 * carry a second language. The language switch is included: its 한국어 link must say so too.
 */
async function unmarkedRuns(page, { acronyms = false } = {}) {
  return page.evaluate((acronyms) => {
    const pageLang = document.documentElement.lang;
    // With `acronyms`, an all-capital Latin word (HTML) in Korean text is not English to mark.
    const latin = acronyms ? /\b(?![A-Z]+\b)[A-Za-z]{2,}/ : /[A-Za-z]{2,}/;
    const foreign = pageLang === 'en' ? /[\uAC00-\uD7A3]/ : latin;
    const want = pageLang === 'en' ? 'ko' : 'en';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const el = n.parentElement;
      // <noscript> holds raw text while scripts run (what it shows without them is checked in pages.test.mjs); a
      // <textarea> holds code (the generator's snippet). A served chart drawing is hidden from assistive
      // technology (the canvas's name and options, checked here, say it), and a run of Hangul needs no lang to
      // be drawn in a Korean font.
      if (!foreign.test(n.textContent) || el.closest('script, style, code, noscript, textarea, [aria-hidden="true"]')) continue;
      if (el.closest('[lang]')?.getAttribute('lang') !== want) out.push(`${el.tagName}.${el.className}: ${n.textContent.trim().slice(0, 60)}`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      for (const a of ['aria-label', 'title']) {
        const v = el.getAttribute(a);
        if (v && foreign.test(v) && el.closest('[lang]')?.getAttribute('lang') !== want) out.push(`@${a} ${el.tagName}#${el.id}: ${v.slice(0, 60)}`);
      }
    }
    return out;
  }, acronyms);
}

test('every run in the other language carries its lang: Korean on English pages, English on Korean pages', {
  timeout: 90_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    for (const address of ['', 'en/', 'en/program/regeneration/', 'en/program/incubation/', 'en/program/sme/', 'ko/', 'ko/program/incubation/', '404.html']) {
      await open(page, address);
      // With a tooltip open too: its text is in the page as well.
      const chart = page.locator('#overview-chart, #program-chart');
      if (await chart.count()) await chart.first().focus();
      assert.deepEqual(await unmarkedRuns(page), [], `${address}: text in the other language without its lang`);
    }
    for (const query of ['chart=overview&lang=en', 'chart=timeline&lang=en', 'chart=program&program=sme&lang=ko']) {
      await page.goto(`${server.url}/widget.html?${query}`, { waitUntil: 'domcontentloaded' });
      await page.locator('canvas[data-drawn]').first().waitFor();
      assert.deepEqual(await unmarkedRuns(page), [], `widget ${query}: text in the other language without its lang`);
    }
  });
});

// KNOWN APP BUG (fails until fixed; found when these pages were added to the check above): the generator's
// language <option>s (한국어 on the English page) carry no lang, and its preview <iframe>'s title is in the
// widget's language (Korean by default, also on en/embed/) without a lang on the iframe.
test('the generator pages too: every run in the other language carries its lang', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    const failures = [];
    for (const address of ['en/embed/', 'ko/embed/', 'en/embed/?chart=program&program=sme&lang=en', 'ko/embed/?chart=timeline&lang=en']) {
      await open(page, address);
      const runs = await unmarkedRuns(page, { acronyms: true });
      if (runs.length) failures.push(`${address}:\n    ${runs.join('\n    ')}`);
    }
    assert.deepEqual(failures, [], 'text in the other language without its lang');
  });
});

test('the timeline has the bar chart\'s treatment: keyboard, tooltip with the period\'s source, screen-reader list, Enter opens', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, 'ko/');
    const chart = page.locator('#timeline-chart');
    assert.equal(await chart.getAttribute('role'), 'listbox');
    assert.equal(await chart.getAttribute('aria-roledescription'), '기간 차트');
    assert.equal(await chart.locator('[role="option"]').count(), 3);
    // Reached by Tab, after the bar chart.
    await tabTo(page, '#overview-chart');
    await tabTo(page, '#timeline-chart');
    assert.equal(await chart.getAttribute('aria-activedescendant'), 'timeline-chart-point-0');
    let tip = await tooltip(page, '#timeline-chart-tip');
    assert.ok(tip && NAMES.regeneration.test(tip.title), `on focus the timeline tooltip is ${JSON.stringify(tip)}`);
    assert.match(tip.amount, /2021년까지/);
    assert.match(tip.source, /8행/);
    assert.match(await page.locator('#timeline-chart-point-0').textContent(), /2021년까지.*8행/);
    await page.keyboard.press('ArrowDown');
    tip = await tooltip(page, '#timeline-chart-tip');
    assert.ok(tip && NAMES.incubation.test(tip.title), `after ArrowDown: ${JSON.stringify(tip)}`);
    await page.keyboard.press('Escape');
    assert.equal(await tooltip(page, '#timeline-chart-tip'), null, 'Escape did not close the timeline tooltip');
    // After Escape the keys start again; End goes to the last row, Enter opens it.
    await page.keyboard.press('End');
    assert.equal(await chart.getAttribute('aria-activedescendant'), 'timeline-chart-point-2');
    await page.keyboard.press('Enter');
    await waitForAddress(page, 'ko/program/sme/');
  });
});

test('on a phone the table shows each column name in its card, and a screen reader hears it once (from the header)', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 800 } }, async (page) => {
    await open(page, 'en/');
    const cell = page.locator('#figures-table tbody td[data-label]').first();
    const label = await cell.getAttribute('data-label');
    // Shown to the eye…
    const before = await cell.evaluate((el) => getComputedStyle(el, '::before').content);
    assert.match(before, /data-label|Figure/, `the card label is not drawn: ${before}`);
    // …but not part of the cell's accessible name.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const cells = nodes.filter((n) => n.role?.value === 'cell' && !n.ignored);
    assert.ok(cells.length >= 20, `${cells.length} cells`);
    const doubled = cells.filter((n) => /^(Figure|Amount|Funded by|Source) /.test(n.name?.value ?? ''));
    assert.deepEqual(doubled.map((n) => n.name.value.slice(0, 40)), [], `cells read their column name (${label}) again`);
  });
});

test('the figures table fits its box at every window width from 320 to 1280 px, also with text at 200 %: no amount scrolled out of view', {
  timeout: 120_000,
}, async (t) => {
  // The cards take over where the table's box is too narrow for five columns, which depends on the box (a page at
  // 200 % zoom on a 1280 px desktop is 640 px wide) and on the text size, not on the window alone. Before, a 640 px
  // media query left the English overview's table 77 px wider than its box at 640 px and 5 px at 712, and with
  // larger text 540 px wider at 640.
  const over = [];
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    for (const path of ['en/', 'ko/', 'en/program/regeneration/', 'ko/program/incubation/']) {
      // The static page: the table is the served markup, which the app never redraws.
      await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
      for (const text of ['', 'html { font-size: 34px !important; }']) {
        // (addStyleTag waits for a load event that a page without JavaScript never sends.)
        if (text) await page.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), text);
        for (let width = 320; width <= 1280; width += 16) {
          await page.setViewportSize({ width, height: 800 });
          const r = await page.evaluate(() => {
            const box = document.querySelector('#figures-table').parentElement;
            return { over: box.scrollWidth - box.clientWidth, cards: getComputedStyle(box.querySelector('tbody tr')).display === 'block' };
          });
          if (r.over > 0) over.push(`${path} at ${width} px${text ? ', 200 % text' : ''} (${r.cards ? 'cards' : 'table'}): ${r.over} px`);
          if (width === 320 && !r.cards) over.push(`${path} at 320 px${text ? ', 200 % text' : ''}: a table, not cards`);
          if (width === 1280 && !text && r.cards) over.push(`${path} at 1280 px: cards, not a table`);
        }
      }
    }
  });
  assert.deepEqual(over, [], 'the table is wider than its box');
});

test('axe, dark and forced colours, 320 and 1280 px, with every tooltip open: no violations, no undecided contrast', {
  timeout: 240_000,
}, async (t) => {
  const failures = [];
  for (const [width, height] of [[1280, 800], [320, 740]]) {
    for (const [mode, options] of [
      ['light', { colorScheme: 'light' }],
      ['dark', { colorScheme: 'dark' }],
      ['forced colours', { forcedColors: 'active' }],
    ]) {
      await withPage(t, { viewport: { width, height }, ...options }, async (page) => {
        // The whole page is checked with the tooltips closed. With one open (`tip`), only its chart's `figure` is:
        // opening it changes nothing outside (the box is drawn in the figure, the active option is in the canvas),
        // and the test takes ~60 s checking whole pages, ~40 s checking figures (measured). axe cannot decide the
        // contrast of text the box overlaps, nor of the box's own text over it: the overlapped text was decided
        // with the tooltips closed and is hidden where it is covered; the box's text is decided here against the
        // box's own background, which must be opaque.
        const check = async (where, tip, figure) => {
          const { violations, incomplete } = await runAxe(page, { include: figure });
          if (violations.length) failures.push(`${where}:\n${formatViolations(violations)}`);
          const targets = incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => n.target));
          const undecided = await page.evaluate(
            ([targets, tip]) => {
              const box = tip && document.querySelector(tip);
              const rgba = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
              const lum = ([r, g, b]) => {
                const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const out = [];
              for (const target of targets) {
                const el = document.querySelector(target[0]);
                const said = target.join(' ');
                // Text of a served chart drawing (kept as the chart's picture until a change draws the canvas) is
                // over the drawing's shapes, which axe cannot take for a background: its inks are the canvas's,
                // each ≥ 4.5:1 on the chart's paper in both themes (src/chart/style.rs's tests).
                if (el?.closest('[data-chart-static] svg')) continue;
                if (!el || !box) { out.push(said); continue; }
                if (box.contains(el)) {
                  const bg = rgba(getComputedStyle(box).backgroundColor);
                  // A translucent text colour is what it shows over the box.
                  const [fr, fg0, fb, fa = 1] = rgba(getComputedStyle(el).color);
                  const fg = [fr, fg0, fb].map((v, k) => fa * v + (1 - fa) * bg[k]);
                  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
                  const ratio = (a + 0.05) / (b + 0.05);
                  if (bg.length < 3 || (bg.length > 3 && bg[3] < 1)) out.push(`${said} (the box's background is not opaque)`);
                  else if (ratio < 4.5) out.push(`${said} (${ratio.toFixed(2)}:1 on the box)`);
                  continue;
                }
                const [r, t] = [el.getBoundingClientRect(), box.getBoundingClientRect()];
                const covered = r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
                if (!covered) out.push(said);
              }
              return out;
            },
            [targets, tip],
          );
          if (undecided.length) failures.push(`${where}: contrast needs review: ${undecided.join(', ')}`);
        };
        for (const [route, charts] of [['en/', ['#overview-chart', '#timeline-chart']], ['ko/program/regeneration/', ['#program-chart']]]) {
          await open(page, route);
          await check(`${route} ${width} px ${mode}, tooltips closed`);
          for (const chart of charts) {
            const n = await page.locator(`${chart} [role="option"]`).count();
            const figure = `figure:has(${chart})`;
            assert.equal(await page.locator(figure).count(), 1, `${route}: ${chart} is not in one figure`);
            await page.locator(chart).focus();
            for (let i = 0; i < n; i += 1) {
              await page.keyboard.press(i === 0 ? 'Home' : 'ArrowDown');
              await page.locator(`${chart}-tip`).waitFor();
              // The box is inside what is checked, or the check would pass without looking at it.
              assert.equal(await page.locator(`${figure} ${chart}-tip`).count(), 1, `${chart}-tip is outside its figure`);
              await check(`${route} ${width} px ${mode}, ${chart} point ${i} open`, `${chart}-tip`, figure);
            }
            await page.keyboard.press('Escape');
          }
        }
      });
    }
  }
  assert.deepEqual(failures, []);
});

test('keyboard only, the whole overview: every stop in reading order and visibly focused, each chart on the way, each figure named', {
  timeout: 90_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, 'en/');
    // Every <figure> has a name (the chart's title) in Chromium's accessibility tree.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const figures = nodes.filter((n) => n.role?.value === 'figure' && !n.ignored);
    assert.equal(figures.length, await page.locator('figure').count());
    for (const f of figures) assert.ok((f.name?.value ?? '').trim().length > 3, `a figure without a name: ${JSON.stringify(f.name)}`);

    // Tab from the top to the end of the page: the stops follow the document order, none is invisible, and the
    // path crosses the cards, both charts and their menus.
    const stops = [];
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.isBody) break;
      assert.ok(f.visible, `focus on ${f.desc} is not visible`);
      const index = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return all.indexOf(document.activeElement);
      });
      if (stops.length && index <= stops[stops.length - 1].index) break; // wrapped to the top
      stops.push({ desc: `${f.desc} ${f.href ?? ''}`, index });
    }
    const descs = stops.map((s) => s.desc);
    const at = (re) => descs.findIndex((d) => re.test(d));
    const order = [/^a\.skip-link/, /program\/regeneration/, /program\/incubation/, /program\/sme/, /#overview-chart$|canvas#overview-chart/, /canvas#timeline-chart/];
    const found = order.map(at);
    assert.ok(found.every((i) => i >= 0), `missing stops: ${order.filter((_, k) => found[k] < 0)}\n${descs.join('\n')}`);
    assert.deepEqual([...found].sort((a, b) => a - b), found, `out of order:\n${descs.join('\n')}`);
    assert.ok(descs.filter((d) => /summary/i.test(d)).length >= 2, `the charts' menus are not on the way:\n${descs.join('\n')}`);
  });
});

test('touch: the first tap on a bar shows its tooltip, the second opens its program', { timeout: 60_000 }, async (t) => {
  await withPage(
    t,
    { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
    async (page) => {
      await open(page, '');
      // Find the SME bar by hovering (a mouse can still be driven in a touch context), then load the page
      // afresh, so that no hover state is left over, and tap at the same place on the canvas.
      const found = await findBar(page, '#overview-chart', NAMES.sme);
      const before = await page.locator('#overview-chart').boundingBox();
      await page.mouse.move(1, 1);
      await open(page, '');
      const canvas = page.locator('#overview-chart');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      assert.ok(Math.abs(box.width - before.width) < 1 && Math.abs(box.height - before.height) < 1, 'the canvas changed size on reload');
      const x = box.x + (found.x - before.x);
      const y = box.y + (found.y - before.y);
      assert.equal(await tooltip(page), null, 'a tooltip shows before any tap');

      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(300);
      assert.equal(await addressOf(page), '', 'the first tap opened the program instead of only showing its tooltip');
      const tip = await tooltip(page);
      assert.ok(tip && NAMES.sme.test(tip.title), `after the first tap the tooltip is ${JSON.stringify(tip)}`);
      assert.ok(tip.amount.includes('50억원'), `tt-amount: ${tip.amount}`);

      await page.touchscreen.tap(x, y);
      await waitForAddress(page, 'ko/program/sme/');
      assert.match(await h1Matching(page, /강소기업/), /강소기업/);
    },
  );
});

/** Sizes of the overview canvas, its container and the page. */
function canvasSizes(page) {
  return page.evaluate(() => {
    const c = document.getElementById('overview-chart');
    const cs = getComputedStyle(c);
    return {
      backing: c.width,
      css: parseFloat(cs.width),
      styleWidth: c.style.width,
      container: c.parentElement.clientWidth,
      innerWidth: window.innerWidth,
      scrollWidth: document.scrollingElement.scrollWidth,
      dpr: window.devicePixelRatio,
    };
  });
}

test('device pixel ratio 2 and resizing: a crisp canvas that follows its container, no sideways scroll', {
  timeout: 60_000,
}, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 }, async (page) => {
    await open(page, '');
    const check = async (width, when) => {
      // The chart redraws on `resize`; wait until its CSS width fits the container again.
      await page
        .waitForFunction(
          (answering) => {
            const c = document.getElementById('overview-chart');
            const css = parseFloat(getComputedStyle(c).width);
            return c.matches(answering) && css <= c.parentElement.clientWidth + 0.5 && css <= innerWidth;
          },
          ANSWERING,
          { timeout: 5_000 },
        )
        .catch(() => {});
      await page.waitForTimeout(200);
      const s = await canvasSizes(page);
      const where = `${when} (${width} px): ${JSON.stringify(s)}`;
      assert.equal(s.dpr, 2, where);
      assert.ok(Math.abs(s.backing - 2 * s.css) <= 1, `canvas.width is not 2 × its CSS width ${where}`);
      assert.ok(s.css <= s.container + 0.5, `the canvas is wider than its container ${where}`);
      assert.ok(s.css <= s.innerWidth, `the canvas is wider than the viewport ${where}`);
      // The canvas fills its container (no stale width from before the resize).
      assert.ok(s.css >= Math.min(s.container, 1200) - 1, `the canvas does not fill its container ${where}`);
      assert.ok(s.scrollWidth <= s.innerWidth, `the page scrolls sideways ${where}`);
    };
    await check(360, 'at load');
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(1280, 'after widening');
    await page.setViewportSize({ width: 360, height: 740 });
    await check(360, 'after narrowing');
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(1280, 'after widening again');
  });
});

test('honesty: derived and approximate figures say so, incubation\'s two amounts are never added, charts name the source', {
  timeout: 120_000,
}, async (t) => {
  await withPage(t, {}, async (page) => {
    for (const lang of LANGS) {
      await open(page, `${lang}/program/regeneration/`);
      const pub = page.locator('li.figure-item[data-figure="regeneration-public"]');
      assert.equal(await pub.locator('.badge-derived').count(), 1, `${lang}: 950억 has no derived badge`);
      const pubText = await pub.innerText();
      assert.ok(/950억|95 billion|95,000,000,000/.test(pubText), `${lang}: the public figure reads ${pubText}`);
      const derivation = await pub.locator('.derivation').innerText();
      // The private share it subtracts, in the page's language: 3,500억원 or KRW 350 billion.
      const privateShare = lang === 'ko' ? '3,500' : 'KRW 350 billion';
      assert.ok(derivation.includes(privateShare), `${lang}: the derivation does not mention ${privateShare}: ${derivation}`);
      assert.equal(await pub.locator('blockquote.citation').count(), 0, `${lang}: the derived figure is quoted as if reported`);

      const total = page.locator('li.figure-item[data-figure="regeneration-total"]');
      assert.equal(await total.locator('.badge-approx').count(), 1, `${lang}: 4,450억 has no approximate badge`);
      assert.ok(/4,450억|445 billion|445,000,000,000/.test(await total.innerText()), `${lang}: total reads ${await total.innerText()}`);
      const line = await total.locator('p.cite-line').innerText();
      assert.ok(line.includes(lang === 'ko' ? '8행' : 'line 8'), `${lang}: the total's cite line is ${line}`);
      assert.ok((await total.locator('blockquote.citation').innerText()).includes('4천450억'), `${lang}: the quote lacks 4천450억`);
      const privateText = await page.locator('li.figure-item[data-figure="regeneration-private"]').innerText();
      assert.equal(
        await page.locator('li.figure-item[data-figure="regeneration-private"] .badge-approx').count(),
        0,
        `${lang}: 3,500억 (exact in the article) is marked approximate: ${privateText}`,
      );

      await open(page, `${lang}/program/incubation/`);
      const body = await page.locator('body').innerText();
      const label = await page.locator('#program-chart').getAttribute('aria-label');
      for (const text of [body, label]) {
        assert.ok(text.includes('19억원') || text.includes('1.9 billion'), `${lang}: incubation lacks 19억원`);
        assert.ok(text.includes('24억원') || text.includes('2.4 billion'), `${lang}: incubation lacks 24억원`);
        for (const sum of ['43억', '4.3 billion', '4,300,000,000']) {
          assert.ok(!text.includes(sum), `${lang}: the incubation page adds 19 + 24 = ${sum}`);
        }
      }
      assert.ok((await page.locator('aside.note-box').innerText()).length > 0, `${lang}: incubation has no note`);

      for (const route of [`${lang}/`, ...PROGRAMS.map((p) => `${lang}/program/${p}/`)]) {
        await open(page, route);
        const captions = await page.locator('figure.chart figcaption').allInnerTexts();
        assert.ok(captions.length >= 1, `${route}: no chart figcaption`);
        for (const c of captions) assert.ok(c.includes(SOURCE_TITLE), `${route}: the figcaption does not name the source: ${c}`);
        // Each chart is described by its source line (the Korean title keeps its lang there, not in the name).
        const described = await page.locator('main canvas').evaluateAll((cs) =>
          cs.map((c) => (c.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')),
        );
        for (const d of described) assert.ok(d.includes(SOURCE_TITLE), `${route}: the chart's description does not name the source: ${d}`);
      }
    }
  });
});

test('screenshots of the overview and the regeneration page (tests/e2e/output/shot-*.png)', {
  timeout: 120_000,
}, async (t) => {
  await mkdir(OUTPUT, { recursive: true });
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    await withPage(t, { viewport: { width, height } }, async (page) => {
      for (const lang of LANGS) {
        for (const [name, route] of [
          ['overview', `${lang}/`],
          ['regeneration', `${lang}/program/regeneration/`],
        ]) {
          await open(page, route);
          await page.screenshot({ path: join(OUTPUT, `shot-${name}-${lang}-${width}.png`), fullPage: true });
        }
      }
    });
  }
});
