/**
 * axe-core (node_modules/axe-core, Deque's accessibility rules) in real Chromium on every built
 * page in both locales — the home page, every lesson, the model lab, practice and the 404 page —
 * with every island awake and every <details> open, and then on the states a reader gets to by
 * using the page: a calculator with changed and invalid fields, the lab with a summary and its
 * explanations and with a broken paste, an exercise answered wrong with a hint and the solution
 * shown, practice after an answer, and the search dialog open. Each expects no violation; a failure
 * lists every one by rule, page and the offending element (its selector and HTML). The built pages
 * are checked again in the dark theme, whose colours differ.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { sitePages } from './site-pages.ts';
import { hydratedCalculator, useBrowser, wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const root = fileURLToPath(new URL('../../', import.meta.url));
const AXE = `${root}node_modules/axe-core/axe.min.js`;

const LOCALES = [{ prefix: '' }, { prefix: '/zh-cn' }] as const;

/**
 * Every page the site builds from content/docs, in both locales (tests/e2e/site-pages.ts): the home
 * page, the lab, practice, the 404 page (Starlight writes the root locale's as /404.html) and every lesson.
 */
const PAGES = sitePages();

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * axe's violations on the page as it stands, one line per offending element:
 * `rule (impact) on page: target — html`, so a failure says what to fix and where.
 */
async function violations(page: Page, state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'no impact'}: ${v.help}) on ${state}: ${n.target.map(String).join(' ')} — ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`,
    ),
  );
}

/** Wake every island, open every <details>, and let the page settle (no pending hydration). */
async function everythingShown(page: Page): Promise<void> {
  await wakeIslands(page);
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
}

const MNIST_CODE = `import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10),
])
`;

describe.skipIf(executable === '')('axe-core finds nothing to fix', () => {
  const session = useBrowser(executable, siteUrl);

  it('knows the pages: home, lab, practice, 404 and 14 lessons, in each locale', () => {
    for (const { prefix } of LOCALES) {
      const mine = PAGES.filter((p) => (prefix === '' ? !p.startsWith('/zh-cn/') : p.startsWith(`${prefix}/`)));
      expect(mine).toContain(`${prefix}/`);
      expect(mine).toContain(`${prefix}/lab/`);
      expect(mine).toContain(`${prefix}/practice/`);
      expect(mine.filter((p) => p.includes('/lessons/')).length).toBeGreaterThanOrEqual(14);
    }
    expect(PAGES).toContain('/404.html');
  });

  for (const path of PAGES) {
    it(`${path}: as built, every island awake and every <details> open`, async () => {
      const { page, problems } = await session.open(path);
      await everythingShown(page);
      expect(await violations(page, path)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  // Starlight's dark theme has its own colours: the same sweep with the reader's choice stored as dark.
  for (const path of PAGES) {
    it(`${path}: in the dark theme`, async () => {
      const { page, problems } = await session.open(path, undefined, async (p) => {
        await p.emulateMedia({ colorScheme: 'dark' });
        await p.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
      });
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      await everythingShown(page);
      expect(await violations(page, `${path} (dark theme)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  for (const { prefix } of LOCALES) {
    const home = `${prefix}/` as const;

    it(`${prefix}/lessons/conv2d/: a calculator with changed fields, then one it cannot compute (the message shown)`, async () => {
      const path = `${prefix}/lessons/conv2d/`;
      const { page, problems } = await session.open(path);
      const id = await page.locator('[data-calculator]').first().getAttribute('data-calculator');
      const calc = await hydratedCalculator(page, id!);
      const box = (field: string) => calc.locator(`[data-field="${field}"] input[type="text"]`);
      await box('filters').fill('16');
      await calc.locator('[data-field="padding"] input[value="same"]').check();
      // 16 filters on 13×13×32: 16 × (32 × 3 × 3 + 1) = 4,624
      await expect.poll(() => calc.locator('[data-layer="0"] [data-result="params"]').textContent()).toBe('4,624');
      expect(await violations(page, `${path} (filters = 16, padding = "same")`)).toEqual([]);
      await box('kernel_size[1]').fill('0');
      await expect.poll(() => calc.locator('output').getAttribute('data-stale')).toBe('true');
      const described = ((await box('kernel_size[1]').getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
      await calc.locator(described.map((d) => `[id="${d}"].pl-field__error`).join(', ')).waitFor();
      expect(await violations(page, `${path} (kernel_size = 0, the message shown)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix}/lab/: a pasted model's summary with a row's explanation open, then a broken paste`, async () => {
      const path = `${prefix}/lab/`;
      const { page, problems } = await session.open(path);
      await wakeIslands(page);
      await page.locator('.pl-lab[data-ready="true"]').waitFor();
      await page.click('[data-tab="paste"]');
      await page.locator('.pl-code__input').fill(MNIST_CODE);
      await page.locator('tbody tr[data-name]').nth(3).waitFor();
      await page.locator('tr[data-name] .pl-lab__select').first().click();
      await page.locator('.pl-lab__details-row').waitFor();
      await everythingShown(page);
      expect(await violations(page, `${path} (MNIST pasted, first row opened)`)).toEqual([]);
      await page.locator('.pl-code__input').fill(MNIST_CODE.replace('layers.Dense(10)', 'layers.Dense(10, kernel_size=)'));
      await page.locator('[data-problem="paste"]').waitFor();
      expect(await violations(page, `${path} (a broken paste)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix}/lessons/conv2d/: an exercise answered wrong, a hint and the solution shown`, async () => {
      const path = `${prefix}/lessons/conv2d/`;
      const { page, problems } = await session.open(path);
      const set = page.locator('.pl-ex-set');
      await set.scrollIntoViewIfNeeded();
      await set.hover();
      await page.locator('.pl-ex-set[data-ready="true"]').waitFor();
      const card = page.locator('[data-template="conv2d-params"]');
      const input = card.locator('input[type="text"]');
      await input.fill('1');
      await input.press('Enter');
      await expect.poll(() => card.getAttribute('data-verdict')).toBe('wrong');
      expect(await violations(page, `${path} (a wrong answer's feedback)`)).toEqual([]);
      await card.locator('.pl-ex__hint-button').click();
      await card.locator('[data-hint="1"]').waitFor();
      await card.locator('.pl-ex__solution-button').click();
      await card.locator('[data-solution]').waitFor();
      expect(await violations(page, `${path} (a hint and the solution shown)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix}/practice/: after a wrong answer`, async () => {
      const path = `${prefix}/practice/?ex=conv2d-params.7`;
      const { page, problems } = await session.open(path);
      const card = page.locator('.pl-practice__card [data-exercise]');
      await page.locator('.pl-practice[data-ready="true"] .pl-practice__card [data-exercise]').waitFor();
      await card.locator('[data-blank-input]').first().fill('1');
      await card.locator('.pl-ex__check').click();
      await expect.poll(() => card.getAttribute('data-verdict')).toBe('wrong');
      await everythingShown(page);
      expect(await violations(page, `${path} (answered wrong)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${home}: the search dialog open, with results`, async () => {
      const { page, problems } = await session.open(home, { width: 1280, height: 900 });
      await page.locator('button[data-open-modal]').first().click();
      await page.locator('dialog[open] input').first().fill('Conv2D');
      await page.locator('dialog[open] .pagefind-ui__result').first().waitFor({ timeout: 20_000 });
      expect(await violations(page, `${home} (search for Conv2D)`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
