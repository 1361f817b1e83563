// A tiny static file server for the built app in dist/: loopback only, a free port, the MIME
// types a browser insists on (application/wasm for streaming compilation), no caching. Like a static host:
// a folder's address serves its index.html, and optionally the site lives under a sub-path (`/budget/`) and an
// unknown address gets the site's 404.html with status 404 (as GitHub Pages and Netlify do).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` on 127.0.0.1 at a port the OS picks. `cacheSeconds` > 0 lets the browser cache files as a real
 * host would; `requests`, when given, collects every requested path (the whole path, prefix included).
 * `prefix` (`/budget/`) serves `root` below that path only: everything else is a 404. `notFound` (a file below
 * `root`, `404.html`) is the body of every 404 inside the prefix. `compress` sends each file but a PNG brotli-encoded
 * (quality 11, made once per file) to a browser that accepts it, as a host serving precompressed files does: for
 * measuring over an emulated phone network, where the bytes on the wire count.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} url without a trailing slash (and without the
 *   prefix)
 */
export async function startServer(
  root,
  { cacheSeconds = 0, requests = null, prefix = '/', notFound = null, compress = false } = {},
) {
  const base = resolve(root);
  const encoded = new Map();
  const brotli = (file, body) => {
    if (!encoded.has(file)) {
      encoded.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    return encoded.get(file);
  };
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix ${prefix} must start and end with /`);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests?.push(path);
      if (!path.startsWith(prefix)) return send(res, 404, `not found: ${path} (the site is at ${prefix})`);
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        // A folder without the slash: a static host redirects, so relative links inside resolve below it.
        if (!path.endsWith('/')) {
          const url = new URL(req.url, 'http://x');
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        const page = notFound ? await readFile(join(base, notFound)).catch(() => null) : null;
        if (page === null) return send(res, 404, `not found: ${path}`);
        res.writeHead(404, { 'Content-Type': MIME['.html'], 'Content-Length': page.length, 'Cache-Control': 'no-store' });
        return res.end(req.method === 'HEAD' ? undefined : page);
      }
      const type = extname(file).toLowerCase();
      const br = compress && type !== '.png' && /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
      const sent = br ? brotli(file, body) : body;
      res.writeHead(200, {
        'Content-Type': MIME[type] ?? 'application/octet-stream',
        'Content-Length': sent.length,
        'Cache-Control': cacheSeconds > 0 ? `max-age=${cacheSeconds}` : 'no-store',
        ...(br ? { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch (err) {
      send(res, 500, String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
