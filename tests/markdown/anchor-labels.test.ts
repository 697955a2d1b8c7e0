/** Heading anchor labels in the page's language: hast trees written by hand in Starlight's shape. */
import { describe, expect, it } from 'vitest';
import rehypeAnchorLabels, { localeFolder } from '../../src/markdown/anchor-labels.ts';

const text = (value: string) => ({ type: 'text', value });
const wrapper = (title: string) => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'div',
      properties: { className: ['sl-heading-wrapper', 'level-h2'] },
      children: [
        { type: 'element', tagName: 'h2', properties: { id: 'x' }, children: [text(title)] },
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['sl-anchor-link'], href: '#x' },
          children: [
            { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [text(`Section titled “${title}”`)] },
          ],
        },
      ],
    },
  ],
});
/** The text of the anchor link's screen-reader span. */
const label = (tree: ReturnType<typeof wrapper>): string | undefined => {
  const link = tree.children[0]?.children[1] as { children: { children: { value: string }[] }[] } | undefined;
  return link?.children[0]?.children[0]?.value;
};

describe('rehypeAnchorLabels', () => {
  const labels = { 'zh-cn': '链接到小节“{{title}}”' };
  it('words the label of a page in a locale folder', () => {
    const tree = wrapper('通道乘积');
    rehypeAnchorLabels(labels)(tree, { path: '/site/content/docs/zh-cn/lessons/conv2d.mdx' });
    expect(label(tree)).toBe('链接到小节“通道乘积”');
  });
  it('leaves an English page as Starlight wrote it', () => {
    const tree = wrapper('The channel products');
    rehypeAnchorLabels(labels)(tree, { path: '/site/content/docs/lessons/conv2d.mdx' });
    expect(label(tree)).toBe('Section titled “The channel products”');
  });
  it('reads the locale folder from the path', () => {
    expect(localeFolder('C:\\site\\content\\docs\\zh-cn\\index.mdx', labels)).toBe('zh-cn');
    expect(localeFolder('/site/content/docs/lessons/dense.mdx', labels)).toBeNull();
    expect(localeFolder(undefined, labels)).toBeNull();
  });
});
