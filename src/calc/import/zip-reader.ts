/**
 * The part of the ZIP format a `.keras` archive needs, read defensively: the central directory
 * first (names and declared sizes, nothing inflated), then only the entries the caller picks,
 * each inflated against its declared size. A forged archive (a directory claiming four billion
 * entries, a header that understates an entry, a deflate bomb) is refused after a bounded
 * amount of work instead of being trusted. Bytes are read through a ByteSource, so a `.keras`
 * file of gigabytes of weights is read only where its directory and config.json are.
 */
import { Inflate } from 'fflate';
import { diagnostic } from '../diagnostics.ts';
import type { Result } from '../types.ts';

/** Random access to the archive's bytes: memory, or a file the CLI reads where it is asked to. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Uint8Array;
}

/** A ByteSource over bytes already in memory. */
export const memorySource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** What the directory says the entry unpacks to; checked when it is unpacked. */
  size: number;
  localHeaderOffset: number;
}

/** A `.keras` archive holds three entries; a few thousand is already not a model file. */
export const MAX_ZIP_ENTRIES = 4096;
/** The directory of 4,096 entries with long names fits in a few megabytes. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_RECORD_SEARCH = 22 + 0xffff;
const FLAG_ENCRYPTED = 1;
const FLAG_UTF8 = 1 << 11;
/** Compressed bytes fed to the inflater at a time: at deflate's ~1,032:1 at most ~16 MB out per step. */
const INFLATE_STEP = 16 * 1024;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => u16(b, at) + u16(b, at + 2) * 0x10000;
/** A 64-bit field as a number; past 2^53 it is only ever compared against small limits. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

const noDirectory = (): Result<never> => ({ ok: false, error: diagnostic('archive-no-directory', {}) });
const outsideFile = (): Result<never> => ({ ok: false, error: diagnostic('archive-outside-file', {}) });

/** Where the central directory is and how many entries it claims, from the (zip64) end record. */
function findDirectory(src: ByteSource): Result<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, src.size - END_RECORD_SEARCH);
  const tail = src.read(tailStart, src.size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === END_RECORD) {
      end = i;
      break;
    }
  }
  if (end < 0) return noDirectory();
  let count = u16(tail, end + 10);
  let size = u32(tail, end + 12);
  let offset = u32(tail, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + end - 20;
    const locator = locatorAt >= 0 ? src.read(locatorAt, 20) : new Uint8Array(0);
    if (locator.length < 20 || u32(locator, 0) !== ZIP64_LOCATOR) return noDirectory();
    const at = u64(locator, 8);
    if (at + 56 > src.size) return outsideFile();
    const record = src.read(at, 56);
    if (u32(record, 0) !== ZIP64_END_RECORD) return noDirectory();
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (count > MAX_ZIP_ENTRIES) return { ok: false, error: diagnostic('archive-too-many-entries', { count, max: MAX_ZIP_ENTRIES }) };
  // Every directory header takes at least 46 bytes: a count the directory cannot hold is forged.
  if (offset + size > src.size || count * 46 > size) return outsideFile();
  if (size > MAX_DIRECTORY_BYTES)
    return { ok: false, error: diagnostic('archive-directory-too-large', { size, max: MAX_DIRECTORY_BYTES }) };
  return { ok: true, value: { offset, size, count } };
}

/** Every entry the central directory lists, without reading any entry's data. */
export function zipEntries(src: ByteSource): Result<ZipEntry[]> {
  const dir = findDirectory(src);
  if (!dir.ok) return dir;
  const { offset, size, count } = dir.value;
  const b = src.read(offset, size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== DIRECTORY_HEADER) return noDirectory();
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > b.length) return outsideFile();
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: new TextDecoder(flags & FLAG_UTF8 ? 'utf-8' : 'latin1').decode(nameBytes),
      method: u16(b, at + 10),
      encrypted: (flags & FLAG_ENCRYPTED) !== 0,
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localHeaderOffset: u32(b, at + 42),
    };
    readZip64Extra(b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at = next;
  }
  return { ok: true, value: entries };
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field, in this order. */
function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 0x0001) continue;
    let field = at + 4;
    const end = at + 4 + u16(extra, at + 2);
    for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
      if (entry[key] !== 0xffffffff || field + 8 > end) continue;
      entry[key] = u64(extra, field);
      field += 8;
    }
    return;
  }
}

/**
 * The bytes of one entry, at most `maxBytes`: an entry declaring more is refused before any
 * work, and one whose data unpacks to more or less than it declares is refused as forged.
 */
export function unpackEntry(src: ByteSource, entry: ZipEntry, maxBytes: number): Result<Uint8Array> {
  const at = { path: entry.name };
  const fail = (e: ReturnType<typeof diagnostic>): Result<never> => ({ ok: false, error: e });
  if (entry.encrypted) return fail(diagnostic('archive-entry-encrypted', {}, at));
  if (entry.method !== 0 && entry.method !== 8) return fail(diagnostic('archive-entry-method', { method: entry.method }, at));
  if (entry.size > maxBytes) return fail(diagnostic('archive-entry-too-large', { size: entry.size, max: maxBytes }, at));
  const header = src.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== LOCAL_HEADER) return outsideFile();
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > src.size) return outsideFile();
  const mismatch = (actual: number, more: boolean): Result<never> =>
    fail(diagnostic('archive-entry-size-mismatch', { declared: entry.size, actual, more }, at));
  if (entry.method === 0) {
    return entry.compressedSize === entry.size ? { ok: true, value: src.read(start, entry.size) } : mismatch(entry.compressedSize, false);
  }

  // Compressed data is read step by step too: a forged compressed size costs nothing.
  const out = new Uint8Array(entry.size);
  let got = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (got + chunk.length > entry.size) {
      over = true;
      return;
    }
    out.set(chunk, got);
    got += chunk.length;
  });
  try {
    if (entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
    for (let p = 0; p < entry.compressedSize && !over; p += INFLATE_STEP) {
      const step = Math.min(INFLATE_STEP, entry.compressedSize - p);
      inflater.push(src.read(start + p, step), p + step >= entry.compressedSize);
    }
  } catch {
    return fail(diagnostic('archive-entry-damaged', {}, at));
  }
  if (over) return mismatch(entry.size, true);
  return got === entry.size ? { ok: true, value: out } : mismatch(got, false);
}
