/**
 * What the service worker stores (src/integrations/service-worker.ts, docs/offline.md), on a small
 * hand-made site: every page, script, stylesheet and WOFF2 font, the favicon and Pagefind's runtime
 * and index; not the fallback fonts, Pagefind's unused UI bundles or what only crawlers read. The
 * version follows the contents.
 */
import { describe, expect, it } from 'vitest';
import { isPrecached, precacheEntries, sitePath, versionOf } from '../../src/integrations/service-worker.ts';
import { useHandMadeSites } from './hand-made-site.ts';

const site = useHandMadeSites('param-lab-sw-');

describe('the precache list', () => {
  it('takes pages, scripts, stylesheets, WOFF2 fonts, the favicon and what search loads', () => {
    for (const file of [
      'index.html',
      'zh-cn/lessons/conv2d/index.html',
      '404.html',
      'zh-cn/404.html',
      '_astro/Lab.Bq06Rlxe.js',
      '_astro/common.CPaalcQD.css',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      'favicon.svg',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_fc7a4b2d36.pf_meta',
      'pagefind/wasm.en.pagefind',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/index/zh-cn_5f3ac01.pf_index',
      'pagefind/fragment/en_2698b43.pf_fragment',
    ])
      expect(isPrecached(file), file).toBe(true);
  });

  it('leaves out fallback fonts, Pagefind’s own UI, the worker itself and files for crawlers', () => {
    for (const file of [
      '_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
      '_astro/KaTeX_AMS-Regular.DRggAlZN.ttf',
      'pagefind/pagefind-ui.js',
      'pagefind/pagefind-ui.css',
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-modular-ui.css',
      'pagefind/pagefind-highlight.js',
      'sw.js',
      'social/card.png',
      'robots.txt',
      'sitemap-index.xml',
      '_redirects',
    ])
      expect(isPrecached(file), file).toBe(false);
  });

  it('asks for a folder’s index.html by the folder’s address', () => {
    expect(sitePath('/', 'index.html')).toBe('/');
    expect(sitePath('/', 'zh-cn/lessons/conv2d/index.html')).toBe('/zh-cn/lessons/conv2d/');
    expect(sitePath('/', 'zh-cn/404.html')).toBe('/zh-cn/404.html');
    expect(sitePath('/param-lab/', 'lab/index.html')).toBe('/param-lab/lab/');
  });

  it('lists a built site’s files sorted, with their sizes, under the base path', async () => {
    const out = await site({
      'index.html': '<p>home</p>',
      'lab/index.html': '<p>lab</p>',
      '_astro/Lab.abc.js': 'export {};',
      '_astro/KaTeX.x.ttf': 'font',
      'robots.txt': 'User-agent: *',
    });
    const entries = await precacheEntries(out, '/');
    expect(entries.map((e) => e.path)).toEqual(['/', '/_astro/Lab.abc.js', '/lab/']);
    // '<p>home</p>' is 11 characters
    expect(entries[0]!.bytes).toBe(11);
  });

  it('versions the list by its contents: same files, same version; one byte changed, a new one', async () => {
    const before = versionOf(await precacheEntries(await site({ 'index.html': 'a', '_astro/x.js': 'b' }), '/'));
    const same = versionOf(await precacheEntries(await site({ 'index.html': 'a', '_astro/x.js': 'b' }), '/'));
    const changed = versionOf(await precacheEntries(await site({ 'index.html': 'a', '_astro/x.js': 'c' }), '/'));
    expect(same).toBe(before);
    expect(changed).not.toBe(before);
  });
});
