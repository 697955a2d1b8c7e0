/**
 * A tiny static file server for the built site, so the browser tests need nothing but Node:
 * `/zh-cn/` serves `zh-cn/index.html`; an unknown path gets the nearest 404.html up its folders
 * (`/zh-cn/nope` → `zh-cn/404.html`, else `/404.html`) with status 404, as Cloudflare Pages does.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The file a URL path names inside `root`, or null when it escapes root or does not exist. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  for (const candidate of [path, join(path, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

/** The 404 page for a missing `urlPath`: the nearest `404.html` in its folder or one above it. */
async function notFoundPageFor(root: string, urlPath: string): Promise<string> {
  const folders = urlPath.split('/').filter(Boolean).slice(0, -1);
  for (let n = folders.length; n > 0; n--) {
    const page = await fileFor(root, `/${folders.slice(0, n).join('/')}/404.html`);
    if (page) return page;
  }
  return join(root, '404.html');
}

/** Serve `root` on 127.0.0.1 at a free port. */
export function serveStatic(root: string): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    void (async () => {
      const found = await fileFor(root, urlPath);
      const file = found ?? (await notFoundPageFor(root, urlPath));
      res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res);
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
