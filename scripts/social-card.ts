/**
 * `npx tsx scripts/social-card.ts`: draws the site's social card (public/social/card.png, 1200×630,
 * the `og:image` of every page; src/route-data.ts links it). The card is the MNIST network's
 * `model.summary()` as Keras 3 prints it, worked out by the engine, beside the site's name: a
 * printout reads the same in every locale, so one card serves both.
 *
 * Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium). Run it again when the card's look changes;
 * tests/e2e/site.test.ts checks its size and that every page links it (src/route-data.ts says 1200×630 too).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { summarize } from '@calc/engine.ts';
import { renderKeras3 } from '@calc/render.ts';
import { facts } from '@lessons/putting-it-together.ts';

const CARD = { width: 1200, height: 630, path: 'public/social/card.png' } as const;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cardHtml(printout: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${CARD.width}px; height: ${CARD.height}px; }
  body { background: #17181c; color: #e8eaf0; font-family: system-ui, sans-serif; box-sizing: border-box;
    padding: 34px 48px; display: flex; flex-direction: column; justify-content: center; gap: 26px; }
  header { display: flex; align-items: baseline; gap: 24px; }
  h1 { font-size: 58px; margin: 0; letter-spacing: -1px; }
  h1 span { color: #8ab4ff; }
  p { font-size: 28px; margin: 0; color: #c2c6d0; }
  p code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; color: #e8eaf0; }
  pre { margin: 0; align-self: center; font: 20px/1 ui-monospace, 'DejaVu Sans Mono', monospace; color: #d7dae3; }
  </style></head><body>
  <header><h1>Param<span>Lab</span></h1><p>every number in <code>model.summary()</code>, worked out</p></header>
  <pre>${escapeHtml(printout)}</pre>
  </body></html>`;
}

async function main(): Promise<void> {
  const summary = summarize(facts.mnist.model);
  if (summary.error) throw new Error(`the MNIST model did not summarise: ${summary.error.message}`);
  const printout = renderKeras3(summary).trimEnd();
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: CARD.width, height: CARD.height } });
    await page.setContent(cardHtml(printout));
    const png = await page.screenshot({ type: 'png' });
    await writeFile(fileURLToPath(new URL(`../${CARD.path}`, import.meta.url)), png);
    console.log(`wrote ${CARD.path} (${png.length} bytes)`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
