import { describe, expect, it } from 'vitest';
import { decodeFloat16, encodeFloat16, fromFloat16Bits, toFloat16Bits } from './float16';

describe('toFloat16Bits', () => {
  // Expected bits are what numpy 2.4 gives for np.float32(x).astype(np.float16).view(np.uint16).
  it.each([
    [1, 0x3c00],
    [0.5, 0x3800],
    [1 / 3, 0x3555],
    [0.1, 0x2e66],
    [-2.5, 0xc100],
    [-0, 0x8000],
    [65504, 0x7bff], // largest finite
    [65519, 0x7bff], // below the halfway point to 65536
    [65520, 0x7c00], // halfway rounds (to even) up into Infinity
    [70000, 0x7c00],
    [Infinity, 0x7c00],
    [NaN, 0x7e00],
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -14 - 2 ** -25, 0x0400], // a subnormal that rounds up into the normals
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -25, 0x0000], // exactly half of it: tie to even (0)
    [3 * 2 ** -26, 0x0001], // above half: up
    [1e-8, 0x0000],
    [1 + 2 ** -11, 0x3c00], // tie between 1 and 1 + 2^-10: to even (1)
    [1 + 3 * 2 ** -11, 0x3c02], // tie between 1 + 2^-10 and 1 + 2^-9: to even (the latter)
  ])('%f → %i', (x, bits) => {
    expect(toFloat16Bits(x)).toBe(bits);
  });
});

describe('fromFloat16Bits', () => {
  it.each([
    [0x3c00, 1],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x8000, -0],
    [0xfc00, -Infinity],
  ])('%i → %f', (bits, x) => {
    expect(fromFloat16Bits(bits)).toBe(x);
  });

  it('decodes NaN', () => {
    expect(fromFloat16Bits(0x7e00)).toBeNaN();
  });
});

describe('encodeFloat16 / decodeFloat16', () => {
  it('round-trips every finite float16 exactly', () => {
    const bits = Uint16Array.from({ length: 65536 }, (_, i) => i).filter((h) => (h & 0x7c00) !== 0x7c00);
    expect(Array.from(encodeFloat16(decodeFloat16(bits)))).toEqual(Array.from(bits));
  });
});
