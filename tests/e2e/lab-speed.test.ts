/**
 * Issue #9's speed goal, measured where it matters: in Chromium, one argument of one layer of a
 * 200-layer model is changed and the time until the table shows the new count is recorded — from
 * the input event to the DOM update, and to the next animation frame (the paint). The figures are
 * printed; the check is the budget, one frame (16 ms) for the median edit. `npm run bench` times the
 * computation alone.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { emptyState, insertLayer, setField } from '@components/islands/lab/lab-state.ts';
import { catalog } from '@components/islands/lab/evaluate.ts';
import { encodeDocument } from '@components/islands/lab/share.ts';
import { LAB_BUDGET_BYTES } from '../../scripts/page-weight.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const FRAME_MS = 16;

describe.skipIf(executable === '')('editing a 200-layer model in the lab', () => {
  const session = useBrowser(executable, siteUrl);

  it('updates the table within one frame', async () => {
    const cat = catalog();
    let state = emptyState('64');
    for (let i = 0; i < 200; i++) state = insertLayer(state, 'Dense', i, cat);
    for (const layer of state.layers) state = setField(state, layer.id, 'units', '64');
    const link = await encodeDocument({ kind: 'build', state });
    const scripts = new Set<string>();
    const { page, problems } = await session.open(`/lab/#lab=${link}`, { width: 1280, height: 900 }, async (p) => {
      p.on('request', (r) => r.resourceType() === 'script' && scripts.add(r.url()));
    });
    // 200 × (64 · 64 + 64)
    await expect.poll(() => page.locator('[data-result="total"]').textContent()).toBe((200 * 4160).toLocaleString('en-US'));
    // what a shared link costs before the reader does anything: the page's scripts and the engine it
    // fetches to show the model; Starlight's search UI (its dialog script and Pagefind's UI core,
    // which that script imports) is left out, as scripts/page-weight.ts leaves it out
    const own = [...scripts].filter((u) => !/\/Search\.astro_astro_type_script_|\/pagefind\/|\/ui-core\./.test(u));
    let gzip = 0;
    for (const url of own) gzip += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    console.log(`lab: a link's built model shown with ${own.length} scripts, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(LAB_BUDGET_BYTES);
    // the readers and the exports are not among them: they load when first needed
    expect(own.filter((u) => /readers|exports|python/.test(u))).toEqual([]);
    await page.locator('.pl-lab[data-ready="true"]').waitFor();
    await page.locator('tr[data-name="dense_100"] .pl-lab__select').click();
    const input = page.locator('.pl-lab__details-row [data-field="units"] input');
    await input.waitFor();
    const times = await input.evaluate(async (el: HTMLInputElement) => {
      const next = document.querySelector('tr[data-name="dense_101"] [data-col="params"]')!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const results: { dom: number; paint: number }[] = [];
      for (let i = 0; i < 21; i++) {
        await frame();
        const before = next.textContent;
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (next.textContent !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(next, { characterData: true, childList: true, subtree: true });
        });
        const t0 = performance.now();
        el.value = i % 2 === 0 ? '32' : '64';
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const dom = await changed;
        const paint = await frame();
        results.push({ dom: dom - t0, paint: paint - t0 });
      }
      return results;
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const dom = median(times.map((t) => t.dom));
    const paint = median(times.map((t) => t.paint));
    console.log(
      `lab: 200-layer edit → table updated in ${dom.toFixed(1)} ms (median of ${times.length}), next frame at ${paint.toFixed(1)} ms`,
    );
    expect(dom).toBeLessThanOrEqual(FRAME_MS);
    expect(problems).toEqual([]);
  });
});
