// Trunk post_build hook (Trunk.toml [[hooks]]): runs on the staged bundle before it becomes dist/.
// 1. Content-Security-Policy: a meta tag allowing only our own files, WebAssembly compilation and, by its
//    sha256, Trunk's one inline loader script, so no 'unsafe-inline' script is ever needed.
// 2. widget.html: the same page marked <html data-page="widget">; main.rs then renders the widget, so one
//    build (the same .js, .wasm and .css, cached once) serves the explorer and every widget.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build, not by hand)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = await readFile(file, 'utf8');

const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Yew writes the tooltip's position as a style attribute.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
if (!/<head>/i.test(html)) {
  console.error(`post-build: no <head> in ${file}`);
  process.exit(1);
}
html = html.replace(/<head>/i, `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
await writeFile(file, html);

if (!/<html\b/i.test(html)) {
  console.error(`post-build: no <html> in ${file}`);
  process.exit(1);
}
const widget = html
  .replace(/<html\b/i, '<html data-page="widget"')
  .replace(/<title>[^<]*<\/title>/i, '<title>안산시 예산 탐색기 차트 · Ansan Budget Explorer chart</title>');
await writeFile(join(dir, 'widget.html'), widget);
console.error(`post-build: CSP with ${hashes.length} inline script hash(es); widget.html written`);
