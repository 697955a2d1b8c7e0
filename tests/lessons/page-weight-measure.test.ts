/** The page-weight script's reading of HTML and modules, on a tiny made-up site. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SiteMeter, isLessonPage, scriptsOfHtml, staticImports } from '../../scripts/page-weight.ts';

const gz = (s: string): number => gzipSync(s, { level: 9 }).length;

describe('what a page asks for', () => {
  const html = `<!doctype html><html><head>
    <script type="module" src="/_astro/page.js"></script>
    <link rel="modulepreload" href="/_astro/preact.js">
    <link rel="stylesheet" href="/_astro/site.css">
    <script type="application/ld+json">{"@context":"https://schema.org"}</script>
    <script>document.documentElement.dataset.theme = 'dark';</script>
    <script type="module" src="/_astro/Search.astro_astro_type_script_index_0_lang.x.js"></script>
  </head><body>
    <astro-island uid="a" component-url="/_astro/Quiz.js" renderer-url="/_astro/client.js" props="{&quot;x&quot;:[0,1]}" client="visible"></astro-island>
    <astro-island uid="b" component-url="/_astro/Later.js" renderer-url="/_astro/client.js" client="interact"></astro-island>
  </body></html>`;

  it('lists module scripts, modulepreloads and island URLs (not those hydrated on interaction), and inline scripts that are JavaScript', () => {
    const { urls, inline } = scriptsOfHtml(html);
    expect(urls).toEqual([
      '/_astro/page.js',
      '/_astro/Search.astro_astro_type_script_index_0_lang.x.js',
      '/_astro/preact.js',
      '/_astro/Quiz.js',
      '/_astro/client.js',
    ]);
    expect(inline).toEqual([{ code: "document.documentElement.dataset.theme = 'dark';", module: false }]);
  });
});

describe('static imports', () => {
  it('finds minified and spaced static imports and re-exports, not dynamic ones', () => {
    const code =
      'import{a as b}from"./preact.js";import"./side.js";export*from"./re.js";import x, { y } from \'./spaced.js\';const m=import("./lazy.js");import.meta.url';
    expect(staticImports(code)).toEqual(['./preact.js', './side.js', './re.js', './spaced.js']);
  });
});

describe('measuring a page', () => {
  const files: Record<string, string> = {
    '/lessons/demo/index.html':
      '<script type="module" src="/_astro/page.js"></script><script>var t=1</script><script>var u=2</script>' +
      '<astro-island component-url="/_astro/Quiz.js" renderer-url="/_astro/client.js"></astro-island>' +
      '<script type="module" src="/_astro/Search.astro_astro_type_script_index_0_lang.x.js"></script>',
    '/_astro/page.js': 'export const page = 1;',
    '/_astro/Quiz.js': 'import{h}from"./preact.js";import"./hooks.js";export default ()=>h("p");const later=()=>import("./big.js");',
    '/_astro/client.js': 'import{render}from"./preact.js";export default render;',
    '/_astro/preact.js': 'export function h(){} export function render(){}',
    '/_astro/hooks.js': 'import{h}from"./preact.js";export const useState=()=>h;',
    '/_astro/big.js': 'x'.repeat(100_000),
    '/_astro/Search.astro_astro_type_script_index_0_lang.x.js': 'import("/pagefind/pagefind-ui.js")',
  };
  const read = async (path: string): Promise<string> => {
    const file = files[path];
    if (file === undefined) throw new Error(`no ${path}`);
    return file;
  };

  it('counts each loaded module once, gzipped, follows static imports only, and skips the search UI', async () => {
    const weight = await new SiteMeter(read).measurePage('/lessons/demo/');
    const loaded = ['/_astro/page.js', '/_astro/Quiz.js', '/_astro/client.js', '/_astro/preact.js', '/_astro/hooks.js'];
    expect(weight.scripts.map((s) => s.url).sort()).toEqual([...loaded, '2 inline scripts'].sort());
    const expected = loaded.reduce((n, path) => n + gz(files[path]!), 0) + gz('var t=1\nvar u=2');
    expect(weight.gzipBytes).toBe(expected);
  });
});

describe('which pages carry the budget', () => {
  it.each([
    ['/lessons/conv2d/', true],
    ['/zh-cn/lessons/conv2d/', true],
    ['/', false],
    ['/zh-cn/', false],
    ['/404.html', false],
  ])('%s → %s', (page, lesson) => {
    expect(isLessonPage(page)).toBe(lesson);
  });
});
