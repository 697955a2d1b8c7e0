/**
 * The words a calculator shows, chosen at build time for the page's locale: the UI strings, the
 * role names of formula numbers, and a label for every field (the preset's own, else one made
 * from the Keras argument or input axis it targets). Only the chosen strings reach the browser;
 * the engine this file asks which axes are spatial runs at build time only.
 */
import {
  argLabels,
  calculatorStrings,
  pick,
  roleNames,
  type ArgLabels,
  type CalculatorStrings,
  type Locale,
  type RoleNames,
} from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import { SPATIAL_AXES } from '@i18n/diagnostic-text.ts';
import type { CalculatorPreset, Field } from '@lessons/types.ts';
import { isWindowStep, shapeList } from '@calc/basics.ts';
import { resolveLayer } from '@calc/engine.ts';
import { parseTarget } from './fields.ts';

export interface CalculatorText {
  /** The page's locale: the engine's diagnostics are worded in it once the engine is here. */
  locale: Locale;
  ui: CalculatorStrings;
  roles: RoleNames;
  title: string;
  /** Per field: its label and optional help line. */
  fields: { label: string; help: string | null }[];
  /** Per layer: the column heading. */
  layers: string[];
}

type AxisWord = keyof ArgLabels['axis'];

/** Step rules that move along spatial positions besides windows: zeros at the edges, crops, repeats. */
const SPATIAL_RULES = new Set<string>(['pad', 'crop', 'upsample']);

/**
 * The channel axis of the preset's first layer when that layer works along spatial axes (its
 * shape steps slide a window, pad, crop or repeat along them), else null: its input's other
 * axes are spatial. The steps say which axes those are, so channels_first needs no rule here.
 */
function channelAxisOf(preset: CalculatorPreset): number | null {
  const first = preset.layers[0];
  const rank = shapeList(preset.input)[0]?.length ?? 0;
  if (!first || rank < 3) return null;
  const r = resolveLayer(first, preset.input);
  if (!r.ok) return null;
  const spatial = new Set(r.row.steps.filter((s) => isWindowStep(s) || SPATIAL_RULES.has(s.rule)).flatMap((s) => s.axes));
  if (spatial.size === 0) return null;
  const rest = Array.from({ length: rank - 1 }, (_, i) => i + 1).filter((a) => !spatial.has(a));
  // an axis a step left unchanged (cropping 0) is not a channel axis: channels sit first or last
  if (rest.length === 1) return rest[0]!;
  return spatial.has(rank - 1) ? 1 : rank - 1;
}

/** What axis `axis` of an input of rank `rank` is, given the channel axis of a spatial layer (null for others). */
function inputAxisWord(channel: number | null, rank: number, axis: number): AxisWord | null {
  if (axis === 0) return 'batch';
  if (channel !== null) {
    if (axis === channel) return 'channels';
    const spatial = Array.from({ length: rank - 1 }, (_, i) => i + 1).filter((a) => a !== channel);
    return SPATIAL_AXES[rank - 2]?.[spatial.indexOf(axis)] ?? null;
  }
  if (axis === rank - 1) return 'features';
  return rank === 3 && axis === 1 ? 'steps' : null;
}

const axisText = (labels: ArgLabels, word: AxisWord | null, axis: number): string =>
  word === null ? fill(labels.axis.other, { n: axis }) : labels.axis[word];

/** A field's default label: `Input height`, `Kernel size, width`, `Filters`; unknown arguments show their Keras name. */
export function defaultLabel(
  preset: CalculatorPreset,
  field: Field,
  labels: ArgLabels,
  channel: number | null = channelAxisOf(preset),
): string {
  const t = parseTarget(field.target);
  if (t === null) return field.target;
  if (t.kind === 'input') {
    const shapes = shapeList(preset.input);
    const rank = shapes[t.input ?? 0]?.length ?? 0;
    const axis = axisText(labels, inputAxisWord(channel, rank, t.axis), t.axis);
    return t.input === null || shapes.length === 1 ? fill(labels.input, { axis }) : fill(labels.inputOf, { n: t.input + 1, axis });
  }
  const name = Object.hasOwn(labels.arg, t.name) ? labels.arg[t.name as keyof ArgLabels['arg']] : t.name;
  if (t.index === null) return name;
  const layer = preset.layers[t.layer ?? 0];
  const current = layer?.args?.[t.name];
  const spatial = Array.isArray(current) ? current.length : (shapeList(preset.input)[0]?.length ?? 2) - 2;
  return fill(labels.argAxis, { arg: name, axis: axisText(labels, SPATIAL_AXES[spatial]?.[t.index] ?? null, t.index) });
}

/** Everything the island needs to say, in one locale. */
export function calculatorText(preset: CalculatorPreset, locale: Locale): CalculatorText {
  const labels = pick(argLabels, locale);
  const channel = channelAxisOf(preset);
  return {
    locale,
    ui: pick(calculatorStrings, locale),
    roles: pick(roleNames, locale),
    title: preset.title[locale],
    fields: preset.fields.map((f) => ({
      label: f.label?.[locale] ?? defaultLabel(preset, f, labels, channel),
      help: f.help?.[locale] ?? null,
    })),
    layers: preset.layers.map((l) => l.label?.[locale] ?? l.type),
  };
}
