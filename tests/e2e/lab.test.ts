/**
 * The model lab in real Chromium, in both locales: the MNIST CNN built by clicking reads 93,322
 * (the total Keras printed, tests/python-corpus/printed/mnist-cnn-models-add-input.txt); the same
 * model pasted as code and then as that printout; a .keras file made from a golden model dropped
 * in (Keras's own total from its expected.json); a shared link; a bad paste located by line and
 * column; the exported Python pasted back to the same summary; hostile names shown as text; a
 * 1 MB paste, a 5,000-layer file and a zip bomb answered with a message. No console error anywhere.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeDocument } from '@components/islands/lab/share.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { englishRuns } from './english-runs.ts';
import { useBrowser, wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const printed = readFileSync(new URL('../python-corpus/printed/mnist-cnn-models-add-input.txt', import.meta.url), 'utf8');
const golden = (id: string, file: string): string => readFileSync(new URL(`../golden/keras3/${id}/${file}`, import.meta.url), 'utf8');

const MNIST_CODE = `import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10),
])
model.summary()
`;
/** The total Keras printed for that model. */
const MNIST_TOTAL = /Total params: ([\d,]+)/.exec(printed)![1]!;

const locales = [
  { path: '/lab/', name: 'English' },
  { path: '/zh-cn/lab/', name: 'Chinese' },
];

const total = (page: Page) => page.locator('[data-result="total"]');

/** The JSON a lab address carries (`#lab=<version>.<base64url of deflate-raw JSON>`), or '' when it has none. */
function linkedModel(url: string): string {
  const value = /#lab=\d+\.([\w-]*)/.exec(url)?.[1];
  if (value === undefined) return '';
  try {
    return inflateRawSync(Buffer.from(value, 'base64url')).toString('utf8');
  } catch {
    return '';
  }
}

async function paste(page: Page, text: string): Promise<void> {
  await page.click('[data-tab="paste"]');
  await page.locator('.pl-code__input').fill(text);
}

describe.skipIf(executable === '')('the model lab in Chromium', () => {
  const browser = useBrowser(executable, siteUrl);
  /** A lab page, once its island has hydrated and started (a click before that meets static HTML). */
  const session = {
    async open(path: string) {
      const opened = await browser.open(path);
      // the lab hydrates when the reader reaches into it (client:interact), or at once for a link with a model
      await wakeIslands(opened.page);
      await opened.page.locator('.pl-lab[data-ready="true"]').waitFor();
      return opened;
    },
  };

  for (const { path, name } of locales) {
    describe(name, () => {
      it('builds the MNIST CNN by clicking and reads 93,322', async () => {
        const { page, problems } = await session.open(path);
        const layers: [string, Record<string, string>][] = [
          ['Conv2D', { filters: '32', kernel_size: '3' }],
          ['MaxPooling2D', { pool_size: '2' }],
          ['Conv2D', { filters: '64', kernel_size: '3' }],
          ['MaxPooling2D', { pool_size: '2' }],
          ['Conv2D', { filters: '64', kernel_size: '3' }],
          ['Flatten', {}],
          ['Dense', { units: '64' }],
          ['Dense', { units: '10' }],
        ];
        await page.locator('.pl-lab__inputs input').first().fill('28, 28, 1');
        for (const [type, fields] of layers) {
          await page.locator('.pl-lab__add select').selectOption(type);
          await page.click('[data-action="add"]');
          const details = page.locator('.pl-lab__details-row');
          await details.waitFor();
          for (const [arg, value] of Object.entries(fields)) await details.locator(`[data-field="${arg}"] input`).fill(value);
          // close the row, so the next layer goes at the end
          await page.locator('tr.is-open .pl-lab__select').click();
        }
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        expect(await page.locator('tbody tr[data-name]').count()).toBe(8);
        expect(problems).toEqual([]);
      });

      it('reads pasted code, then the printout Keras printed for it', async () => {
        const { page, problems } = await session.open(path);
        await paste(page, MNIST_CODE);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        await paste(page, printed);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        // every weighted row of a printout carries its reading; open one and see what it was worked back to
        await page.locator('tr[data-name="conv2d_1"] .pl-lab__select').click();
        await expect.poll(() => page.locator('[data-part="reading"]').textContent()).toContain('filters=64');
        expect(problems).toEqual([]);
      });

      it('underlines a bad paste at its line and column, and keeps the text', async () => {
        const { page, problems } = await session.open(path);
        const bad = MNIST_CODE.replace('layers.Dense(10)', 'layers.Dense(10, kernel_size=)');
        await paste(page, bad);
        const message = page.locator('[data-problem="paste"]');
        await message.waitFor();
        const line = bad.split('\n').findIndex((l) => l.includes('kernel_size=')) + 1;
        expect(await message.textContent()).toContain(String(line));
        expect(await page.locator('.pl-code__mark').count()).toBeGreaterThan(0);
        expect(await page.locator('.pl-code__input').inputValue()).toBe(bad);
        // code the reader cannot follow past line 6: the layers before it are still summarised
        const partial = [
          'import keras',
          'from keras import layers',
          'inputs = keras.Input((28, 28, 1))',
          'x = layers.Conv2D(32, 3)(inputs)',
          'x = layers.Flatten()(x)',
          'n = int(open("units.txt").read())',
          'x = layers.Dense(n)(x)',
          'model = keras.Model(inputs, x)',
        ].join('\n');
        await paste(page, partial);
        // 32 × (1 × 3 × 3 + 1)
        await expect.poll(() => total(page).textContent()).toBe(String(32 * (1 * 3 * 3 + 1)));
        expect(await page.locator('[data-problem="paste"]').textContent()).toContain('6');
        expect(await page.locator('.pl-code__mark').count()).toBeGreaterThan(0);
        // and the page says the summary is partial
        expect(await page.locator('[data-note="partial"]').count()).toBe(1);
        // a typo in a Sequential list: located, with a suggestion, and the layers before it kept
        const typo = MNIST_CODE.replace('layers.Flatten()', 'layers.Flaten()');
        await paste(page, typo);
        await expect.poll(() => page.locator('[data-problem="paste"]').textContent()).toContain('Flatten');
        expect(await page.locator('.pl-code__mark').textContent()).toBe('Flaten');
        expect(await page.locator('tbody tr[data-name="conv2d_2"]').count()).toBe(1);
        // a value the engine refuses (a kernel of −3) is found in the code too: the second Conv2D
        const refusedCode = MNIST_CODE.replace('layers.Conv2D(64, 3, activation="relu"),', 'layers.Conv2D(64, -3),');
        await paste(page, refusedCode);
        const refused = page.locator('[data-problem="paste-model"]');
        await refused.waitFor();
        const refusedLine = refusedCode.split('\n').findIndex((l) => l.includes('Conv2D(64, -3)')) + 1;
        expect(await refused.textContent()).toContain(String(refusedLine));
        expect(await page.locator('.pl-code__mark').textContent()).toBe('Conv2D');
        expect(problems).toEqual([]);
      });

      it('opens a dropped .keras file with the total Keras reported', async () => {
        const { page, problems } = await session.open(path);
        const id = 'r1001-000';
        const expected = JSON.parse(golden(id, 'expected.json')) as { totals?: { params?: number }; total_params?: number };
        const keras = zipSync({
          'metadata.json': strToU8('{"keras_version": "3.16.0"}'),
          'config.json': strToU8(golden(id, 'model.json')),
        });
        await page.click('[data-tab="file"]');
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'golden.keras', mimeType: 'application/octet-stream', buffer: Buffer.from(keras) });
        const want = (expected.totals?.params ?? expected.total_params ?? Number.NaN).toLocaleString('en-US');
        await expect.poll(() => total(page).textContent()).toBe(want);
        expect(problems).toEqual([]);
      });

      it('opens a shared link, and refuses a damaged or future one with a notice', async () => {
        const doc = await encodeDocument({ kind: 'text', text: MNIST_CODE });
        const { page, problems } = await session.open(`${path}#lab=${doc}`);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        const future = await session.open(`${path}#lab=99.${doc.split('.')[1]}`);
        await future.page.locator('[data-notice][data-kind="problem"]').waitFor();
        // an empty lab: no layer rows, and the pasted code is not there either
        expect(await future.page.locator('tbody tr[data-name]').count()).toBe(0);
        expect(await future.page.locator('.pl-code__input').inputValue()).toBe('');
        const damaged = await session.open(`${path}#lab=1.AAAA`);
        await damaged.page.locator('[data-notice][data-kind="problem"]').waitFor();
        expect(await damaged.page.locator('tbody tr[data-name]').count()).toBe(0);
        expect([...problems, ...future.problems, ...damaged.problems]).toEqual([]);
      });

      it('keeps the work across a reload, and the address opens it elsewhere', async () => {
        const { page, problems } = await session.open(path);
        await page.locator('.pl-lab__add select').selectOption('Dense');
        await page.click('[data-action="add"]');
        const units = page.locator('.pl-lab__details-row [data-field="units"] input');
        await units.waitFor();
        await units.fill('7');
        // Dense(7) on the 28 × 28 × 1 start: 1 × 7 + 7 per position, the count sees only the last axis
        const want = (1 * 7 + 7).toLocaleString('en-US');
        await expect.poll(() => total(page).textContent()).toBe(want);
        // the address is written 250 ms after the last change: wait for the one that holds units 7
        // (an earlier write, of the layer as added, may already be there)
        await expect.poll(() => linkedModel(page.url())).toMatch(/"units":"?7"?[,}]/);
        const address = page.url();
        await page.reload();
        await page.locator('.pl-lab[data-ready="true"]').waitFor();
        await expect.poll(() => total(page).textContent()).toBe(want);
        expect(await page.locator('[data-notice]').count()).toBe(0);
        // the same page without the address: restored from storage, and it says so
        await page.goto(`${siteUrl}${path}`);
        await expect.poll(() => total(page).textContent()).toBe(want);
        await page.locator('[data-notice][data-kind="info"]').waitFor();
        // the address in a fresh browser context (no storage)
        const other = await session.open(address.replace(siteUrl, ''));
        await expect.poll(() => total(other.page).textContent()).toBe(want);
        expect([...problems, ...other.problems]).toEqual([]);
      });

      it('exports Python that reads back to the same summary', async () => {
        const { page, problems } = await session.open(path);
        await paste(page, MNIST_CODE);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        await page.click('[data-action="to-builder"]');
        await page.locator('.pl-lab[data-source="build"]').waitFor();
        // change the model in the builder first, so the code is the builder's, not the paste
        await page.locator('tr[data-name="dense"] .pl-lab__select').click();
        const units = page.locator('.pl-lab__details-row [data-field="units"] input');
        await units.waitFor();
        await units.fill('32');
        // Dense(32) on 576 features and Dense(10) on 32: 36,928 → 18,464 and 650 → 330
        const changed = (93_322 - 36_928 - 650 + 576 * 32 + 32 + 32 * 10 + 10).toLocaleString('en-US');
        await expect.poll(() => total(page).textContent()).toBe(changed);
        await page.locator('.pl-lab__export-box > summary').click();
        const code = page.locator('.pl-lab__export[data-format="python"]');
        await code.waitFor();
        const exported = (await code.textContent()) ?? '';
        expect(exported).toContain('layers.Dense(32');
        await paste(page, exported);
        await page.locator('.pl-lab[data-source="text"]').waitFor();
        await expect.poll(() => total(page).textContent()).toBe(changed);
        expect(problems).toEqual([]);
      });

      it('speaks the page language with a row, the builder and the exports open', async () => {
        const { page, problems } = await session.open(`${path}?gallery=transformer-encoder`);
        await total(page).waitFor();
        await page.click('[data-action="to-builder"]');
        await page.locator('.pl-lab[data-source="build"]').waitFor();
        await page.locator('tr[data-name="multi_head_attention"] .pl-lab__select').click();
        await page.locator('.pl-lab__details-row [data-part="params"]').waitFor();
        await page.locator('.pl-lab__export-box > summary').click();
        await page.locator('.pl-lab__export').waitFor();
        if (path.startsWith('/zh-cn/')) expect(await englishRuns(page)).toEqual([]);
        // the explanation, the cost and the lesson link are there in either language
        expect(await page.locator('.pl-lab__details-row [data-part="cost"]').count()).toBe(1);
        expect(await page.locator('.pl-lab__lesson a').getAttribute('href')).toMatch(/\/lessons\/[a-z-]+\/$/);
        expect(problems).toEqual([]);
      });

      it('gives the Keras 3 text Keras printed, and folds a nested model as Keras does', async () => {
        const { page, problems } = await session.open(path);
        await paste(page, MNIST_CODE);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        await page.locator('.pl-lab__export-box > summary').click();
        await page.locator('.pl-lab__formats input[value="keras3"]').check();
        const text = page.locator('.pl-lab__export[data-format="keras3"]');
        await text.waitFor();
        // character for character what Keras 3 printed for this model (tests/python-corpus/printed/)
        expect((await text.textContent())?.trimEnd()).toBe(printed.trimEnd());
        // a model used as a layer: one row, folded; unfolded, its layers follow it
        const nested = [
          'import keras',
          'from keras import layers',
          'block = keras.Sequential([keras.Input((8,)), layers.Dense(4), layers.Dense(2)], name="block")',
          'model = keras.Sequential([keras.Input((8,)), block, layers.Dense(1)])',
        ].join('\n');
        await paste(page, nested);
        // (8 × 4 + 4) + (4 × 2 + 2) inside the block, then 2 × 1 + 1
        await expect.poll(() => total(page).textContent()).toBe(String(8 * 4 + 4 + (4 * 2 + 2) + (2 * 1 + 1)));
        expect(await page.locator('tbody tr[data-depth="1"]').count()).toBe(0);
        await page.locator('tr[data-name="block"] .pl-lab__twisty').click();
        expect(await page.locator('tbody tr[data-depth="1"]').count()).toBe(2);
        expect(problems).toEqual([]);
      });

      it('keeps a shape typed and a layer added while its code is still loading', async () => {
        // hold the lab's code back until the reader has acted on the server-rendered lab
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        const { page, problems } = await browser.open(path, undefined, async (p) => {
          await p.route('**/_astro/Lab.*.js', async (route) => {
            await held;
            await route.continue();
          });
        });
        const shape = page.locator('.pl-lab__inputs input').first();
        await shape.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('32, 32, 3');
        await page.locator('.pl-lab__add select').selectOption('Dense');
        await page.click('[data-action="add"]');
        release();
        await page.locator('.pl-lab[data-ready="true"]').waitFor();
        // Dense(10) on (32, 32, 3) acts on the last axis: 3 × 10 + 10 = 40, output (None, 32, 32, 10)
        await expect.poll(() => total(page).textContent()).toBe(String(3 * 10 + 10));
        expect(await shape.inputValue()).toBe('32, 32, 3');
        expect(await page.locator('tbody tr[data-name]').last().textContent()).toContain('(None, 32, 32, 10)');
        expect(problems).toEqual([]);
      });

      it('opens a file dropped anywhere on the lab', async () => {
        const { page, problems } = await session.open(path);
        await page.locator('.pl-lab[data-ready="true"]').waitFor();
        // a real drop event carrying a File, as a browser dispatches it
        await page.evaluate(async (text) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], 'model.py', { type: 'text/x-python' }));
          const lab = document.querySelector('.pl-lab')!;
          lab.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
          lab.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }, MNIST_CODE);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        expect(problems).toEqual([]);
      });

      it('works from the keyboard alone: tabs, rows, fields', async () => {
        const { page, problems } = await session.open(`${path}?gallery=mnist-cnn`);
        await total(page).waitFor();
        // the tabs: arrow keys move between them
        await page.locator('[data-tab="paste"]').focus();
        await page.keyboard.press('ArrowLeft');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('build');
        expect(await page.locator('[data-tab="build"]').getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('Enter');
        // the builder: the pasted model goes to it from its button, pressed with Enter
        await page.locator('[data-tab="paste"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('[data-action="to-builder"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('.pl-lab[data-source="build"]').waitFor();
        // the table: ↓ moves between rows, Enter opens one, Tab walks into its fields
        await page.locator('tbody .pl-lab__select').first().focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-name'))).toBe('conv2d_1');
        await page.keyboard.press('Enter');
        await page.locator('.pl-lab__details-row').waitFor();
        for (let i = 0; i < 40; i++) {
          const field = await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'));
          if (field === 'filters') break;
          await page.keyboard.press('Tab');
        }
        await page.keyboard.press('Control+A');
        await page.keyboard.type('16');
        // conv2d_1 with 16 filters: 16 × (32 × 9 + 1) = 4,624; the next Conv2D reads 16 channels: 64 × (16 × 9 + 1) = 9,280
        const expected = 93_322 - 18_496 - 36_928 + 16 * (32 * 9 + 1) + 64 * (16 * 9 + 1);
        await expect.poll(() => total(page).textContent()).toBe(expected.toLocaleString('en-US'));
        expect(problems).toEqual([]);
      });

      it('survives random typing in every kind of field without a console error', async () => {
        const { page, problems } = await session.open(`${path}?gallery=mnist-cnn`);
        await total(page).waitFor();
        await page.click('[data-action="to-builder"]');
        await page.locator('tr[data-name="conv2d"] .pl-lab__select').click();
        const inputs = page.locator('.pl-lab__details-row input[type="text"]');
        const junk = ['-3', 'abc', '(3,', '"', '1e309', '99999999', '', '((((((((((1))))))))))', '<b>x</b>', '０', '3, 3, 3, 3', 'None'];
        let seed = 7;
        const next = () => (seed = (seed * 48271) % 2147483647);
        for (let i = 0; i < 40; i++) {
          const count = await inputs.count();
          await inputs.nth(next() % count).fill(junk[next() % junk.length]!);
        }
        await page.locator('.pl-lab__inputs input').first().fill('abc');
        await page.locator('.pl-lab__inputs input').first().fill('28, 28, 1');
        for (const text of junk) await paste(page, text);
        const cells = await page.locator('.pl-lab').textContent();
        expect(cells).not.toMatch(/NaN|undefined|\[object/);
        expect(problems).toEqual([]);
      });

      it('shows hostile names as text and survives huge input', async () => {
        const { page, problems } = await session.open(path);
        let alerted = false;
        page.on('dialog', (d) => {
          alerted = true;
          void d.dismiss();
        });
        const hostile = '<img src=x onerror=alert(1)>';
        await paste(page, MNIST_CODE.replace('layers.Dense(10)', `layers.Dense(10, name=${JSON.stringify(hostile)})`));
        await expect.poll(() => page.locator(`tr[data-name="${hostile.replace(/"/g, '\\"')}"]`).count()).toBe(1);
        expect(await page.locator('.pl-lab img').count()).toBe(0);
        expect(alerted).toBe(false);
        // a paste past 1 MiB: refused with its size, the text kept
        await paste(page, `# ${'x'.repeat((1 << 20) + 10)}\n`);
        await page.locator('[data-problem="too-long"]').waitFor();
        // a 5,000-layer Keras 3 file: summarised, the table drawn a page at a time
        const layers = Array.from({ length: 5000 }, (_, i) => ({
          module: 'keras.layers',
          class_name: 'Dense',
          config: { name: `d${i}`, units: 4 },
        }));
        const big = JSON.stringify({
          module: 'keras',
          class_name: 'Sequential',
          config: { name: 'big', layers: [{ class_name: 'InputLayer', config: { batch_shape: [null, 4] } }, ...layers] },
        });
        await page.click('[data-tab="file"]');
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
        // 5,000 × (4 × 4 + 4)
        await expect.poll(() => total(page).textContent(), { timeout: 30_000 }).toBe((5000 * (4 * 4 + 4)).toLocaleString('en-US'));
        expect(await page.locator('.pl-lab__more').count()).toBe(1);
        // a zip bomb named .keras: one config.json that inflates far past the reader's limit
        const bomb = zipSync({ 'config.json': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'bomb.keras', mimeType: 'application/octet-stream', buffer: Buffer.from(bomb) });
        await expect.poll(() => page.locator('[data-notice][data-kind="problem"]').count()).toBe(1);
        // and the page still answers
        await paste(page, MNIST_CODE);
        await expect.poll(() => total(page).textContent()).toBe(MNIST_TOTAL);
        expect(problems).toEqual([]);
      });
    });
  }
});
