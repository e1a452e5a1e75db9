import { describe, expect, it } from 'vitest';
import { packArrays, unpackArrays } from './typed-arrays-file';

const sample = (): Buffer =>
  packArrays(
    { format: 'test/1', names: ['a', 'b'] },
    { ids: Int32Array.of(-1, 7, 2 ** 31 - 1), flags: Uint8Array.of(1, 2, 3), text: Uint16Array.of(0x68, 0xe9, 0xd83d), x: Float64Array.of(0.1, -0, Math.PI) },
  );

describe('packArrays / unpackArrays', () => {
  it('round-trips the header and every array, values and types exactly', () => {
    const back = unpackArrays(sample())!;
    expect(back.header.format).toBe('test/1');
    expect(back.header.names).toEqual(['a', 'b']);
    expect([...back.arrays.keys()]).toEqual(['ids', 'flags', 'text', 'x']);
    expect(back.arrays.get('ids')).toEqual(Int32Array.of(-1, 7, 2 ** 31 - 1));
    expect(back.arrays.get('flags')).toEqual(Uint8Array.of(1, 2, 3));
    expect(back.arrays.get('text')).toEqual(Uint16Array.of(0x68, 0xe9, 0xd83d));
    const x = back.arrays.get('x') as Float64Array;
    expect([x[0], Object.is(x[1], -0), x[2]]).toEqual([0.1, true, Math.PI]);
  });

  it('aligns every array on 8 bytes: 4 (length) + header + padding, then 12 + 4, 3 + 5, 6 + 2, 24 bytes', () => {
    const bytes = sample();
    const head = bytes.readUInt32LE(0);
    const start = (4 + head + 7) & ~7;
    expect(bytes.length).toBe(start + 16 + 8 + 8 + 24);
    expect(bytes.readInt32LE(start + 4)).toBe(7);
    expect(bytes.readDoubleLE(start + 32)).toBe(0.1);
  });

  it('reads a buffer that does not start on an 8-byte boundary', () => {
    const bytes = sample();
    const shifted = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    expect(shifted.byteOffset % 8).not.toBe(0);
    expect(unpackArrays(shifted)!.arrays.get('ids')).toEqual(Int32Array.of(-1, 7, 2 ** 31 - 1));
  });

  it('refuses truncated, padded, foreign or malformed bytes', () => {
    const bytes = sample();
    expect(unpackArrays(bytes.subarray(0, bytes.length - 8))).toBeNull();
    expect(unpackArrays(Buffer.concat([bytes, Buffer.alloc(8)]))).toBeNull();
    expect(unpackArrays(Buffer.from('not arrays'))).toBeNull();
    expect(unpackArrays(Buffer.alloc(2))).toBeNull();
    const bad = (arrays: unknown): Buffer => {
      const head = Buffer.from(JSON.stringify({ arrays }));
      const out = Buffer.alloc((4 + head.length + 7) & ~7);
      out.writeUInt32LE(head.length, 0);
      head.copy(out, 4);
      return out;
    };
    expect(unpackArrays(bad([]))).not.toBeNull();
    expect(unpackArrays(bad([['a', 'BigInt64Array', 0]]))).toBeNull();
    expect(unpackArrays(bad([['a', 'toString', 0]]))).toBeNull();
    expect(unpackArrays(bad([['a', 'Int32Array', -1]]))).toBeNull();
    expect(unpackArrays(bad('no list'))).toBeNull();
  });
});
