/**
 * The model file or standard input as bytes, read in chunks against a cap: `summary -- /dev/zero`
 * or gigabytes on a pipe stop at the cap instead of growing memory until the machine gives out.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { isZip, type ByteSource } from '@calc/import.ts';
import { diagnostic, type Diagnostic, type DiagnosticCode, type Result } from '@calc/basics.ts';

/** Documented in the README: the largest model file the CLI reads (a .keras config.json has the same cap). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Collect a byte stream, refusing it as soon as it passes `max` bytes. */
export async function readCapped(chunks: ByteChunks, max = MAX_INPUT_BYTES): Promise<Result<Uint8Array>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > max) return { ok: false, error: diagnostic('input-too-large', { max }) };
    parts.push(bytes);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { ok: true, value: out };
}

/** A file's bytes, up to the cap; an unreadable file is the user's problem, not a bug. */
export async function readFileCapped(path: string, max = MAX_INPUT_BYTES): Promise<Result<Uint8Array>> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    return await readCapped(stream, max);
  } catch (e) {
    return { ok: false, error: readProblem(e) };
  } finally {
    stream.destroy();
  }
}

/**
 * A regular file that starts like a ZIP archive, as a ByteSource that reads only the parts the
 * archive reader asks for: a `.keras` file's weights may be far past the input cap. Undefined
 * for anything else (and for a file that cannot be opened: readFileCapped says why).
 */
export function openArchive(path: string): { source: ByteSource; close: () => void } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const close = (): void => closeSync(fd);
  try {
    const stat = fstatSync(fd);
    const source: ByteSource = {
      size: stat.size,
      read: (offset, length) => readAt(fd, offset, Math.max(0, Math.min(length, stat.size - offset))),
    };
    if (stat.isFile() && isZip(source.read(0, 4))) return { source, close };
  } catch {
    // not readable as a file: the ordinary reader reports it
  }
  close();
  return undefined;
}

/** `length` bytes at `offset`, as many reads as the system needs. */
function readAt(fd: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, offset + got);
    if (n === 0) return out.subarray(0, got);
    got += n;
  }
  return out;
}

/** What the operating system said, as a code a reader understands. */
const READ_PROBLEMS = new Map<string, DiagnosticCode>([
  ['ENOENT', 'file-not-found'],
  ['EISDIR', 'file-is-directory'],
  ['EACCES', 'file-permission-denied'],
  ['EPERM', 'file-permission-denied'],
  ['ENOTDIR', 'file-path-not-directory'],
  ['ENAMETOOLONG', 'file-name-too-long'],
]);

function readProblem(e: unknown): Diagnostic {
  const code = (e as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? READ_PROBLEMS.get(code) : undefined;
  if (known) return diagnostic(known as 'file-not-found', {});
  return diagnostic('file-unreadable', { reason: e instanceof Error ? e.message : String(e) });
}
