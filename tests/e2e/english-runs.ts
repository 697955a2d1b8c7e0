/**
 * The runs of two or more English words a reader can see on a page (code, maths and hidden text
 * left out), and the names that may stand in Chinese text as they are. tests/e2e/zh-english.test.ts
 * walks every /zh-cn/ page with it; the lab's test walks the lab in its opened states.
 */
import type { Page } from 'playwright-core';

/** Names, not sentences: they are written this way in Chinese text too. */
export const NAMES = new Set([
  'Param Lab', // the site's name
  'Output Shape', // Keras's column titles, quoted as the reader sees them in a summary
  'Connected to',
  'Total params',
  'Trainable params',
  'Non-trainable params',
  'PyTorch MaxPool', // other frameworks' layer names, compared with Keras's
  'Caffe Pooling',
  'Caffe Convolution',
  'Keras Conv',
  'NVIDIA cuDNN', // a library's name
  'the cat sat down', // the example sentence an Embedding turns into indices
]);

/** Every visible run of English words on the page that is not one of NAMES. */
export async function englishRuns(page: Page): Promise<string[]> {
  const runs = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('code, pre, kbd, .katex, .expressive-code, script, style, template, [aria-hidden="true"]')) continue;
      if (el.getClientRects().length === 0) continue; // not rendered
      for (const m of (n.textContent ?? '').matchAll(/[A-Za-z][A-Za-z'’-]+(?:\s+[A-Za-z][A-Za-z'’-]+)+/g)) out.push(m[0]);
    }
    return out;
  });
  return runs.filter((r) => !NAMES.has(r));
}
