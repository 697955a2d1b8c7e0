/**
 * Finding, in pasted code, the line a problem belongs to when the reader could not say: the
 * engine refuses a layer of the model the code built (a kernel of −3), and the model data keeps no
 * source position, so the layer is looked for by its name.
 */
import type { Mark } from './CodeEditor.tsx';

const regexEscaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the code makes a layer the engine refused: `name="conv2d_1"` when the code names it, else
 * the (n+1)-th call of its class for Keras's automatic name `conv2d_n` (the reader names layers in
 * the order the code makes them). Null when the text does not show it.
 */
export function findLayer(text: string, name: string, type: string): Mark | null {
  const at = (offset: number): Mark => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const named = new RegExp(`name\\s*=\\s*["']${regexEscaped(name)}["']`).exec(text);
  if (named) return at(named.index);
  const auto = /_(\d+)$/.exec(name);
  const n = auto ? Number(auto[1]) : 0;
  const calls = [...text.matchAll(new RegExp(`\\b${regexEscaped(type)}\\s*\\(`, 'g'))];
  const call = calls[n];
  return call?.index === undefined ? null : at(call.index);
}
