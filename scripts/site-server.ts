/**
 * The built site, for everything that opens it in a browser (the browser tests, `npm run audit`,
 * `npm run bench:lab`): `buildSite` runs `astro build` as it ships, `serveSite` serves the result on
 * 127.0.0.1 with nothing but Node. `/zh-cn/` serves `zh-cn/index.html`; an unknown path gets the
 * nearest 404.html up its folders (`/zh-cn/nope` → `zh-cn/404.html`, else `/404.html`) with status
 * 404, as Cloudflare Pages does. With `gzip`, text is compressed for clients that accept it, as any
 * static host sends it (a 200 KB lesson page is 35 KB on the wire); Lighthouse wants that.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

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

/** Already compressed: sent as they are even when gzipping. */
const COMPRESSED = new Set(['.png', '.woff2', '.woff', '.ico']);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `astro build --outDir <dir>` in a child process, so Astro's Vite never meets the caller's (Vitest's).
 * NODE_ENV=production: Vitest sets NODE_ENV=test, which would make Astro build a development site
 * (Starlight's search then says it only works in production builds, and the page weights differ).
 */
export async function buildSite(root: string, outDir: string): Promise<void> {
  const pkg = createRequire(join(root, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(await readFile(pkg, 'utf8')) as { bin: { astro: string } };
  const cli = join(dirname(pkg), bin.astro);
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [cli, 'build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code}):\n${log.slice(-4000)}`))));
  });
}

/** The file a URL path names inside `root`, or null when it escapes root or does not exist. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // a malformed escape (`/%E0`) names no file
  }
  const path = normalize(join(root, decoded));
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
export function serveSite(root: string, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    void (async () => {
      const found = await fileFor(root, urlPath);
      const file = found ?? (await notFoundPageFor(root, urlPath));
      const gzip = options.gzip === true && !COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(found ? 200 : 404, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      const stream = createReadStream(file).on('error', () => res.end());
      (gzip ? stream.pipe(createGzip({ level: 9 })) : stream).pipe(res);
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

/**
 * For the scripts that open the site (`npm run audit`, `npm run bench:lab`): serves `dir`, a built
 * site, or when `dir` is undefined builds this project into a temporary folder first; runs `work`
 * with the site's URL, then stops the server and removes what it built. A `dir` without an
 * index.html is refused with what to run instead.
 */
export async function withServedSite<T>(
  dir: string | undefined,
  options: { gzip?: boolean; tempPrefix: string },
  work: (siteUrl: string) => Promise<T>,
): Promise<T> {
  if (dir !== undefined && !existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} holds no built site (no index.html); run \`npx astro build --outDir ${dir}\` first`);
  }
  const siteDir = dir ?? (await mkdtemp(join(tmpdir(), options.tempPrefix)));
  try {
    if (dir === undefined) {
      console.error(`building the site into ${siteDir} …`);
      await buildSite(fileURLToPath(new URL('../', import.meta.url)), siteDir);
    }
    const server = await serveSite(siteDir, options);
    try {
      return await work(server.url);
    } finally {
      await server.close();
    }
  } finally {
    if (dir === undefined) await rm(siteDir, { recursive: true, force: true });
  }
}
