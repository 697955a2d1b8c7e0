/**
 * The soft break of a hard-wrapped Chinese source line vanishes; every other break stays a space.
 * Trees are written by hand in mdast's shape (what remark hands the plugin).
 */
import { describe, expect, it } from 'vitest';
import remarkCjkLineBreaks, { joinsWithoutSpace } from '../../src/markdown/cjk-line-breaks.ts';

type Node = { type: string; value?: string; children?: Node[] };
const text = (value: string): Node => ({ type: 'text', value });
const para = (...children: Node[]): Node => ({ type: 'root', children: [{ type: 'paragraph', children }] });
const run = (tree: Node): Node[] => {
  remarkCjkLineBreaks()(tree);
  return tree.children?.[0]?.children ?? [];
};

describe('joinsWithoutSpace', () => {
  it('joins Chinese to Chinese and to full-width punctuation', () => {
    expect(joinsWithoutSpace('，', '它')).toBe(true);
    expect(joinsWithoutSpace('个', '都')).toBe(true);
    expect(joinsWithoutSpace('的', '“')).toBe(true);
  });
  it('joins anything to full-width punctuation, which carries its own spacing: 权重，GRU', () => {
    expect(joinsWithoutSpace('，', 'G')).toBe(true);
    expect(joinsWithoutSpace('U', '。')).toBe(true);
    expect(joinsWithoutSpace('）', '3')).toBe(true);
  });
  it('keeps the space next to Latin letters, digits and English quotes', () => {
    expect(joinsWithoutSpace('的', 'C')).toBe(false);
    expect(joinsWithoutSpace('2', '个')).toBe(false);
    expect(joinsWithoutSpace('”', 'a')).toBe(false);
    expect(joinsWithoutSpace('s', 't')).toBe(false);
  });
});

describe('remarkCjkLineBreaks', () => {
  it('drops the break inside one text node between Chinese characters', () => {
    const [t] = run(para(text('这些数字并不神秘，\n它们都由一个公式算出。32 个滤波器中的每一个\n都是覆盖')));
    expect(t?.value).toBe('这些数字并不神秘，它们都由一个公式算出。32 个滤波器中的每一个都是覆盖');
  });
  it('leaves English and mixed breaks alone', () => {
    const [t] = run(para(text('one short formula\nproduces all three; 输入形状\nConv2D 层\n32 个')));
    expect(t?.value).toBe('one short formula\nproduces all three; 输入形状\nConv2D 层\n32 个');
  });
  it('drops a break at the edge of a text node next to emphasis', () => {
    const children = run(para(text('叫作'), { type: 'strong', children: [text('单元')] }, text('\n它的输入有两个')));
    expect(children[2]?.value).toBe('它的输入有两个');
  });
  it('drops a trailing break before a link whose text is Chinese', () => {
    const children = run(para(text('请看\n'), { type: 'link', children: [text('卷积一课')] }));
    expect(children[0]?.value).toBe('请看');
  });
  it('keeps a break next to inline code (one space between Chinese and code)', () => {
    const children = run(para(text('加上一个\n'), { type: 'inlineCode', value: 'BatchNormalization' }, text('\n层')));
    expect(children[0]?.value).toBe('加上一个\n');
    expect(children[2]?.value).toBe('\n层');
  });
  it('keeps a break next to a component whose text is not in the tree', () => {
    const children = run(para(text('参数量是\n'), { type: 'mdxJsxTextElement' }, text('\n个')));
    expect(children[0]?.value).toBe('参数量是\n');
    expect(children[2]?.value).toBe('\n个');
  });
  it('does not touch code blocks', () => {
    const tree: Node = { type: 'root', children: [{ type: 'code', value: '# 中文\n注释' }] };
    remarkCjkLineBreaks()(tree);
    expect(tree.children?.[0]?.value).toBe('# 中文\n注释');
  });
});
