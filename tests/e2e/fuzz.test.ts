/**
 * Issue #11: every number-taking island on every lesson page — each layer calculator, the padding
 * comparisons, the model editor — survives a seeded pseudo-random run of what a reader's hands do:
 * random typing (digits, signs, dots, `e`, letters, full-width digits, Chinese, spaces, emoji),
 * pasting, extreme values, toggling radios, checkboxes and selects, runs of Backspace, arrow keys.
 *
 * After every step: no console error and no uncaught exception; the island shows no `NaN`,
 * `undefined`, `Infinity`, `null` or `[object`; it still shows its result; every message sits with
 * its field (aria-describedby or inside the field's block); and the text just typed is still in the
 * field. At the end the fields get their starting values back, typed, and the result is fresh again.
 *
 * The seeds are fixed (one per locale, page and island), so a failure reproduces: the message
 * names the seed and lists every action up to the one that broke. English pages run the long
 * sequence; Chinese pages a shorter one with their own seeds (their words differ, the code does not).
 * The random letters never spell the forbidden words, so finding one is the island's doing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { rng as seeded } from '@exercises/rng.ts';
import { seedOf } from '@exercises/sets.ts';
import type { Rng } from '@exercises/types.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

const LOCALES = [
  { name: 'en', prefix: '', steps: 12, exerciseSteps: 4 },
  { name: 'zh-cn', prefix: '/zh-cn', steps: 5, exerciseSteps: 2 },
] as const;

const pagesDir = fileURLToPath(new URL('../../content/docs/lessons/', import.meta.url));
const slugs = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -4))
  .sort();

/** How many number-taking islands a lesson's source embeds, so the page is held to finding them all. */
const embedded = (prefix: string, slug: string): number => {
  const source = readFileSync(fileURLToPath(new URL(`../../content/docs${prefix}/lessons/${slug}.mdx`, import.meta.url)), 'utf8');
  return source.match(/<(Calculator|PaddingCompare|ModelEditor)\s/g)?.length ?? 0;
};

/** The islands that take numbers: the layer calculators, the padding comparisons, the model editor. */
const ISLANDS = '[data-calculator], [data-compare], .pl-editor';

/** What no island may ever show. */
const FORBIDDEN = /NaN|undefined|Infinity|null|\[object/;

/**
 * What random typing draws from. No `n`, `u`, `l`, `I`, `f` or `[` among the letters, so no run
 * of them spells a forbidden word that a message might quote back.
 */
const PIECES = [
  ...'0123456789',
  ...'0123456789',
  '-',
  '+',
  '.',
  ',',
  '_',
  'e',
  'E',
  'a',
  'x',
  'z',
  'k',
  '１',
  '２',
  '０',
  '．',
  '－',
  '\u2212',
  '三',
  '中',
  ' ',
  '\u00a0',
  '😀',
  '🧮',
  '(',
  ')',
];

/** Values at the edges: zero, negatives, past the size limit, past exact arithmetic, past a double, empty, blank. */
const EXTREMES = [
  '0',
  '-1',
  '-0',
  '1e9',
  '1e308',
  '1e309',
  '99999999999999999999',
  String(2 ** 53 + 1),
  '',
  ' ',
  '   ',
  '0.5',
  '1.0',
  '3e0',
  '65536',
  '65537',
  '１２',
  '1,024',
  '+3',
  '\u22123',
  '0x10',
  '1_000',
  '1e-9',
  '5e-324',
  '.5',
  '1.',
  '0.99999999999999999',
  '(28, 28, 1)',
  '(None, 3)',
  '()',
];

const randomText = (rng: Rng): string => Array.from({ length: rng.int(0, 7) }, () => rng.pick(PIECES)).join('');

/** A control inside the island, found again by its id, or by kind and position when it has none. */
interface Control {
  key: string;
  kind: 'text' | 'range' | 'radio' | 'checkbox' | 'select';
  value: string;
  checked: boolean;
}

/** Every control of the island as it is now (runs in the page). */
function readControls(island: Element): Control[] {
  const counts: Record<string, number> = {};
  return Array.from(island.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')).map((el) => {
    const kind = (el instanceof HTMLSelectElement ? 'select' : el.type) as Control['kind'];
    const n = (counts[kind] = (counts[kind] ?? -1) + 1);
    const key =
      kind === 'radio'
        ? `input[type="radio"][name="${el.getAttribute('name')}"][value="${el.getAttribute('value')}"]`
        : el.id
          ? `[id="${el.id}"]`
          : `${kind === 'select' ? 'select' : `input[type="${kind}"]`} >> nth=${n}`;
    return { key, kind, value: el.value, checked: el instanceof HTMLInputElement && el.checked };
  });
}

/**
 * What is wrong with the island now (runs in the page): forbidden words in what it shows, a
 * result gone blank, a message that sits with no field, an invalid field that points at nothing.
 */
function judge(island: Element, forbidden: string, needsResult: boolean): string[] {
  const wrong: string[] = [];
  const shown = island.textContent ?? '';
  const bad = new RegExp(forbidden).exec(shown);
  if (bad) {
    const at = Math.max(0, bad.index - 60);
    wrong.push(`shows "${bad[0]}": …${shown.slice(at, bad.index + 60).replace(/\s+/g, ' ')}…`);
  }
  // a number past 1e21 prints as 1e+21: a result shows digits, never exponent notation
  for (const n of Array.from(island.querySelectorAll('[data-result]'))) {
    if (/\de[+-]?\d/.test(n.textContent ?? '')) wrong.push(`${n.getAttribute('data-result')} reads "${n.textContent}"`);
  }
  const results = Array.from(island.querySelectorAll<HTMLElement>('output, table'));
  if (needsResult && !results.some((r) => (r.textContent ?? '').trim() !== '')) wrong.push('its result went blank');
  const described = new Set(
    Array.from(island.querySelectorAll('[aria-describedby]')).flatMap((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/)),
  );
  for (const error of Array.from(island.querySelectorAll<HTMLElement>('.pl-field__error'))) {
    const inField = error.closest('.pl-field')?.querySelector('input, select') != null;
    const pointed = error.id !== '' && described.has(error.id);
    const inColumn = error.closest('.pl-calc__column, .pl-editor__layer, output') != null;
    if (!inField && !pointed && !inColumn) wrong.push(`the message "${(error.textContent ?? '').trim()}" is tied to no field`);
  }
  for (const el of Array.from(island.querySelectorAll('[aria-invalid="true"]'))) {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
    if (!texts.some((t) => t !== '')) wrong.push(`${el.id || el.tagName} is marked invalid but describes no message (${ids.join(' ')})`);
  }
  return wrong;
}

/**
 * Once the island has computed what it was given (the engine may still be loading): what is wrong
 * with it and its controls as they are now (runs in the page, one round trip per step).
 */
function settledLook(island: Element, forbidden: string, needsResult: boolean): Promise<{ wrong: string[]; controls: Control[] }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const check = (): void => {
      const busy = island.querySelector('[aria-busy="true"]') !== null || island.matches('[data-pending="true"]');
      if (busy && performance.now() - start < 10_000) setTimeout(check, 10);
      else requestAnimationFrame(() => resolve({ wrong: judge(island, forbidden, needsResult), controls: readControls(island) }));
    };
    check();
  });
}

/** The page's side of the test, installed before the page's own scripts run. */
const IN_PAGE = `(() => { ${readControls}; ${judge}; ${settledLook}; window.__plFuzz = { readControls, settledLook }; })();`;

interface InPage {
  readControls: typeof readControls;
  settledLook: typeof settledLook;
}

/** The island once it has settled: what is wrong with it, and its controls. */
const look = (island: Locator, needsResult = true): Promise<{ wrong: string[]; controls: Control[] }> =>
  island.evaluate((el, [forbidden, result]) => (window as unknown as { __plFuzz: InPage }).__plFuzz.settledLook(el, forbidden, result), [
    FORBIDDEN.source,
    needsResult,
  ] as const);

/** One step of the run: what it did (for the log) and the text the touched field must hold after it, if any. */
interface Step {
  did: string;
  field?: string;
  expect?: string | undefined;
}

async function act(page: Page, island: Locator, controls: Control[], rng: Rng): Promise<Step> {
  const texts = controls.filter((c) => c.kind === 'text');
  const toggles = controls.filter((c) => c.kind === 'radio' || c.kind === 'checkbox' || c.kind === 'select');
  const ranges = controls.filter((c) => c.kind === 'range');
  const kinds = ['type', 'type', 'append', 'paste', 'extreme', 'extreme', 'backspace', 'arrows', 'largest'];
  if (toggles.length > 0) kinds.push('toggle', 'toggle');
  if (ranges.length > 0) kinds.push('slider');
  const kind = texts.length > 0 ? rng.pick(kinds) : 'toggle';
  const text = texts.length > 0 ? rng.pick(texts) : null;
  const box = text ? island.locator(text.key) : null;

  switch (kind) {
    case 'type': {
      const s = randomText(rng);
      await box!.click();
      await page.keyboard.press('ControlOrMeta+a');
      if (s === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(s);
      return { did: `type ${JSON.stringify(s)} over ${text!.key}`, field: text!.key, expect: s };
    }
    case 'append': {
      const s = randomText(rng);
      await box!.click();
      await page.keyboard.press('End');
      await page.keyboard.type(s);
      return {
        did: `type ${JSON.stringify(s)} after ${JSON.stringify(text!.value)} in ${text!.key}`,
        field: text!.key,
        expect: text!.value + s,
      };
    }
    case 'paste': {
      const s = rng.chance(0.5) ? randomText(rng) : rng.pick(EXTREMES);
      await box!.click();
      await page.keyboard.press('ControlOrMeta+a');
      // the paste event a reader's Ctrl+V sends; where no handler takes it, the browser inserts the text
      const taken = await box!.evaluate((el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/plain', data);
        const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
        return !el.dispatchEvent(event);
      }, s);
      if (!taken) {
        if (s === '') await page.keyboard.press('Backspace');
        else await page.keyboard.insertText(s);
      }
      return { did: `paste ${JSON.stringify(s)} over ${text!.key}`, field: text!.key, expect: taken ? undefined : s };
    }
    case 'extreme': {
      const s = rng.pick(EXTREMES);
      await box!.fill(s);
      return { did: `fill ${JSON.stringify(s)} into ${text!.key}`, field: text!.key, expect: s };
    }
    case 'largest': {
      // every box at once at the size limit or near it: the products grow past exact arithmetic
      const values = texts.map(() => rng.pick(['65536', '65536', '4096', '1']));
      for (const [i, t] of texts.entries()) await island.locator(t.key).fill(values[i]!);
      return { did: `fill ${texts.map((t, i) => `${t.key}=${values[i]}`).join(', ')}` };
    }
    case 'backspace': {
      const n = rng.int(1, 8);
      await box!.click();
      await page.keyboard.press('End');
      for (let k = 0; k < n; k++) await page.keyboard.press('Backspace');
      const left = [...text!.value].slice(0, Math.max(0, [...text!.value].length - n)).join('');
      return { did: `Backspace ×${n} at the end of ${JSON.stringify(text!.value)} in ${text!.key}`, field: text!.key, expect: left };
    }
    case 'arrows': {
      const keys = Array.from({ length: rng.int(1, 5) }, () => (rng.chance(0.5) ? 'ArrowUp' : 'ArrowDown'));
      await box!.focus();
      for (const k of keys) await page.keyboard.press(k);
      return { did: `${keys.join(' ')} in ${text!.key} (was ${JSON.stringify(text!.value)})` };
    }
    case 'slider': {
      const range = rng.pick(ranges);
      const keys = Array.from({ length: rng.int(1, 4) }, () => rng.pick(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp']));
      await island.locator(range.key).focus();
      for (const k of keys) await page.keyboard.press(k);
      return { did: `${keys.join(' ')} on the slider ${range.key}` };
    }
    default: {
      if (toggles.length === 0) return { did: 'nothing to toggle' };
      const t = rng.pick(toggles);
      const control = island.locator(t.key);
      if (t.kind === 'select') {
        const options = await control.evaluate((el) => Array.from((el as HTMLSelectElement).options).map((o) => o.value));
        const value = rng.pick(options);
        await control.selectOption(value);
        return { did: `select ${JSON.stringify(value)} in ${t.key}` };
      }
      // a styled radio or checkbox may hide its box behind the label: click it as the label would
      await control.evaluate((el) => (el as HTMLInputElement).click());
      return { did: `click ${t.key} (was ${t.checked ? 'on' : 'off'})` };
    }
  }
}

/**
 * `steps` random steps on the island, judged after each; what went wrong, or nothing. An exercise
 * is checked (Enter) after each step, and judged again: its feedback must hold up too.
 */
async function fuzz(
  page: Page,
  island: Locator,
  problems: string[],
  rng: Rng,
  steps: number,
  log: string[],
  check: boolean,
): Promise<string[]> {
  let before = await island.evaluate((el) => (window as unknown as { __plFuzz: InPage }).__plFuzz.readControls(el));
  for (let k = 0; k < steps; k++) {
    const step = await act(page, island, before, rng);
    log.push(step.did);
    let now = await look(island, !check);
    const wrong = [...problems, ...now.wrong];
    const held = (controls: Control[]): string | undefined => controls.find((c) => c.key === step.field)?.value;
    if (step.field !== undefined && step.expect !== undefined) {
      if (held(now.controls) !== step.expect)
        wrong.push(`${step.field} holds ${JSON.stringify(held(now.controls))}, not the ${JSON.stringify(step.expect)} typed`);
      // typing in one box leaves every other box as it was
      for (const c of before.filter((x) => x.kind === 'text' && x.key !== step.field)) {
        const other = now.controls.find((x) => x.key === c.key)?.value;
        if (other !== c.value) wrong.push(`${c.key} changed from ${JSON.stringify(c.value)} to ${JSON.stringify(other)}`);
      }
    }
    if (wrong.length === 0 && check && step.field !== undefined) {
      await island.locator(step.field).press('Enter');
      log.push('Enter (check the answer)');
      const typed = held(now.controls);
      now = await look(island, false);
      wrong.push(...problems, ...now.wrong);
      if (held(now.controls) !== typed) wrong.push(`checking turned ${JSON.stringify(typed)} into ${JSON.stringify(held(now.controls))}`);
    }
    if (wrong.length > 0) return wrong;
    before = now.controls;
  }
  return [];
}

/** Put the starting values back, typed, choices first (a layer type brings its own fields). */
async function restore(island: Locator, start: Control[]): Promise<void> {
  for (const c of start.filter((x) => x.kind === 'select')) {
    const control = island.locator(c.key);
    if ((await control.count()) > 0 && (await control.inputValue()) !== c.value) {
      await control.selectOption(c.value);
      await look(island);
    }
  }
  for (const c of start.filter((x) => (x.kind === 'radio' && x.checked) || x.kind === 'checkbox')) {
    const control = island.locator(c.key);
    if ((await control.count()) > 0 && (await control.isChecked()) !== c.checked)
      await control.evaluate((el) => (el as HTMLInputElement).click());
  }
  for (const c of start.filter((x) => x.kind === 'text')) {
    const control = island.locator(c.key);
    if ((await control.count()) > 0) await control.fill(c.value);
  }
}

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('every number-taking island survives a fuzzed run of input', () => {
  const session = useBrowser(executable, siteUrl);
  let fuzzed = 0;
  let exercises = 0;

  for (const { name, prefix, steps, exerciseSteps } of LOCALES) {
    for (const slug of slugs) {
      it(`${name}: /lessons/${slug}/ — ${steps} random steps per island, then the starting values bring a fresh result`, async () => {
        const { page, problems } = await session.open(`${prefix}/lessons/${slug}/`, undefined, async (p) => {
          await p.addInitScript(IN_PAGE);
        });
        const count = await page.locator(ISLANDS).count();
        expect(count, 'the islands the lesson embeds').toBe(embedded(prefix, slug));
        for (let n = 0; n < count; n++) {
          const island = page.locator(ISLANDS).nth(n);
          await island.scrollIntoViewIfNeeded();
          await expect
            .poll(() => island.evaluate((el) => el.closest('astro-island')?.hasAttribute('ssr') ?? false), { timeout: 30_000 })
            .toBe(false);
          const what = await island.evaluate((el) =>
            el.hasAttribute('data-calculator')
              ? `calculator ${el.getAttribute('data-calculator')}`
              : el.hasAttribute('data-compare')
                ? `padding comparison ${el.getAttribute('data-compare')}`
                : 'model editor',
          );
          const seed = seedOf(`${prefix}/lessons/${slug}/#${n}`);
          const rng = seeded(seed);
          const log: string[] = [];
          const fail = (why: string[]): never => {
            throw new Error(
              `${prefix}/lessons/${slug}/ ${what} (seed ${seed}) after:\n${log.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}\n${why.join('\n')}`,
            );
          };
          const start = await island.evaluate((el) => (window as unknown as { __plFuzz: InPage }).__plFuzz.readControls(el));
          const broke = await fuzz(page, island, problems, rng, steps, log, false);
          if (broke.length > 0) fail(broke);
          log.push('restore the starting values');
          await restore(island, start);
          const { wrong } = await look(island);
          wrong.unshift(...problems);
          const recovered = await island.evaluate((el) => ({
            invalid: Array.from(el.querySelectorAll('[aria-invalid="true"]')).map((x) => x.id || x.tagName),
            stale: el.querySelectorAll('[data-stale="true"]').length,
            result: Array.from(el.querySelectorAll('output, table'))
              .map((r) => r.textContent ?? '')
              .join(' '),
          }));
          if (recovered.invalid.length > 0) wrong.push(`still invalid: ${recovered.invalid.join(', ')}`);
          if (recovered.stale > 0) wrong.push(`${recovered.stale} parts still stale`);
          if (!/\d/.test(recovered.result)) wrong.push(`no number in the result: ${recovered.result}`);
          if (wrong.length > 0) fail(wrong);
          fuzzed++;
        }
        // the exercises at the end of the lesson take numbers and shapes too: the first card of each set
        for (const [n, set] of (await page.locator('.pl-ex-set').all()).entries()) {
          await set.scrollIntoViewIfNeeded();
          await set.hover(); // a set hydrates when the reader reaches into it
          await set.and(page.locator('[data-ready="true"]')).waitFor();
          const cards = await set.locator('[data-exercise]').all();
          for (const [c, card] of cards.slice(0, 1).entries()) {
            const seed = seedOf(`${prefix}/lessons/${slug}/exercises#${n}.${c}`);
            const log: string[] = [];
            const broke = await fuzz(page, card, problems, seeded(seed), exerciseSteps, log, true);
            if (broke.length > 0) {
              const id = await card.getAttribute('data-exercise');
              throw new Error(
                `${prefix}/lessons/${slug}/ exercise ${id} (seed ${seed}) after:\n${log.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}\n${broke.join('\n')}`,
              );
            }
            exercises++;
          }
        }
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }

  it('fuzzed an exercise card of every lesson, in both locales', () => {
    expect(exercises).toBe(LOCALES.length * slugs.length);
  });

  it('fuzzed every island the lessons embed, in both locales', () => {
    expect(fuzzed).toBe(LOCALES.reduce((sum, { prefix }) => sum + slugs.reduce((n, slug) => n + embedded(prefix, slug), 0), 0));
  });
});
