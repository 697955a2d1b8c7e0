/**
 * The build's link check (src/integrations/link-check.ts) on small hand-made sites: it must find
 * each kind of broken link and pass every kind of good one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/integrations/link-check.ts';
import { placeLocale404s } from '../../src/integrations/not-found.ts';
import { useHandMadeSites } from './hand-made-site.ts';

const site = useHandMadeSites('param-lab-links-');

const page = (body: string): string => `<!doctype html><html><body>${body}</body></html>`;

describe('the build link check', () => {
  it('passes links to pages, folders, files and fragments that exist', async () => {
    const root = await site({
      'index.html': page(
        '<a href="/lessons/conv2d/">a</a> <a href="lessons/conv2d/#bias">b</a> <a href="/favicon.svg">c</a>' +
          '<a href="#top">d</a><h1 id="top">x</h1> <a href="/lessons/conv2d">e</a> <a href="https://keras.io/api/">f</a>' +
          '<a href="/practice/?ex=dense-params.3">g</a> <a href="mailto:a@b.c">h</a>',
      ),
      'lessons/conv2d/index.html': page('<h2 id="bias">Bias</h2><a href="../../">home</a><a href=\'../conv2d/#bias\'>self</a>'),
      'practice/index.html': page('<p>practice</p>'),
      'favicon.svg': '<svg/>',
    });
    expect(await checkLinks(root)).toEqual([]);
  });

  it('reports a missing page, a missing fragment and a missing file, naming the page that links', async () => {
    const root = await site({
      'index.html': page('<a href="/lessons/dense/">a</a> <a href="/lessons/conv2d/#bais">b</a> <a href="/card.png">c</a>'),
      'lessons/conv2d/index.html': page('<h2 id="bias">Bias</h2>'),
    });
    expect(await checkLinks(root)).toEqual([
      { page: '/', href: '/lessons/dense/', reason: 'no such page' },
      { page: '/', href: '/lessons/conv2d/#bais', reason: 'no such fragment' },
      { page: '/', href: '/card.png', reason: 'no such page' },
    ]);
  });

  it('treats absolute links to the configured site as internal, and decodes entities and escapes', async () => {
    const root = await site({
      'index.html': page(
        '<a href="https://param-lab.example/lab/">a</a> <a href="https://param-lab.example/gone/">b</a>' +
          '<a href="/lab/#%E5%81%8F%E7%BD%AE">c</a> <a href="/lab/?a=1&amp;b=2#x">d</a>',
      ),
      'lab/index.html': page('<h2 id="偏置">偏置</h2><p id="x"></p>'),
    });
    expect(await checkLinks(root, 'https://param-lab.example')).toEqual([
      { page: '/', href: 'https://param-lab.example/gone/', reason: 'no such page' },
    ]);
    // Without `site`, another origin is not checked.
    expect(await checkLinks(root)).toEqual([]);
  });
});

describe('the locale 404 pages', () => {
  it('copies each locale folder’s 404/index.html to 404.html beside it, and nothing else', async () => {
    const root = await site({
      '404.html': page('not found'),
      'zh-cn/404/index.html': page('找不到页面'),
      'zh-cn/lab/index.html': page('实验室'),
      'lab/index.html': page('lab'),
    });
    expect(await placeLocale404s(root)).toEqual(['zh-cn/404.html']);
    expect(await readFile(join(root, 'zh-cn/404.html'), 'utf8')).toBe(page('找不到页面'));
  });
});
