// Trunk post_build hook (Trunk.toml [[hooks]]): runs on the staged bundle before it becomes dist/.
// 1. The second browser module (src/bin/ansan-budget-full.rs: the widget and the embed-code generator), built
//    here beside the one Trunk built (same profile, wasm-bindgen, wasm-opt), named by its content hash. The
//    explorer's other pages never load it, so their first view does not pay for it.
// 2. widget.html: the bundle's page marked <html data-page="widget">, loading the second module (the prerenderer
//    then tells it the data's name and adds its guard, which says when that module fails).
// 3. The explorer's pages: the native `prerender` binary checks data/ansan-2015.json, writes the data handover
//    (data/ansan-2015.<hash>.bin, named by its content, which every page and widget.html name, so a cached older
//    file never meets a newer page; and data/ansan-2015.bin, a fixed address for anyone else) and renders every
//    page (index.html, ko/…, en/program/sme/…, 404.html) from the bundle's index.html, so each address is a file a
//    static host serves and shows everything at first paint.
//    With ANSAN_BUDGET_PUBLIC_URL (where the city publishes the explorer, e.g. https://www.ansan.go.kr/budget/),
//    the pages also name their canonical address, their other language's and a link preview picture (preview.png
//    beside each, drawn with this machine's fonts), and sitemap.xml lists them.
// 4. The stylesheet inline in every page but widget.html: a page's first paint waits on no second request (one
//    round trip less on a phone's first view; at 4x CPU here, 0-20 ms sooner, docs/performance.md). Widgets keep
//    the shared file, which the second widget on a city page finds cached.
// 5. Content-Security-Policy on every page: a meta tag allowing only our own files, WebAssembly compilation
//    and, by their sha256, the page's own inline scripts (the app's loader; the root page's redirect of old
//    addresses), so no 'unsafe-inline' script is ever needed.
// 6. In a release build, both modules' JS glue minified (terser): wasm-bindgen writes it readable, 55 KB for the
//    first view, and the browser parses it on the main thread before the app starts. Minified it is 25 KB
//    (brotli 7.9 → 6.3 KB); at 4x CPU the overview was interactive 34 ms sooner over 40 interleaved loads (0 and
//    48 ms in two sets of 25; 14 ms on a program page). Trunk's own minifier would also rewrite the HTML this
//    script and the prerenderer read.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build, not by hand)');
  process.exit(1);
}
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const template = join(dir, 'index.html');
const html = await readFile(template, 'utf8');
const CHARSET = '<meta charset="utf-8" />';
for (const tag of ['<html', '<head>', CHARSET]) {
  if (!html.includes(tag)) {
    console.error(`post-build: no ${tag} in ${template}`);
    process.exit(1);
  }
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    console.error(`post-build: ${cmd} ${args.join(' ')} failed (${e.status ?? e.message})`);
    process.exit(1);
  }
}

const release = process.env.TRUNK_PROFILE !== 'debug';

/** `code` (an ES module) minified in a release build, as it is otherwise; the build stops if it cannot be. */
async function minified(code, name) {
  if (!release) return code;
  try {
    const out = await minify(code, { module: true, compress: true, mangle: true });
    if (typeof out.code !== 'string' || out.code.length === 0) throw new Error('no output');
    return out.code;
  } catch (e) {
    console.error(`post-build: cannot minify ${name}: ${e.message}`);
    process.exit(1);
  }
}

const FULL = 'ansan-budget-full';
run('cargo', ['build', ...(release ? ['--release'] : []), '--target', 'wasm32-unknown-unknown', '--bin', FULL]);
const targetDir = process.env.CARGO_TARGET_DIR || join(source, 'target');
const tmp = await mkdtemp(join(tmpdir(), 'ansan-full-'));
let full;
try {
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', FULL,
    join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${FULL}.wasm`),
  ]);
  if (release) {
    // The flags Trunk.toml gives the first module's wasm-opt run (index.html's data-wasm-opt-params).
    run('wasm-opt', ['-Oz', '--zero-filled-memory', '--low-memory-unused', '--converge',
      join(tmp, `${FULL}_bg.wasm`), '-o', join(tmp, `${FULL}_bg.wasm`)]);
  }
  const js = await minified(await readFile(join(tmp, `${FULL}.js`), 'utf8'), `${FULL}.js`);
  const wasm = await readFile(join(tmp, `${FULL}_bg.wasm`));
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  full = { js: `${FULL}-${hash}.js`, wasm: `${FULL}-${hash}_bg.wasm` };
  await writeFile(join(dir, full.js), js);
  await writeFile(join(dir, full.wasm), wasm);
} finally {
  await rm(tmp, { recursive: true, force: true });
}

// Trunk's loader and preloads name the first module; the widget loads the second.
const loader = html.match(/import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+_bg\.wasm)'/);
if (!loader) {
  console.error(`post-build: no Trunk loader in ${template}`);
  process.exit(1);
}
const [, firstJs, firstWasm] = loader;
await writeFile(join(dir, firstJs), await minified(await readFile(join(dir, firstJs), 'utf8'), firstJs));
const widget = html
  .replace(/<html\b/i, '<html data-page="widget"')
  .replace(/<link rel="(?:modulepreload|preload)" href="\.\/ansan-budget-[0-9a-f]+(?:\.js|_bg\.wasm)"[^>]*>/g, '')
  .replaceAll(`./${firstJs}`, `./${full.js}`)
  .replaceAll(`./${firstWasm}`, `./${full.wasm}`)
  .replace('</head>', `<link rel="modulepreload" href="./${full.js}"><link rel="preload" href="./${full.wasm}" as="fetch" type="application/wasm" crossorigin="anonymous"></head>`)
  // A chart alone, for other pages' frames: search engines should list the explorer's pages, not it.
  .replace('</head>', '<meta name="robots" content="noindex" />\n</head>');
await writeFile(join(dir, 'widget.html'), widget);

// A native build beside the wasm one; it shares the debug build `cargo test` makes. Its output says what it wrote.
const publicUrl = (process.env.ANSAN_BUDGET_PUBLIC_URL ?? '').trim();
run('cargo', ['run', '--quiet', '--bin', 'prerender', '--', '--data', 'data/ansan-2015.json', '--template', template,
  '--out', dir, '--full-js', full.js, '--full-wasm', full.wasm, '--widget', join(dir, 'widget.html'), ...(publicUrl ? ['--public-url', publicUrl] : [])]);

// 404.html: hosts serve it for any unknown address, at any depth below the explorer, so it cannot lean on
// addresses relative to itself. Its stylesheet goes inline (below, as on every page), it loads no app (there is
// nothing to interact with), and its links are made absolute from the address it is shown at: the explorer's root
// is what comes before the first `ko/` or `en/` folder (or the address's own folder). Without JavaScript the links
// are as written, right for 404.html at the root.
{
  const file = join(dir, '404.html');
  let page = await readFile(file, 'utf8');
  const home =
    "<script>addEventListener('DOMContentLoaded',()=>{const p=location.pathname;" +
    "const m=p.match(/^(.*?\\/)(?:ko|en)\\//);const r=m?m[1]:p.slice(0,p.lastIndexOf('/')+1);" +
    "for(const a of document.querySelectorAll('a[href]')){const h=a.getAttribute('href');" +
    "if(!/^([a-z]+:|\\/|#)/i.test(h))a.setAttribute('href',r+h);}});</script>";
  page = page.replace(/<script id="app-loader">[\s\S]*?<\/script>/, () => home);
  await writeFile(file, page);
}

async function htmlFiles(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

let pages = 0;
let inlined = 0;
// Each page names the stylesheet relative to itself; it is read once.
const stylesheets = new Map();
for (const file of await htmlFiles(dir)) {
  let page = await readFile(file, 'utf8');
  if (!file.endsWith('widget.html')) {
    const link = page.match(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/);
    if (!link) {
      console.error(`post-build: no stylesheet link in ${file}`);
      process.exit(1);
    }
    const sheet = join(dirname(file), link[1]);
    if (!stylesheets.has(sheet)) stylesheets.set(sheet, await readFile(sheet, 'utf8'));
    const css = stylesheets.get(sheet);
    page = page.replace(link[0], () => `<style>${css}</style>`);
    inlined += 1;
  }
  const inline = [...page.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    // Yew writes the tooltip's position as a style attribute; the static charts size themselves the same way.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  // After the charset (which must stay in the first 1024 bytes), before any script it governs.
  page = page.replace(CHARSET, `${CHARSET}\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  await writeFile(file, page);
  pages += 1;
}
console.error(`post-build: ${full.wasm} and widget.html written; stylesheet inline in ${inlined} pages; CSP on ${pages} pages`);
