/**
 * Typed arrays as one binary file: a u32 length, a JSON header, then the arrays, each 8-byte aligned so that they
 * load as views with no copy and no parse. The models the NLP checkers build from JSON at every start (langdetect's
 * profiles, the POS tagger's weights) are stored this way under `.cache/`.
 */

export type TypedArray = Int32Array | Uint8Array | Uint16Array | Float64Array;
const KINDS = { Int32Array, Uint8Array, Uint16Array, Float64Array } as const;
type Kind = keyof typeof KINDS;

/** What `unpackArrays` gives back: the caller's header fields, and the arrays by name. */
export interface Unpacked {
  readonly header: Record<string, unknown>;
  readonly arrays: ReadonlyMap<string, TypedArray>;
}

const pad8 = (n: number): number => (n + 7) & ~7;

/**
 * `header` (JSON-serialisable; its field `arrays` is taken for the layout) and `arrays` as bytes for `unpackArrays`.
 * @example unpackArrays(packArrays({ format: 'x/1' }, { ids: Int32Array.of(1, 2) }))!.arrays.get('ids') // Int32Array [1, 2]
 */
export function packArrays(header: Record<string, unknown>, arrays: Readonly<Record<string, TypedArray>>): Buffer {
  const layout = Object.entries(arrays).map(([name, a]): [string, Kind, number] => [name, a.constructor.name as Kind, a.length]);
  const head = Buffer.from(JSON.stringify({ ...header, arrays: layout }), 'utf8');
  const parts: Buffer[] = [Buffer.alloc(4), head, Buffer.alloc(pad8(4 + head.length) - 4 - head.length)];
  parts[0]!.writeUInt32LE(head.length, 0);
  for (const a of Object.values(arrays)) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad8(a.byteLength) - a.byteLength));
  }
  return Buffer.concat(parts);
}

function parseHeader(bytes: Buffer): Record<string, unknown> | null {
  if (bytes.length < 4) return null;
  const headLength = bytes.readUInt32LE(0);
  if (4 + headLength > bytes.length) return null;
  try {
    const header: unknown = JSON.parse(bytes.toString('utf8', 4, 4 + headLength));
    return typeof header === 'object' && header !== null && Array.isArray((header as { arrays?: unknown }).arrays) ? (header as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The header and array views of bytes from `packArrays`; null when they are not such bytes (or are cut short). */
export function unpackArrays(bytes: Buffer): Unpacked | null {
  const header = parseHeader(bytes);
  if (header === null) return null;
  // Views need an 8-byte aligned base; a Buffer from the shared pool may not have one.
  const base = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const arrays = new Map<string, TypedArray>();
  let at = pad8(4 + bytes.readUInt32LE(0));
  for (const entry of header.arrays as unknown[]) {
    const [name, kind, length] = Array.isArray(entry) ? (entry as unknown[]) : [];
    const Ctor = typeof kind === 'string' && Object.hasOwn(KINDS, kind) ? KINDS[kind as Kind] : undefined;
    if (typeof name !== 'string' || Ctor === undefined || !Number.isInteger(length) || (length as number) < 0) return null;
    const byteLength = (length as number) * Ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > base.length) return null;
    arrays.set(name, new Ctor(base.buffer as ArrayBuffer, base.byteOffset + at, length as number));
    at += pad8(byteLength);
  }
  return at === base.length ? { header, arrays } : null;
}
