/**
 * Param Lab's service worker (docs/offline.md). The build writes `sw.js` as three constants, then this
 * file: VERSION (a hash of the precached files' contents), BASE (the site's base path, ending in `/`),
 * LOCALES (the non-root locales' folders) and PRECACHE (the site paths to store on install, sorted).
 *
 * - install: store every PRECACHE path in the cache named after VERSION. A file whose name carries its
 *   content hash (/_astro/*, Pagefind's index chunks) is copied from an older cache when one has it, so
 *   a new version downloads only what changed.
 * - activate: delete every other Param Lab cache, and take control of open pages.
 * - fetch: pages and other unhashed files go to the network first (a reader online sees the new
 *   version) and fall back to the cache; hashed files come from the cache first. An address the cache
 *   does not know, asked for offline, gets the 404 page of its locale.
 */

/* global VERSION, BASE, PRECACHE, LOCALES */
const CACHE_PREFIX = 'param-lab-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const PRECACHED = new Set(PRECACHE);

/** A file whose content never changes under its name: the build names it after a hash of the content. */
const isHashed = (path) => path.startsWith(`${BASE}_astro/`) || /\/pagefind\/(index|fragment|filter)\/|\.pf_meta$/.test(path);

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

/**
 * A few files at a time, at low priority: the first page's own requests (a lesson's calculator, the
 * lab's reader) share the browser's six connections to the host with these, and must not queue
 * behind a hundred and sixty of them.
 */
const PRECACHE_AT_ONCE = 3;

async function precache() {
  const cache = await caches.open(CACHE);
  const queue = [...PRECACHE];
  const store = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const kept = isHashed(path) ? await caches.match(path) : undefined;
      // `no-cache`: an unhashed file is checked with the server, never taken stale from the HTTP cache.
      const request = new Request(path, { cache: isHashed(path) ? 'default' : 'no-cache', priority: 'low' });
      const response = kept ?? (await fetch(request));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await cache.put(path, response);
    }
  };
  await Promise.all(Array.from({ length: PRECACHE_AT_ONCE }, store));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only this site's own GET requests; anything else goes on as if there were no service worker.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  // A copy for the cache is written after the answer is on its way (`keep`), never before it.
  const keep = (response) => event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, response)));
  if (request.mode === 'navigate') event.respondWith(page(request, url, keep));
  else if (isHashed(url.pathname)) event.respondWith(cacheFirst(request, url, keep));
  else event.respondWith(networkFirst(request, url, keep));
});

/** A page: the network's answer (stored for next time), else the stored page, else the locale's 404 page. */
async function page(request, url, keep) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && response.type === 'basic') keep(response.clone());
    return response;
  } catch (offline) {
    const cache = await caches.open(CACHE);
    for (const key of pageKeys(url.pathname)) {
      const stored = await cache.match(key);
      if (stored) return stored;
    }
    const notFound = await cache.match(notFoundPage(url.pathname));
    if (!notFound) throw offline;
    return new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
  }
}

/** The keys a page may be stored under: `/lab/` for `/lab/`, `/lab` and `/lab/index.html`. */
function pageKeys(path) {
  if (path.endsWith('/index.html')) return [path.slice(0, -'index.html'.length), path];
  if (path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)) return [path];
  return [path, `${path}/`];
}

/** The 404 page of the locale an address is in: `/zh-cn/…` → `/zh-cn/404.html`, else `/404.html`. */
function notFoundPage(path) {
  const locale = LOCALES.find((l) => path.startsWith(`${BASE}${l}/`) || path === `${BASE}${l}`);
  return locale ? `${BASE}${locale}/404.html` : `${BASE}404.html`;
}

async function cacheFirst(request, url, keep) {
  const stored = await caches.match(url.pathname);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') keep(response.clone());
  return response;
}

/** Any other file of the site (Pagefind's runtime, the favicon): kept only when it is in PRECACHE. */
async function networkFirst(request, url, keep) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && PRECACHED.has(url.pathname)) keep(response.clone());
    return response;
  } catch (offline) {
    const stored = await caches.match(url.pathname);
    if (stored) return stored;
    throw offline;
  }
}
