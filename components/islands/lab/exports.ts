/**
 * The model as text to take away: the Keras 3 Python that builds it (which the Python reader reads
 * back to the same summary), the summary exactly as Keras 3 and tf.keras 2 print it, and the JSON
 * form. Fetched when the reader first opens the export panel; Shiki (with only Python and two
 * themes) when the Python is first shown.
 */
import type { Model } from '@calc/basics.ts';
import { summarize, type Summary } from '@calc/engine.ts';
import { CodeUnavailable, pythonCode, renderJson, renderKeras2, renderKeras3 } from '@calc/render.ts';

export type ExportFormat = 'python' | 'keras3' | 'keras2' | 'json';

export type Exported = { ok: true; text: string; filename: string } | { ok: false; why: 'no-model' | 'unavailable'; detail?: string };

const slug = (name: string): string => name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'model';

/** One export of the model (absent for a printout, which is only rows) and its summary. */
export function exportText(format: ExportFormat, summary: Summary, model: Model | undefined): Exported {
  const base = slug(summary.name);
  try {
    if (format === 'keras3') return { ok: true, text: renderKeras3(summary), filename: `${base}-summary-keras3.txt` };
    if (format === 'json') return { ok: true, text: `${JSON.stringify(renderJson(summary), null, 2)}\n`, filename: `${base}-summary.json` };
    if (format === 'keras2') {
      // tf.keras's names and defaults differ from Keras 3's, so its text comes from its own summary
      const k2 = model ? summarize({ ...model, dialect: 'tf.keras' }) : summary;
      return { ok: true, text: renderKeras2(k2.error ? summary : k2), filename: `${base}-summary-keras2.txt` };
    }
    if (!model) return { ok: false, why: 'no-model' };
    return { ok: true, text: `${pythonCode(model, { imports: true })}\n\nmodel.summary()\n`, filename: `${base}.py` };
  } catch (e) {
    if (e instanceof CodeUnavailable || e instanceof RangeError) return { ok: false, why: 'unavailable', detail: e.message };
    throw e;
  }
}

export interface ColoredToken {
  content: string;
  /** Light and dark colours, as CSS custom properties the stylesheet picks from by theme. */
  style: Record<string, string>;
}

type Highlighter = {
  codeToTokens: (code: string, options: object) => { tokens: { content: string; htmlStyle?: Record<string, string> }[][] };
};
let shiki: Promise<Highlighter> | null = null;

async function loadShiki(): Promise<Highlighter> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, python, light, dark] = await Promise.all([
    import('shiki/core'),
    import('shiki/engine/javascript'),
    import('shiki/langs/python.mjs'),
    import('shiki/themes/github-light.mjs'),
    import('shiki/themes/github-dark.mjs'),
  ]);
  return (await createHighlighterCore({
    langs: [python.default],
    themes: [light.default, dark.default],
    engine: createJavaScriptRegexEngine(),
  })) as unknown as Highlighter;
}

/** Python as lines of coloured tokens (Shiki), for the export panel to draw as text. */
export async function pythonTokens(code: string): Promise<ColoredToken[][]> {
  shiki ??= loadShiki();
  const highlighter = await shiki;
  const { tokens } = highlighter.codeToTokens(code, {
    lang: 'python',
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
  });
  return tokens.map((line) => line.map((t) => ({ content: t.content, style: t.htmlStyle ?? {} })));
}
