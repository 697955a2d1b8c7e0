/**
 * The numbers a reader sees in a lesson's MDX source: prose, headings, tables, code blocks and
 * math, but not the frontmatter, the ESM import/export blocks, or JSX (component tags with their
 * attribute code, `{expressions}`), which are not text on the page. Masked parts are blanked
 * out in place, so every number keeps its line.
 */

export interface NumberToken {
  /** 1-based line in the MDX file. */
  line: number;
  /** As written: `18,496`, `1e-3`. */
  text: string;
  value: number;
}

/** Replace a span by spaces, keeping newlines (and so line numbers). */
const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** The frontmatter block at the very top. */
function maskFrontmatter(src: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  return m ? blank(m[0]) + src.slice(m[0].length) : src;
}

/**
 * Split into lines tagged as fenced code (checked as is, fence lines masked: their meta holds
 * line ranges such as `{3-5}`), display math (checked) or prose; ESM blocks (a paragraph that starts
 * with `import` or `export`) are masked, as MDX reads them as code, not text.
 */
function maskBlocks(src: string): { text: string; prose: boolean[] } {
  const lines = src.split('\n');
  const prose: boolean[] = [];
  let fence: string | null = null;
  let esm = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      prose.push(false);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') {
        fence = null;
        lines[i] = blank(line);
      }
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1]!;
      lines[i] = blank(line);
      prose.push(false);
      continue;
    }
    if (esm || /^(import|export)\s/.test(line)) {
      esm = line.trim() !== '';
      lines[i] = blank(line);
      prose.push(false);
      continue;
    }
    prose.push(true);
  }
  return { text: lines.join('\n'), prose };
}

/** End index (exclusive) of a balanced `{…}` starting at `start`, skipping string literals. */
function braceEnd(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = s.indexOf(c, i + 1);
      if (close === -1) return s.length;
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** End index (exclusive) of a JSX/HTML tag starting at `start` (`<Fact of={…} show="…" />`). */
function tagEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close === -1) return s.length;
      i = close;
    } else if (c === '{') i = braceEnd(s, i) - 1;
    else if (c === '>') return i + 1;
  }
  return s.length;
}

/**
 * In prose, mask JSX tags, `{expressions}`, HTML comments, link targets and bare URLs, and list
 * markers (`11. `); keep inline code and inline math, which readers see.
 */
function maskProse(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const rest = s.slice(i, i + 4);
    if (c === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const close = s.indexOf(run, i + run.length);
      const end = close === -1 ? i + run.length : close + run.length;
      out += s.slice(i, end);
      i = end;
    } else if (c === '$') {
      const run = s.startsWith('$$', i) ? '$$' : '$';
      const close = s.indexOf(run, i + run.length);
      const end = close === -1 ? i + run.length : close + run.length;
      out += s.slice(i, end);
      i = end;
    } else if (rest === '<!--') {
      const close = s.indexOf('-->', i);
      const end = close === -1 ? s.length : close + 3;
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === '<' && /[A-Za-z/]/.test(s[i + 1] ?? '')) {
      const end = tagEnd(s, i);
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === '{') {
      const end = braceEnd(s, i);
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === ']' && s[i + 1] === '(') {
      const close = s.indexOf(')', i);
      const end = close === -1 ? i + 1 : close + 1;
      out += ']' + blank(s.slice(i + 1, end));
      i = end;
    } else if (/^https?:\/\//.test(s.slice(i, i + 8))) {
      const end = i + /^\S+/.exec(s.slice(i))![0].length;
      out += blank(s.slice(i, end));
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/^(\s*)(\d+)([.)]\s)/gm, (_, indent: string, n: string, after: string) => indent + blank(n) + after);
}

/**
 * A number stands alone: not glued to an ASCII letter, digit, `_` or `.` (so `conv2d_1`, `VGG16`,
 * `float32`, `3D`, `v1.2` are names, not numbers); `11x11x64` reads as 11 × 11 × 64.
 */
const NUMBER =
  /(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![A-Za-z0-9_])/g;

/** The value of a number token: digit groups dropped, `1e-3` read as 0.001. */
export const numberValue = (text: string): number => Number(text.replace(/[,\u00a0\u2009\u202f]/g, ''));

/** Every number a reader sees in an MDX source, with its line. */
export function numbersInMdx(source: string): NumberToken[] {
  const { text, prose } = maskBlocks(maskFrontmatter(source.replace(/\r\n/g, '\n')));
  const lines = text.split('\n');
  // Prose is masked as one string, since a component tag may span several lines.
  const proseText = lines.map((l, i) => (prose[i] ? l : blank(l))).join('\n');
  const maskedProse = maskProse(proseText).split('\n');
  const visible = lines.map((l, i) => (prose[i] ? maskedProse[i]! : l)).join('\n');
  return numbersInText(visible);
}

/** Every number in plain text with `code`. */
export function numbersInText(text: string): NumberToken[] {
  // `11x11` is 11 × 11; TeX groups digits as `93{,}322` or `18\,496`.
  const spread = text
    .replace(/(?<=\d)[xX](?=\d)/g, '×')
    .replace(/(?<=\d)\{,\}(?=\d{3})/g, ',')
    .replace(/(?<=\d)\\[,;:! ](?=\d{3})/g, '\u2009');
  const tokens: NumberToken[] = [];
  for (const m of spread.matchAll(NUMBER)) {
    const line = spread.slice(0, m.index).split('\n').length;
    tokens.push({ line, text: m[0], value: numberValue(m[0]) });
  }
  return tokens;
}

/** What a lesson may contain besides the numbers its facts derive. */
export interface Allowance {
  derived: ReadonlySet<number>;
  other: readonly number[];
}

/** 0–10 (small counts and steps), a derived number, or one of `otherNumbers`. */
export const isAllowed = (value: number, allowance: Allowance): boolean =>
  (value >= 0 && value <= 10) || allowance.derived.has(value) || allowance.other.includes(value);

/** `file:line: 18,469 …` for each number a lesson may not contain. */
export function driftProblems(file: string, tokens: readonly NumberToken[], allowance: Allowance): string[] {
  return tokens
    .filter((t) => !isAllowed(t.value, allowance))
    .map((t) => `${file}:${t.line}: ${t.text} is not computed from the lesson's facts, is not 0–10, and is not in otherNumbers`);
}
