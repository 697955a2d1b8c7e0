/**
 * A rehype plugin that words Starlight's heading anchor links in the page's language.
 *
 * Starlight adds, after every heading, a link whose screen-reader text is "Section titled “…”"
 * (its `heading.anchorLabel`). It picks the language from the file's path under src/content/docs;
 * this site keeps its pages in ./content/docs, so every page got the English label. This plugin runs
 * after Starlight's and rewrites the label of pages under a locale's folder with that locale's
 * `heading.anchorLabel` from src/content/i18n (the same strings Starlight reads).
 */

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Anchor label templates by locale folder (`zh-cn`), each with `{{title}}`. */
export type AnchorLabels = Record<string, string>;

const classes = (n: HastNode): string[] => {
  const c = n.properties?.className ?? n.properties?.class;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const textOf = (n: HastNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(textOf).join(''));

/** The locale folder a page's file lives in (`…/content/docs/zh-cn/lessons/x.mdx` → `zh-cn`), if any. */
export function localeFolder(path: string | undefined, labels: AnchorLabels): string | null {
  const m = /\/content\/docs\/([^/]+)\//.exec((path ?? '').replace(/\\/g, '/'));
  return m?.[1] !== undefined && m[1] in labels ? m[1] : null;
}

function relabel(node: HastNode, template: string): void {
  for (const child of node.children ?? []) {
    if (child.type === 'element' && classes(child).includes('sl-heading-wrapper')) {
      const heading = child.children?.find((c) => c.type === 'element' && /^h[1-6]$/.test(c.tagName ?? ''));
      const link = child.children?.find((c) => c.type === 'element' && classes(c).includes('sl-anchor-link'));
      const label = link?.children?.find((c) => c.type === 'element' && classes(c).includes('sr-only'));
      if (heading && label) label.children = [{ type: 'text', value: template.replace('{{title}}', textOf(heading)) }];
    } else {
      relabel(child, template);
    }
  }
}

/** The plugin: `rehypePlugins: [[rehypeAnchorLabels, { 'zh-cn': '链接到小节“{{title}}”' }]]`. */
export default function rehypeAnchorLabels(labels: AnchorLabels) {
  return (tree: HastNode, file: { path?: string }): void => {
    const folder = localeFolder(file.path, labels);
    if (folder !== null) relabel(tree, labels[folder] as string);
  };
}
