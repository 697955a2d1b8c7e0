/** The one line a bad input earns on standard error: `error: <where>: <what>`. */
import { describeDiagnostic as describe, type Diagnostic } from '@calc/basics.ts';
import { escapeControls } from '@calc/render.ts';

/**
 * `model.json:3:14: …` for a place in the text, `model.json: conv2d_1 (Conv2D), kernel_size: …`
 * for a layer, `model.keras: config.json:3:14: …` for a file inside an archive.
 */
export function errorLine(source: string, d: Diagnostic): string {
  const where: string[] = [];
  const { line, column, path, ...rest } = d;
  const at = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
  if (path !== undefined && (line !== undefined || d.layer === undefined)) where.push(source, `${path}${at}`);
  else where.push(`${source}${at}`);
  return oneLine(`error: ${where.join(': ')}: ${describe(rest)}`);
}

/** Something read that does not add up, said without stopping: `warning: paste.txt:14: …`. */
export const warningLine = (source: string, d: Diagnostic): string => errorLine(source, d).replace(/^error: /, 'warning: ');

/** A usage problem: `error: --format: unknown format "xml" (expected …)`, one line like any other. */
export const usageErrorLine = (where: string, message: string): string => oneLine(`error: ${where}: ${message}`);

/** Messages may quote the user's input; keep them to one printable line. */
function oneLine(s: string): string {
  return escapeControls(s.replace(/\s*[\r\n]+\s*/g, ' '));
}
