// @ts-check
/**
 * Expressive Code's settings for every code block (Markdown fences and Starlight's <Code>, which
 * reads this file too). One addition: each block's <pre> carries a name in the page's language.
 *
 * Why: Expressive Code's script makes a block that scrolls sideways focusable and a `region`
 * landmark, so arrow keys can scroll it. A page with two such blocks then has two landmarks with
 * the same (empty) name, which screen-reader users cannot tell apart (axe: landmark-unique). The
 * name says what the block holds and where it starts: "Python code, lines 1–12: import keras".
 */
import { PluginTexts, defineEcConfig, definePlugin } from '@astrojs/starlight/expressive-code';

/** The words of a block's name, per locale (Expressive Code picks the page's). */
const texts = new PluginTexts({
  code: '{language} code',
  text: 'Text',
  lines: '{what}, lines 1–{count}: {first}',
  line: '{what}, 1 line: {first}',
});
texts.addLocale('zh-CN', {
  code: '{language} 代码',
  text: '文本',
  lines: '{what}，第 1–{count} 行：{first}',
  line: '{what}，1 行：{first}',
});

/** How a fence's language is named in prose; a language not listed goes by its id. */
const LANGUAGES = /** @type {Record<string, string>} */ ({
  python: 'Python',
  py: 'Python',
  js: 'JavaScript',
  ts: 'TypeScript',
  sh: 'Shell',
  bash: 'Shell',
});
const PLAIN = new Set(['', 'text', 'txt', 'plaintext', 'plain']);
/** The first line shown in the name stops here, so the name stays short to listen to. */
const FIRST_LINE_CHARS = 40;

/** Fill `{key}` slots in a template. */
const fill = (/** @type {string} */ template, /** @type {Record<string, string | number>} */ values) =>
  template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));

function pluginBlockNames() {
  return definePlugin({
    name: 'Param Lab block names',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData, locale }) => {
        const t = texts.get(locale);
        const lines = codeBlock.getLines().map((line) => line.text);
        const first = (lines.find((line) => line.trim() !== '') ?? '').trim().replace(/\s+/g, ' ');
        const short = first.length > FIRST_LINE_CHARS ? `${first.slice(0, FIRST_LINE_CHARS - 1)}…` : first;
        const title = typeof codeBlock.props.title === 'string' ? codeBlock.props.title.trim() : '';
        const language = codeBlock.language.toLowerCase();
        const what =
          title !== '' ? title : PLAIN.has(language) ? t.text : fill(t.code, { language: LANGUAGES[language] ?? codeBlock.language });
        const name = fill(lines.length === 1 ? t.line : t.lines, { what, count: lines.length, first: short });
        /** @param {import('@astrojs/starlight/expressive-code/hast').Element} node */
        const label = (node) => {
          if (node.tagName === 'pre') node.properties['ariaLabel'] = name;
          for (const child of node.children) if (child.type === 'element') label(child);
        };
        label(renderData.blockAst);
      },
    },
  });
}

export default defineEcConfig({
  plugins: [pluginBlockNames()],
});
