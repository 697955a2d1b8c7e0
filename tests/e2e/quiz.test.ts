/**
 * A lesson's self-check in real Chromium: the right answer is accepted in the formats people type
 * (18496, 18,496, 18 496, with a narrow no-break space), a wrong one is refused with the hint,
 * "show the solution" reveals the answer, and a right answer is remembered across a reload. The
 * expected count is worked out by hand here from the question's layer arguments, not by src/calc.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Fact, LessonModule, Question } from '@lessons/types.ts';
import { launchChromium } from './chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { watchProblems } from './page-problems.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

const grouped = (n: number): string => n.toLocaleString('en-US');

/**
 * The parameter count of a plain Dense or Conv2D (bias on, one group) by the textbook formulas,
 * or null for anything else: Dense units × (inputs + 1); Conv2D filters × (C_in × kh × kw + 1).
 */
function byHand(fact: Fact): number | null {
  if ('model' in fact) return null;
  const { type, args = {} } = fact.layer;
  const input = fact.input;
  if (input.length === 0 || Array.isArray(input[0]) || args['use_bias'] === false || (args['groups'] ?? 1) !== 1) return null;
  const last = input[input.length - 1];
  if (typeof last !== 'number') return null;
  if (type === 'Dense' && typeof args['units'] === 'number') return args['units'] * (last + 1);
  if (type === 'Conv2D' && typeof args['filters'] === 'number' && input.length === 4 && args['data_format'] === undefined) {
    const k = args['kernel_size'];
    const [kh, kw] = typeof k === 'number' ? [k, k] : Array.isArray(k) ? (k as number[]) : [NaN, NaN];
    return Number.isInteger(kh) && Number.isInteger(kw) ? args['filters'] * (last * kh! * kw! + 1) : null;
  }
  return null;
}

/** The first count question, in curriculum order, that hand arithmetic can check. */
async function findQuestion(): Promise<{ slug: string; question: Question; expected: number } | null> {
  for (const slug of ['conv2d', 'dense', 'flatten', 'putting-it-together', 'reading-the-summary', 'pooling']) {
    const mod = (await import(`../../src/lessons/${slug}.ts`).catch(() => null)) as Partial<LessonModule> | null;
    for (const question of mod?.quiz ?? []) {
      const expected = question.answer.ask === 'params' ? byHand(question.answer.fact) : null;
      if (expected !== null) return { slug, question, expected };
    }
  }
  return null;
}

failWhenChromiumRequired(executable);

const found = await findQuestion();

describe.skipIf(executable === '')('a lesson quiz in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has a count question that hand arithmetic can check', () => {
    expect(found, 'no Dense or Conv2D parameter question in conv2d, dense, flatten, … lessons').not.toBeNull();
  });

  /** Open the lesson, wait for the quiz to hydrate, and return the question's parts. */
  async function openQuestion(
    prefix: string,
    problems: string[],
  ): Promise<{ page: Page; item: Locator; input: Locator; feedback: Locator }> {
    const { slug, question } = found!;
    const page = await browser.newPage();
    watchProblems(page, ['console', 'uncaught'], problems);
    await page.goto(`${siteUrl}${prefix}/lessons/${slug}/`);
    const item = page.locator(`[data-question="lessons/${slug}/${question.id}"]`);
    await item.scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .pl-quiz').first().waitFor();
    const input = item.getByRole('textbox');
    return { page, item, input, feedback: item.getByRole('status') };
  }

  /** Type an answer, press Enter, and wait for the verdict. */
  async function expectVerdict(item: Locator, input: Locator, typed: string, verdict: 'right' | 'wrong' | 'unreadable'): Promise<void> {
    await input.fill(typed);
    await input.press('Enter');
    await expect.poll(() => item.getAttribute('data-verdict'), { message: `typed ${JSON.stringify(typed)}` }).toBe(verdict);
  }

  it.skipIf(!found)(
    'accepts the right count as 18496, 18,496, 18 496 and with a narrow no-break space, and refuses a wrong one',
    async () => {
      const problems: string[] = [];
      const { page, item, input, feedback } = await openQuestion('', problems);
      const n = found!.expected;
      const label = await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      expect(label).toContain(found!.question.prompt.en.replace(/`/g, '').slice(0, 20));
      expect(await feedback.getAttribute('aria-live')).toBe('polite');

      await expectVerdict(item, input, grouped(n + 1), 'wrong');
      if (found!.question.hint) expect(await feedback.textContent()).toContain(found!.question.hint.en.replace(/`/g, '').slice(0, 15));
      expect(await item.locator('[data-solution]').count()).toBe(0);

      for (const typed of [String(n), grouped(n), grouped(n).replace(/,/g, ' '), grouped(n).replace(/,/g, '\u202f')]) {
        await expectVerdict(item, input, 'many', 'unreadable'); // a different verdict first, so each format is judged afresh
        await expectVerdict(item, input, typed, 'right');
      }
      expect(await item.locator('[data-solution]').textContent()).toContain(grouped(n));

      // A right answer is remembered: back at "right" after a reload.
      await expectVerdict(item, input, grouped(n), 'right');
      await page.reload();
      await item.scrollIntoViewIfNeeded();
      await expect.poll(() => item.getAttribute('data-verdict')).toBe('right');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!found)('shows the solution on request, keyboard only, in Chinese', async () => {
    const problems: string[] = [];
    const { page, item, input } = await openQuestion('/zh-cn', problems);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await item.scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .pl-quiz').first().waitFor();
    await input.focus();
    await page.keyboard.press('Tab'); // the Check button
    await page.keyboard.press('Tab'); // "show the solution"
    await page.keyboard.press('Enter');
    await expect.poll(() => item.locator('[data-solution]').textContent()).toContain(grouped(found!.expected));
    expect(await item.textContent()).toContain(found!.question.prompt['zh-cn'].replace(/`/g, '').slice(0, 10));
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!found)('does not count an answer typed after "Show the solution" as solved, and says so', async () => {
    const problems: string[] = [];
    const { page, item, input, feedback } = await openQuestion('', problems);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await item.scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .pl-quiz').first().waitFor();
    const progress = item.locator('xpath=ancestor::section[contains(@class, "pl-quiz")]').locator('.pl-quiz-progress');
    await item.locator('.pl-quiz-show-solution').click();
    await expect.poll(() => progress.getAttribute('data-revealed')).toBe('1');
    await input.fill(grouped(found!.expected));
    await input.press('Enter');
    await expect.poll(() => item.getAttribute('data-verdict')).toBe('right');
    expect(await feedback.textContent()).toContain('does not count');
    expect(await progress.getAttribute('data-solved')).toBe('0');
    expect(await progress.textContent()).toContain('not counted');
    // and after a reload the reveal is remembered: the solution shows, nothing is solved
    await page.reload();
    await item.scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .pl-quiz').first().waitFor();
    await expect.poll(() => item.locator('[data-solution]').count()).toBe(1);
    expect(await progress.getAttribute('data-solved')).toBe('0');
    expect(problems).toEqual([]);
    await page.close();
  });
});
