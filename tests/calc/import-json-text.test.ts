/**
 * Broken JSON is answered with the line and column of the first mistake and what is wrong there,
 * in words. Lines and columns below are counted by hand in the text each test shows.
 */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonText } from '@calc/import/json-text.ts';

function problem(text: string) {
  const r = parseJsonText(text);
  if (r.ok) throw new Error('parsed, but a diagnostic was expected');
  return r.error;
}

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, 2.5e3, -0.5, true, null, "x\\u00e9\\n"]}')).toEqual({
      ok: true,
      value: { a: [1, 2500, -0.5, true, null, 'xé\n'] },
    });
  });

  it.each([
    // text, line, column, what the message says
    ['{\n  "class_name": "Sequential",\n  "config": x\n}', 3, 13, 'expected a value, found "x"'],
    ['{"a": 1,}', 1, 9, 'a comma before "}" is not allowed in JSON'],
    ['[1, 2,\n]', 2, 1, 'a comma before "]" is not allowed in JSON'],
    ["{'a': 1}", 1, 2, 'property names need double quotes, not single quotes'],
    ['{"a": \'b\'}', 1, 7, 'strings need double quotes, not single quotes'],
    ['{"trainable": True}', 1, 15, 'True is Python; JSON writes true'],
    ['{"dtype": None}', 1, 11, 'None is Python; JSON writes null'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name, found "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}", found """'],
    ['{"a": [1, 2}', 1, 12, 'expected "," or "]", found "}"'],
    ['{"a": "unterminated}', 1, 7, 'this string is never closed'],
    ['{"a": "line\nbreak"}', 1, 12, 'a string contains a raw line break'],
    ['{"a": "\\x"}', 1, 8, '"\\x" is not a JSON escape'],
    ['{"a": 01}', 1, 7, 'numbers cannot start with 0 in JSON'],
    ['{"a": 1.}', 1, 8, 'a decimal point needs digits after it'],
    ['{"a": 1} {"b": 2}', 1, 10, 'unexpected "{" after the end of the JSON value'],
    ['{"layers": [\n  {"a": 1}', 2, 11, 'the text ends inside a list ([…]): a closing bracket is missing'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    const e = problem(text);
    expect({ line: e.line, column: e.column }).toEqual({ line, column });
    expect(e.message).toContain(`this is not valid JSON: ${message}`);
  });

  it('reads the NaN and Infinity Python writes (no count depends on them) as null', () => {
    expect(parseJsonText('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN"}')).toEqual({
      ok: true,
      value: { a: null, b: [null, null], c: 'NaN' },
    });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels at the bracket that goes too deep`, () => {
    const e = problem(`{"a":\n${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}}`);
    // The object is level 1, so the list bracket that opens level 1,001 is the 1,000th on line 2.
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: MAX_JSON_DEPTH });
    expect(e.message).toContain('nest more than 1,000 levels deep');
  });

  it('does not count brackets inside strings as nesting', () => {
    const deepString = `"${'['.repeat(MAX_JSON_DEPTH * 2)}"`;
    expect(parseJsonText(`{"a": ${deepString}}`).ok).toBe(true);
  });

  it('names the nesting first in text that is both too deep and broken', () => {
    // 1,005 brackets open on line 2 and none closes: the 1,000th is the first too deep.
    const e = problem(`{"a":\n${'['.repeat(MAX_JSON_DEPTH + 5)}`);
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: MAX_JSON_DEPTH });
    expect(e.message).toContain('nest more than 1,000 levels deep');
  });

  it('finds nesting that only the NaN-tolerant reading reaches', () => {
    const e = problem(`[NaN, ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}]`);
    // "[NaN, " is 6 characters; the bracket that opens level 1,001 is the 1,000th after them.
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 6 + MAX_JSON_DEPTH });
  });

  it('refuses a megabyte of nesting (short enough to be parsed before its depth is checked) at the same bracket', () => {
    const half = 500 * 1024;
    const e = problem('['.repeat(half) + ']'.repeat(half));
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: MAX_JSON_DEPTH + 1 });
  });

  it("reads Python's wrapped values as the lists they are, whatever the key order", () => {
    const text = JSON.stringify({
      kernel_size: { class_name: '__tuple__', config: { value: [3, { config: { value: [1, 2] }, class_name: '__tuple__' }] } },
      batch_input_shape: { items: [null, 28], class_name: 'TensorShape' },
      unknown: { class_name: 'TensorShape', items: 'not a list' },
    });
    expect(parseJsonText(text)).toEqual({
      ok: true,
      value: { kernel_size: [3, [1, 2]], batch_input_shape: [null, 28], unknown: { class_name: 'TensorShape', items: 'not a list' } },
    });
  });

  it('counts the depth of wrapped values as written, not as read', () => {
    // Each tuple opens 3 levels (itself, its config, its value list): 400 of them nest 1,200 deep,
    // though read as lists they would nest only 400. Level 1,001 = 3 × 333 + 2: the config's brace
    // of the 334th tuple.
    const open = '{"class_name": "__tuple__", "config": {"value": [';
    const e = problem(open.repeat(400) + '1' + ']}}'.repeat(400));
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 333 * open.length + open.indexOf('{', 1) + 1 });
    expect(e.message).toContain('nest more than 1,000 levels deep');
  });

  it('answers 50 MB of nesting at once, without parsing it', () => {
    const half = 25 * 1024 * 1024;
    const e = problem('['.repeat(half) + ']'.repeat(half));
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: MAX_JSON_DEPTH + 1 });
  });
});
