/**
 * What a lesson module (`src/lessons/<slug>.ts`) declares: the facts its prose quotes, the
 * calculators it embeds and its self-check questions. Both locales' MDX import the same module,
 * so the English and Chinese lessons cannot disagree on a number, and every number is computed
 * by src/calc — at build time for prose, in the browser for calculators.
 */
import type { LayerArgs, Model, Shape } from '@calc/basics.ts';

/** Text in both site locales. */
export interface Localized {
  en: string;
  'zh-cn': string;
}

/** A single layer on given input shape(s): `Conv2D(64, 3)` on `(None, 13, 13, 32)`. */
export interface LayerFact {
  layer: { type: string; name?: string; args?: LayerArgs };
  /** One input shape, or several for merge/attention layers (batch axis first, `null`). */
  input: Shape | Shape[];
}

/** A whole model. */
export interface ModelFact {
  model: Model;
}

export type Fact = LayerFact | ModelFact;

/** What a lesson passes: `<PaddingCompare preset={{ id, input: 28, kernel: 3, stride: 2, dilation: 1 }} />`. */
export interface PaddingPreset {
  /** Unique on the site: prefixes the URL parameters. */
  id: string;
  /** `conv`: convolution rules; `pool`: pooling rules; absent: Keras's conv paddings against PyTorch and Caffe pooling. */
  kind?: 'conv' | 'pool';
  title?: Localized;
  /** The input length L (`length` is accepted as well). */
  input?: number;
  length?: number;
  kernel: number;
  stride: number;
  dilation?: number;
  /** PyTorch's and Caffe's explicit padding per side. */
  padding?: number;
  /** PyTorch pooling's ceil_mode. */
  ceilMode?: boolean;
}

/** A calculator input, bound to one place in the layer args or the input shape. */
export type Field = IntField | ChoiceField | BoolField;

interface FieldBase {
  /**
   * What the field sets. `input[1]` (axis 1 of the only input), `inputs[1][2]` (axis 2 of the
   * second input), `filters`, `kernel_size[0]`, `kernel_size` (an int: every axis), and for a
   * calculator with several layers `layers[1].units` to set only one of them (otherwise every
   * layer that has the argument gets it).
   */
  target: string;
  /** Label override; by default the label comes from the UI dictionary entry for the target. */
  label?: Localized;
  /** Short help shown under the field. */
  help?: Localized;
}

export interface IntField extends FieldBase {
  kind: 'int';
  /** The slider's range; the number box takes any whole number the field's rule allows (src/calc/field-rules.ts). */
  min: number;
  max: number;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: string[];
}

export interface BoolField extends FieldBase {
  kind: 'bool';
}

/** What a calculator shows. */
export type Show =
  | 'params'
  | 'split'
  | 'formula'
  | 'shape'
  | 'weights'
  | 'kernel'
  | 'pooling-grid'
  | 'matrix'
  | 'strip'
  | 'flatten'
  | 'gates'
  | 'projections';

export interface CalculatorPreset {
  /** Unique across the site: prefixes the URL parameters and names the calculator in tests. */
  id: string;
  title: Localized;
  /** The layer(s) computed from the same fields; several are shown side by side. */
  layers: { type: string; args?: LayerArgs; label?: Localized }[];
  /** The starting input shape(s), batch axis first. */
  input: Shape | Shape[];
  fields: Field[];
  show: Show[];
}

export interface LessonModule {
  /** Named facts the prose quotes with <Fact of={facts.x} show="params" />. */
  facts: Record<string, Fact>;
  calculators: Record<string, CalculatorPreset>;
  /**
   * Numbers the prose may contain that src/calc does not compute (a year, "4 vectors", a
   * PyTorch padding), each with the reason. The drift test allows these and the numbers derived
   * from `facts`; any other number in the lesson fails it.
   */
  otherNumbers: { value: number; why: string }[];
  /**
   * The layer types the lesson is about (`Conv2D`): the model lab's "the lesson that teaches this"
   * link goes to the first lesson that names a layer's type here (components/lab/lesson-links.ts).
   */
  teaches?: string[];
}
