/**
 * Hand-built ZIP archives for the hostile-archive tests: every header field is whatever the test
 * says, so an archive can lie about its sizes or its entry count. Nothing here checks anything;
 * fflate's own zipSync would refuse to write these.
 */

export interface CraftedEntry {
  name: string;
  /** The entry's bytes as stored in the archive (already deflated when method is 8), or that many zeros. */
  data: Uint8Array | { zeros: number };
  method?: 0 | 8 | number;
  /** What the headers claim the entry unpacks to (default: data.length). */
  declaredSize?: number;
  flags?: number;
}

class Bytes {
  private readonly parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u16(v: number): this {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff);
  }
  u64(v: number): this {
    return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000));
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A ZIP with the given entries, local headers and central directory agreeing on every claim. */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  return concat(craftZipParts(entries).map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p.zeros))));
}

const lengthOf = (data: CraftedEntry['data']): number => (data instanceof Uint8Array ? data.length : data.zeros);

/** craftZip in parts, runs of zeros left unwritten: a file of gigabytes costs its headers only. */
export function craftZipParts(entries: readonly CraftedEntry[]): (Uint8Array | { zeros: number })[] {
  const chunks: (Uint8Array | { zeros: number })[] = [];
  let offset = 0;
  const central = new Bytes();
  for (const e of entries) {
    const name = utf8(e.name);
    const size = e.declaredSize ?? lengthOf(e.data);
    const header = (sig: number): Bytes => {
      const b = new Bytes().u32(sig);
      if (sig === 0x02014b50) b.u16(20);
      return b
        .u16(20)
        .u16((e.flags ?? 0) | 0x800)
        .u16(e.method ?? 0)
        .u16(0)
        .u16(0)
        .u32(0)
        .u32(lengthOf(e.data))
        .u32(size)
        .u16(name.length)
        .u16(0);
    };
    const local = header(0x04034b50).raw(name).done();
    central.raw(header(0x02014b50).u16(0).u16(0).u16(0).u32(0).u32(offset).done()).raw(name);
    chunks.push(local, e.data);
    offset += local.length + lengthOf(e.data);
  }
  const end = new Bytes()
    .u32(0x06054b50)
    .u16(0)
    .u16(0)
    .u16(entries.length)
    .u16(entries.length)
    .u32(central.length)
    .u32(offset)
    .u16(0)
    .done();
  return [...chunks, central.done(), end];
}

/** 128 bytes whose zip64 end record claims 0xFFFFFFFF entries (the red team's archive). */
export function zip64EntryCountBomb(): Uint8Array {
  const local = new Bytes().u32(0x04034b50).u16(45).u16(0).u16(0).u16(0).u16(0).u32(0).u32(0).u32(0).u16(0).u16(0).done();
  const record = new Bytes()
    .u32(0x06064b50)
    .u64(44)
    .u16(45)
    .u16(45)
    .u32(0)
    .u32(0)
    .u64(0xffffffff)
    .u64(0xffffffff)
    .u64(0xffffffff)
    .u64(0)
    .done();
  const locator = new Bytes().u32(0x07064b50).u32(0).u64(local.length).u32(1).done();
  const end = new Bytes().u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(0).done();
  return concat([local, record, locator, end]);
}

/**
 * A raw deflate stream that unpacks to `size` zero bytes, written directly (fixed Huffman codes:
 * one literal 0, then matches of length 258 at distance 1): about 13 bits per 258 bytes, so a
 * 250 MB bomb is 1.6 MB and takes milliseconds to build, where deflating 250 MB would take seconds.
 */
export function zeroBomb(size: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (value: number, n: number): void => {
    acc |= value << bits;
    bits += n;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--) put((value >> i) & 1, 1);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman codes
  const literalZero = (): void => code(0x30, 8);
  if (size > 0) literalZero();
  const matches = Math.floor(Math.max(0, size - 1) / 258);
  for (let i = 0; i < matches; i++) {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  for (let i = 0; i < Math.max(0, size - 1) % 258; i++) literalZero();
  code(0, 7); // end of block
  if (bits > 0) out.push(acc & 0xff);
  return Uint8Array.from(out);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
