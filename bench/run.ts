/**
 * `npm run bench`: how long our engine takes from Keras 3 JSON text to a summary, as a multiple of
 * `JSON.parse` on the same text, the floor for anything that reads it.
 * A measurement, not a test: it exits non-zero only when something breaks, never for a slow run.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { applications, summarize, summaryFromPrintout, type Summary } from '@calc/engine.ts';
import { detectAndImport, modelFromKerasJson, parseJsonText } from '@calc/import.ts';
import { renderKeras3 } from '@calc/render.ts';
import { convStack, denseStack, resnet50, type Graph } from './graphs.ts';
import { keras3JsonText } from './keras3-json.ts';
import { denseStackPython, pythonScript } from './readers.ts';
import { readPrintout, readPython } from '@calc/import.ts';
import labStrings from '@i18n/en/lab.json';
import { argLabels, diagnosticStrings } from '@i18n/index.ts';
import { catalog, evaluateState } from '@components/islands/lab/evaluate.ts';
import { emptyState, insertLayer, setField } from '@components/islands/lab/lab-state.ts';

/** English words for the engine's problems, as the English lab page passes them. */
const words = { diagnostics: diagnosticStrings.en, args: argLabels.en };

interface Case {
  label: string;
  graph: Graph;
  /** Runs whose median is reported (after warm-up). */
  runs: number;
  /** The total, counted by hand or as Keras reports it, that the summary must reach. */
  params: number;
}

const CASES: Case[] = [
  // 66 × [Conv2D 3×3, 32 filters + BatchNormalization]: (3·9·32 + 32) + 4·32, then 65 × ((32·9·32 + 32) + 4·32), then Dense 32·10 + 10.
  { label: '200-layer CNN (Sequential)', graph: convStack(200), runs: 101, params: 896 + 128 + 65 * (9248 + 128) + 330 },
  // 250 × [Dense 64 on 64 + BatchNormalization]: 64·64 + 64 + 4·64.
  { label: '1,000-layer MLP (Sequential)', graph: denseStack(1000), runs: 41, params: 250 * (4160 + 256) },
  // docs/applications.md: Keras reports 25,636,712 parameters for ResNet50.
  { label: 'ResNet50 (Functional, 16 Add)', graph: resnet50(), runs: 101, params: 25_636_712 },
];

/** The goal of issue #6: text → summary within this multiple of JSON.parse. */
const GOAL_RATIO = 2;
/** The goal of issue #2: a 200-layer model imported and summarised in under this many ms. */
const GOAL_MS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Unmeasured runs before timing: at least `warmup` of them and, for fast code, at least this long,
 * so that the code is timed after V8 has optimised it rather than while it compiles.
 */
const WARMUP_MS = 250;

/** Median wall time of `runs` calls after the warm-up. */
function timeIt(runs: number, f: () => void, warmup = 5): number {
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < WARMUP_MS; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Median of what `g` takes beyond `f`, the two timed back to back in each run: a difference of two
 * separate medians swings with whatever else the machine did in between.
 */
function timeExtra(runs: number, f: () => void, g: () => void): number {
  timeIt(1, () => {
    f();
    g();
  });
  const extra: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    const t1 = performance.now();
    g();
    extra.push(performance.now() - t1 - (t1 - t0));
  }
  return median(extra);
}

/** Our whole path from file text: detect the format, import, summarise. */
function importAndSummarize(text: string): Summary {
  const imported = detectAndImport(text, 'model.json');
  if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
  const s = summarize(imported.value.model);
  if (s.error) throw new Error(`summarize failed at ${s.error.layer}: ${s.error.message}`);
  return s;
}

/** The value of a step that must succeed. */
function checked<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0)) + ' ms';
const times = (x: number): string => `${x.toFixed(2)}×`;
const group = (n: number): string => n.toLocaleString('en-US');
const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));
const row = (cells: [string, number, boolean?][]): string => cells.map(([s, n, right]) => pad(s, n, right)).join(' ');

interface Measured {
  label: string;
  parse: number;
  ours: number;
  checks: number;
  read: number;
  summary: number;
  render: number;
}

function main(): void {
  const loadBefore = loadavg()[0]!;
  console.log(`Param Lab benchmark — node ${process.version}, ${cpus().length} CPUs; medians after a warm-up of at least ${WARMUP_MS} ms`);
  console.log('JSON.parse = the text parsed and nothing else: the floor for any reader of it');
  console.log('ours = the same text → format detection → import → summarize; ratio = ours / JSON.parse\n');

  const header = row([
    ['model', 31],
    ['layers', 6, true],
    ['params', 12, true],
    ['JSON', 8, true],
    ['JSON.parse', 11, true],
    ['ours', 10, true],
    ['ratio', 7, true],
    ['+render', 10, true],
    ['  counts', 0],
  ]);
  console.log(header);
  console.log('-'.repeat(header.length));

  const results: Measured[] = [];
  let wrong = false;
  for (const c of CASES) {
    const text = keras3JsonText(c.graph);
    const s = importAndSummarize(text);
    const parse = timeIt(c.runs, () => JSON.parse(text));
    const ours = timeIt(c.runs, () => importAndSummarize(text));
    const withRender = timeIt(c.runs, () => renderKeras3(importAndSummarize(text)));
    const agree = s.totals.params === c.params;
    wrong ||= !agree;
    const layers = c.graph.nodes.length + (c.graph.kind === 'functional' ? 1 : 0);
    console.log(
      row([
        [c.label, 31],
        [String(layers), 6, true],
        [group(s.totals.params), 12, true],
        [`${Math.round(text.length / 1024)} KB`, 8, true],
        [ms(parse), 11, true],
        [ms(ours), 10, true],
        [times(ours / parse), 7, true],
        [ms(withRender), 10, true],
        [`  ${agree ? 'right' : 'WRONG'} (expected ${group(c.params)})`, 0],
      ]),
    );
    // Where our time goes, each step timed on its own, on what the step before it produced.
    const parsed = checked(parseJsonText(text));
    const model = checked(modelFromKerasJson(parsed));
    results.push({
      label: c.label,
      parse,
      ours,
      checks: timeExtra(
        c.runs,
        () => JSON.parse(text),
        () => parseJsonText(text),
      ),
      read: timeIt(c.runs, () => modelFromKerasJson(parsed)),
      summary: timeIt(c.runs, () => summarize(model)),
      render: timeIt(c.runs, () => renderKeras3(s)),
    });
  }

  console.log('\nwhere our time goes, as multiples of JSON.parse (each step timed alone; checks = what parseJsonText adds to JSON.parse:');
  console.log("the nesting-depth check and reading Python's wrapped values, in one walk of the value):");
  console.log(
    row([
      ['model', 31],
      ['checks', 8, true],
      ['import', 8, true],
      ['summarize', 10, true],
      ['render', 8, true],
    ]),
  );
  for (const r of results) {
    const x = (t: number): string => times(Math.max(0, t) / r.parse);
    console.log(
      row([
        [r.label, 31],
        [x(r.checks), 8, true],
        [x(r.read), 8, true],
        [x(r.summary), 10, true],
        [x(r.render), 8, true],
      ]),
    );
  }

  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  console.log(`\ngoal (issue #6): text → summary within ${GOAL_RATIO}× JSON.parse on the same text`);
  for (const r of results) console.log(`  ${pad(r.label, 31)} ${times(r.ours / r.parse)}: ${verdict(r.ours / r.parse <= GOAL_RATIO)}`);
  const cnn = results[0]!;
  console.log(
    `goal (issue #2): a 200-layer model imported and summarised in under ${GOAL_MS} ms: ${ms(cnn.ours)}, ${verdict(cnn.ours < GOAL_MS)}`,
  );

  console.log('\nreaders (issue #8): the goal is each in under 20 ms');
  const script = pythonScript();
  const scriptLines = script.text.trimEnd().split('\n').length;
  const fromPython = (): Summary => {
    const read = checked(readPython(script.text));
    const s = summarize(read.models[read.main]!.model);
    if (s.error) throw new Error(s.error.message);
    return s;
  };
  const pythonParams = fromPython().totals.params;
  wrong ||= pythonParams !== script.params;
  const pythonMs = timeIt(41, fromPython);
  console.log(
    `  ${scriptLines}-line Python script → summary: ${ms(pythonMs)}, ${verdict(pythonMs < 20)}; ${group(pythonParams)} parameters, ` +
      `${pythonParams === script.params ? 'right' : 'WRONG'} (expected ${group(script.params)})`,
  );

  // a printout is read and each row worked back to its arguments: a repetitive stack, and a real network
  const stack = denseStackPython();
  const printouts = [
    {
      label: '500 × (Dense + BatchNormalization)',
      text: renderKeras3(summarize(checked(readPython(stack.text)).models[0]!.model)),
      params: stack.params,
    },
    // docs/applications.md: Keras reports 88,949,818 parameters for NASNetLarge
    { label: 'NASNetLarge', text: renderKeras3(summarize(applications['NASNetLarge']!())), params: 88_949_818 },
  ];
  for (const p of printouts) {
    const explain = (): Summary => {
      const read = checked(readPrintout(p.text));
      return summaryFromPrintout({ modelName: read.modelName, rows: read.rows.filter((r) => r.depth === 0), totals: read.totals }).summary;
    };
    const explained = explain();
    const allExplained = explained.rows.every((r) => r.params === 0 || r.formula !== undefined);
    wrong ||= explained.totals.params !== p.params || !allExplained;
    const t = timeIt(41, explain);
    console.log(
      `  ${group(explained.rows.length)}-row printout (${p.label}) → read and explained: ${ms(t)}, ${verdict(t < 20)}; ` +
        `${group(explained.totals.params)} parameters, ${allExplained ? 'every count explained' : 'SOME COUNTS UNEXPLAINED'}`,
    );
  }

  // The lab (issue #9): one argument of one layer of a 200-layer built model changed, and the lab's
  // view computed again — the work between the keystroke and the table (the browser test
  // `npm run bench:lab` times the same edit in Chromium, to the painted table).
  console.log('\nmodel lab (issue #9): one layer of a 200-layer model edited → summary and table view; the goal is one frame, 16 ms');
  const cat = catalog();
  let state = emptyState('64');
  for (let i = 0; i < 200; i++) state = insertLayer(state, 'Dense', i, cat);
  for (const layer of state.layers) state = setField(state, layer.id, 'units', '64');
  const middle = state.layers[100]!.id;
  let units = 64;
  const edit = (): void => {
    units = units === 64 ? 32 : 64;
    evaluateState(setField(state, middle, 'units', String(units)), cat, words, 'en', labStrings);
  };
  const edited = evaluateState(setField(state, middle, 'units', '32'), cat, words, 'en', labStrings);
  // 200 × Dense(64) on 64 features is 64·64 + 64 each; layer 101 as Dense(32) gives 64·32 + 32 and the next 32·64 + 64
  const expectedLab = 198 * 4160 + (64 * 32 + 32) + (32 * 64 + 64);
  wrong ||= edited.totals.params !== group(expectedLab);
  const labMs = timeIt(101, edit);
  console.log(
    `  edit → view: ${ms(labMs)}, ${verdict(labMs < 16)}; ${edited.totals.params} parameters (hand arithmetic ${group(expectedLab)})`,
  );

  const loadAfter = loadavg()[0]!;
  if (Math.max(loadBefore, loadAfter) > cpus().length / 2) {
    console.log(
      `\nnote: the machine was busy (1-minute load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} CPUs); expect noisy figures, ` +
        'and ratios that swing with whichever side was interrupted more.',
    );
  }
  if (wrong) {
    console.error('a total is wrong: the figures above time a broken engine');
    process.exitCode = 1;
  }
}

main();
