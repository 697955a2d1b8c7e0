/**
 * Every page of the site, in both locales, at a desktop width (1280 px) and a phone width (390 px):
 * nothing is cut off and nothing widens the page. An element may be wider than the box it sits in
 * only when that box scrolls horizontally AND shows a cue that it does.
 *
 * What counts as a cue (docs for components/layout.css): scroll shadows. The scroller's computed
 * `background-attachment` has a `local` layer (a cover that travels with the content and hides the
 * shadow at the end already reached) and a `scroll` layer (the shadow fixed to the scroller's edge),
 * each a gradient in `background-image`. A learner sees a soft shadow on every side with more
 * content; the test reads the same two properties from the computed style.
 *
 * A scroller that overflows must also be reachable from the keyboard (focusable itself or holding
 * something focusable), so arrow keys can scroll it.
 *
 * Before measuring, every island is scrolled into view (so it hydrates, as a reader would see it)
 * and every <details> in the page is opened (the summaries and tables they hide count too).
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRICULUM } from '@lessons/curriculum.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));

const onDisk = (dir: string): string[] =>
  existsSync(root + dir)
    ? readdirSync(root + dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.slice(0, -4))
    : [];
/** The home page and every lesson that exists, in curriculum order, in both locales. */
const PAGES = [
  { prefix: '', dir: 'content/docs/lessons' },
  { prefix: '/zh-cn', dir: 'content/docs/zh-cn/lessons' },
].flatMap(({ prefix, dir }) => {
  const slugs = onDisk(dir);
  // the model lab with a wide functional model's summary (Connected to) and its first row opened
  return [
    `${prefix}/`,
    ...CURRICULUM.filter((s) => slugs.includes(s)).map((s) => `${prefix}/lessons/${s}/`),
    `${prefix}/lab/?gallery=resnet50`,
    // the practice page at a known question (its dashboard tables and progress file controls below)
    `${prefix}/practice/?ex=conv2d-params.7`,
    // the 404 page of each locale
    prefix ? `${prefix}/404/` : '/404.html',
  ];
});

const WIDTHS = [1280, 390] as const;

/** One thing that is cut off or widens the page. */
interface Overflow {
  element: string;
  container: string;
  why: string;
}

/**
 * Runs inside the page. For every visible element (KaTeX's insides excluded but its line of math
 * kept: KaTeX clips its own struts on purpose; an SVG's shapes count as the <svg>), the box it must fit:
 * its nearest ancestor whose `overflow-x` is not `visible` (it scrolls or clips), else the content
 * column for things in <main>, else the viewport. Sticking out of that box is fine only when the box
 * scrolls horizontally with a cue; clipping (`hidden` / `clip`) or a scroller with no cue is reported.
 * Only the outermost offender inside one box is reported.
 */
function measure(): { overflows: Overflow[]; scrollWidth: number; viewport: number } {
  const viewport = document.documentElement.clientWidth;
  const label = (el: Element): string => {
    const cls =
      typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`;
  };
  const hasCue = (el: Element): boolean => {
    const cs = getComputedStyle(el);
    const attach = cs.backgroundAttachment.split(',').map((s) => s.trim());
    return /gradient/.test(cs.backgroundImage) && attach.includes('local') && attach.includes('scroll');
  };
  const reachable = (el: HTMLElement): boolean => {
    if (el.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')) return true;
    const before = document.activeElement;
    el.focus({ preventScroll: true });
    const ok = document.activeElement === el;
    if (before instanceof HTMLElement) before.focus({ preventScroll: true });
    return ok;
  };
  const overflows: Overflow[] = [];
  const reported = new Set<Element>();
  const checkedScrollers = new Set<Element>();
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (el.closest('.katex') !== null && !el.matches('.katex, .katex-html, .katex-html > *')) continue;
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    // A fixed panel (Starlight's table of contents) is placed against the viewport by design; what
    // it holds is still measured against it.
    if (getComputedStyle(el).position === 'fixed') continue;
    // The box it must fit.
    let box: Element | null = null;
    let skip = false;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (reported.has(a)) skip = true;
      const cs = getComputedStyle(a);
      if (cs.overflowX !== 'visible' || a.matches('main .sl-container')) {
        box = a;
        break;
      }
    }
    if (skip) continue;
    let left = 0;
    let right = viewport;
    let scrolls = false;
    if (box) {
      const r = box.getBoundingClientRect();
      if (r.width <= 2) continue; // a visually-hidden (1 px) wrapper
      left = r.left + box.clientLeft;
      right = left + box.clientWidth;
      const ox = getComputedStyle(box).overflowX;
      scrolls = ox === 'auto' || ox === 'scroll';
    }
    if (rect.left >= left - 1 && rect.right <= right + 1) continue;
    if (box && scrolls && hasCue(box)) {
      if (!checkedScrollers.has(box)) {
        checkedScrollers.add(box);
        if (box instanceof HTMLElement && !reachable(box)) {
          overflows.push({ element: label(el), container: label(box), why: 'scrolls with a cue but cannot be reached from the keyboard' });
        }
      }
      continue;
    }
    reported.add(el);
    const why = !box
      ? `sticks out of the viewport (${Math.round(rect.left)}…${Math.round(rect.right)} px of ${viewport})`
      : box.matches('main .sl-container')
        ? `wider than the content column (${Math.round(rect.width)} px in ${Math.round(right - left)} px)`
        : scrolls
          ? `scrolls without a cue (${Math.round(rect.width)} px in ${Math.round(right - left)} px)`
          : `cut off (${Math.round(rect.width)} px in ${Math.round(right - left)} px, overflow-x: ${getComputedStyle(box).overflowX})`;
    overflows.push({ element: label(el), container: box ? label(box) : 'the viewport', why });
  }
  return { overflows, scrollWidth: document.documentElement.scrollWidth, viewport };
}

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('layout at 1280 px and 390 px: nothing cut off, wide things scroll with a cue', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium(executable);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the pages to check', () => {
    expect(PAGES.length).toBeGreaterThan(2);
  });

  /** Open a page at a width, hydrate its islands, open its <details>, and measure. */
  async function check(path: string, width: number): Promise<string[]> {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await wakeIslands(page);
    if (path.includes('/lab/')) {
      await page.locator('[data-result="total"]').waitFor();
      await page.locator('tbody .pl-lab__select').nth(2).click();
      await page.locator('.pl-lab__details-row').waitFor();
    }
    // the practice page chooses its question once it has read the address and the stored progress
    if (path.includes('/practice/')) await page.locator('.pl-practice[data-ready="true"]').waitFor();
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('main details'))) d.setAttribute('open', '');
      window.scrollTo(0, 0);
    });
    const { overflows, scrollWidth, viewport } = await page.evaluate(measure);
    const lines = overflows.map((o) => `${o.element} in ${o.container}: ${o.why}`);
    if (scrollWidth > viewport) lines.unshift(`the page is ${scrollWidth} px wide in a ${viewport} px viewport`);
    return lines;
  }

  for (const width of WIDTHS) {
    it.each(PAGES)(`${width} px: %s`, async (path) => {
      expect(await check(path, width), `${path} at ${width} px`).toEqual([]);
    });
  }
});
