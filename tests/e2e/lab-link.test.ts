/**
 * A shared link to a large model (issue #9): a 200-layer model arrives in the address, the lab shows
 * it with no more script than its budget allows (the readers and exports stay unloaded), and an
 * edit to one layer reaches its own row, the next layer's and the total. How fast that edit is
 * (the goal: one frame) is measured by `npm run bench:lab`, not here: a timed check fails on a busy
 * machine for reasons that are not the code's.
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

/** Loading and rebuilding 200 layers on a loaded two-core runner takes seconds, not the poll's default one. */
const WAIT = { timeout: 60_000 };

describe.skipIf(executable === '')('a link to a 200-layer model in the lab', () => {
  const session = useBrowser(executable, siteUrl);

  it('shows the model within the script budget, and an edit reaches the rows and the total', async () => {
    const cat = catalog();
    let state = emptyState('64');
    for (let i = 0; i < 200; i++) state = insertLayer(state, 'Dense', i, cat);
    for (const layer of state.layers) state = setField(state, layer.id, 'units', '64');
    const link = await encodeDocument({ kind: 'build', state });
    const scripts = new Set<string>();
    const { page, problems } = await session.open(`/lab/#lab=${link}`, { width: 1280, height: 900 }, async (p) => {
      p.on('request', (r) => r.resourceType() === 'script' && scripts.add(r.url()));
    });
    const total = page.locator('[data-result="total"]');
    const params = (name: string) => page.locator(`tr[data-name="${name}"] [data-col="params"]`);
    // 200 × (64 · 64 + 64)
    await expect.poll(() => total.textContent(), WAIT).toBe('832,000');
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

    await page.locator('.pl-lab[data-ready="true"]').waitFor(WAIT);
    await page.locator('tr[data-name="dense_100"] .pl-lab__select').click();
    const input = page.locator('.pl-lab__details-row [data-field="units"] input');
    await input.fill('32');
    // dense_100: 64 · 32 + 32; dense_101 now reads 32 features: 32 · 64 + 64
    await expect.poll(() => params('dense_100').textContent(), WAIT).toBe('2,080');
    await expect.poll(() => params('dense_101').textContent(), WAIT).toBe('2,112');
    // 832,000 − 2 × 4,160 + 2,080 + 2,112
    await expect.poll(() => total.textContent(), WAIT).toBe('827,872');
    await input.fill('64');
    await expect.poll(() => total.textContent(), WAIT).toBe('832,000');
    expect(problems).toEqual([]);
  });
});
