/**
 * Every calculator preset in every lesson module (and the home page's) is one the island can
 * show: a unique URL-safe id, fields whose targets land somewhere, starting values inside the
 * slider's range and among the choices, and a starting state where every layer resolves.
 */
import { describe, expect, it } from 'vitest';
import type { CalculatorPreset } from '@lessons/types.ts';
import { applyValues, layersOf, parseTarget, startTexts, startValue } from '@components/islands/calculator/fields.ts';
import { shapeList } from '@calc/basics.ts';
import { engine } from '@components/islands/calculator/engine.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import { startState } from '@components/islands/calculator/state.ts';

const modules = import.meta.glob<{ calculators?: Record<string, CalculatorPreset> }>('../../src/lessons/*.ts', { eager: true });
const presets = Object.entries(modules).flatMap(([file, m]) =>
  Object.entries(m.calculators ?? {}).map(([name, preset]) => ({
    where: `${file.replace(/^.*\//, '')} calculators.${name}`,
    preset: prepare(preset),
  })),
);

describe('calculator presets', () => {
  it('exist (the home page has one)', () => {
    expect(presets.some((p) => p.preset.id === 'home-conv2d')).toBe(true);
  });
  it('have unique ids that are safe in a URL parameter name', () => {
    const ids = presets.map((p) => p.preset.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  for (const { where, preset } of presets) {
    describe(where, () => {
      it('has field targets that each land on an input axis or a layer', () => {
        const shapes = shapeList(preset.input);
        for (const f of preset.fields) {
          const t = parseTarget(f.target);
          expect(t, f.target).not.toBeNull();
          if (t?.kind === 'input') {
            expect(t.input === null ? shapes.every((s) => t.axis < s.length) : t.axis < (shapes[t.input]?.length ?? 0), f.target).toBe(
              true,
            );
            expect(t.axis, `${f.target}: the batch axis is not a field`).toBeGreaterThan(0);
          } else if (t) {
            expect(layersOf(preset, t).length, f.target).toBeGreaterThan(0);
          }
        }
        expect(new Set(preset.fields.map((f) => f.target)).size).toBe(preset.fields.length);
      });
      it('starts every field inside its slider range or among its choices', () => {
        for (const f of preset.fields) {
          const v = startValue(preset, f);
          expect(v, `${f.target} needs a starting value (give it in the preset's args)`).not.toBeNull();
          if (f.kind === 'int') {
            expect(typeof v, f.target).toBe('number');
            expect(f.min <= (v as number) && (v as number) <= f.max, `${f.target} = ${String(v)} within [${f.min}, ${f.max}]`).toBe(true);
            const rule = preset.rules[preset.fields.indexOf(f)]!;
            expect(
              rule.min <= f.min && f.max <= rule.max,
              `${f.target}: the slider [${f.min}, ${f.max}] within the rule [${rule.min}, ${rule.max}]`,
            ).toBe(true);
          }
          if (f.kind === 'choice') expect(f.options, f.target).toContain(v);
          if (f.kind === 'bool') expect(typeof v, f.target).toBe('boolean');
        }
      });
      it('resolves every layer from its starting values', () => {
        const s = startState(preset, engine);
        expect(s.problems.map((p) => ('message' in p.message ? p.message.message : p.message.code))).toEqual([]);
        expect(s.columns.every((c) => c !== null && !c.stale)).toBe(true);
      });
      it('changes something when a field changes', () => {
        const base = JSON.stringify(
          applyValues(
            preset,
            startTexts(preset).map(() => null),
          ),
        );
        preset.fields.forEach((f, i) => {
          const values = preset.fields.map(() => null as number | string | boolean | null);
          values[i] = f.kind === 'int' ? 7919 : f.kind === 'bool' ? 'flag' : 'other-choice';
          expect(JSON.stringify(applyValues(preset, values)), f.target).not.toBe(base);
        });
      });
    });
  }
});
