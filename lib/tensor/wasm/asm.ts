import { sleb, uleb, type FuncDef, type ValType } from './encode';

/*
 * Kernels as expressions: each helper returns the instruction bytes that leave its value on the stack, so
 * `f32x4.add(get(acc), f32x4.mul(get(a), get(b)))` reads like the arithmetic it encodes. Statements are byte
 * arrays too; `fn` collects them into a FuncDef. Opcodes are those of the WebAssembly 2.0 specification (the
 * SIMD ones after the prefix 0xfd); a wrong one fails WebAssembly.validate, which the tests run.
 */

export type Code = readonly number[];

export interface Local {
  readonly index: number;
  readonly type: ValType;
}

const cat = (...parts: Code[]): number[] => parts.flat();
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];

export const get = (l: Local): Code => [0x20, ...uleb(l.index)];
export const set = (l: Local, v: Code): Code => cat(v, [0x21, ...uleb(l.index)]);
export const tee = (l: Local, v: Code): Code => cat(v, [0x22, ...uleb(l.index)]);
export const seq = (...stmts: Code[]): Code => cat(...stmts);
export const drop = (v: Code): Code => cat(v, [0x1a]);
export const ret = (v: Code = []): Code => cat(v, [0x0f]);
export const select = (a: Code, b: Code, cond: Code): Code => cat(a, b, cond, [0x1b]);

const bin = (op: number[]) => (a: Code, b: Code): Code => cat(a, b, op);
const un = (op: number[]) => (a: Code): Code => cat(a, op);

export const i32 = {
  const: (n: number): Code => [0x41, ...sleb(n)],
  add: bin([0x6a]), sub: bin([0x6b]), mul: bin([0x6c]), divS: bin([0x6d]), remS: bin([0x6f]),
  and: bin([0x71]), or: bin([0x72]), shl: bin([0x74]), shrS: bin([0x75]), shrU: bin([0x76]),
  eqz: un([0x45]), eq: bin([0x46]), ne: bin([0x47]), ltS: bin([0x48]), gtS: bin([0x4a]), leS: bin([0x4c]), geS: bin([0x4e]),
  load: (addr: Code, offset = 0): Code => cat(addr, [0x28], memarg(2, offset)),
  store: (addr: Code, v: Code, offset = 0): Code => cat(addr, v, [0x36], memarg(2, offset)),
  truncF32: un([0xa8]),
  reinterpret: un([0xbc]),
};

export const f32 = {
  const: (x: number): Code => [0x43, ...new Uint8Array(new Float32Array([x]).buffer)],
  add: bin([0x92]), sub: bin([0x93]), mul: bin([0x94]), div: bin([0x95]), min: bin([0x96]), max: bin([0x97]),
  sqrt: un([0x91]), neg: un([0x8c]), abs: un([0x8b]),
  eq: bin([0x5b]), lt: bin([0x5d]), gt: bin([0x5e]), le: bin([0x5f]), ge: bin([0x60]),
  load: (addr: Code, offset = 0): Code => cat(addr, [0x2a], memarg(2, offset)),
  store: (addr: Code, v: Code, offset = 0): Code => cat(addr, v, [0x38], memarg(2, offset)),
  fromI32: un([0xb2]),
  reinterpret: un([0xbe]),
};

export const f64 = {
  const: (x: number): Code => [0x44, ...new Uint8Array(new Float64Array([x]).buffer)],
  add: bin([0xa0]), mul: bin([0xa2]), lt: bin([0x63]),
  load: (addr: Code, offset = 0): Code => cat(addr, [0x2b], memarg(3, offset)),
  fromF32: un([0xbb]),
};

export const v128 = {
  load: (addr: Code, offset = 0): Code => cat(addr, simd(0), memarg(4, offset)),
  store: (addr: Code, v: Code, offset = 0): Code => cat(addr, v, simd(11), memarg(4, offset)),
  /** One float at addr + offset in every lane. */
  load32Splat: (addr: Code, offset = 0): Code => cat(addr, simd(9), memarg(2, offset)),
  /** One float at addr + offset in lane 0, zeros in the others. */
  load32Zero: (addr: Code, offset = 0): Code => cat(addr, simd(92), memarg(2, offset)),
  and: bin(simd(78)), andnot: bin(simd(79)), or: bin(simd(80)), xor: bin(simd(81)),
  bitselect: (a: Code, b: Code, mask: Code): Code => cat(a, b, mask, simd(82)),
};

export const f32x4 = {
  splat: un(simd(19)),
  extract: (v: Code, lane: number): Code => cat(v, simd(31), [lane]),
  add: bin(simd(228)), sub: bin(simd(229)), mul: bin(simd(230)), div: bin(simd(231)),
  min: bin(simd(232)), max: bin(simd(233)), pmin: bin(simd(234)), pmax: bin(simd(235)),
  abs: un(simd(224)), neg: un(simd(225)), sqrt: un(simd(227)), floor: un(simd(104)), nearest: un(simd(106)),
  lt: bin(simd(67)), gt: bin(simd(68)), le: bin(simd(69)), ge: bin(simd(70)),
  fromI32x4: un(simd(250)),
  /** All four lanes set to x (a constant). */
  const: (x: number): Code => cat(simd(12), [...new Uint8Array(new Float32Array([x, x, x, x]).buffer)]),
};

export const i32x4 = {
  splat: un(simd(17)),
  gtS: bin(simd(59)),
  /** A constant vector of four lanes. */
  lanes: (a: number, b: number, c: number, d: number): Code => cat(simd(12), [...new Uint8Array(new Int32Array([a, b, c, d]).buffer)]),
  add: bin(simd(174)), sub: bin(simd(177)), shl: (v: Code, by: Code): Code => cat(v, by, simd(171)),
  truncSatF32x4: un(simd(248)),
  const: (n: number): Code => cat(simd(12), [...new Uint8Array(new Int32Array([n, n, n, n]).buffer)]),
};

/** Structured control. Branch depths count enclosing blocks/loops from the innermost (0). */
export const block = (...body: Code[]): Code => cat([0x02, 0x40], ...body, [0x0b]);
export const loop = (...body: Code[]): Code => cat([0x03, 0x40], ...body, [0x0b]);
export const br = (depth: number): Code => [0x0c, ...uleb(depth)];
export const brIf = (depth: number, cond: Code): Code => cat(cond, [0x0d, ...uleb(depth)]);
export const when = (cond: Code, then: Code[], otherwise?: Code[]): Code =>
  cat(cond, [0x04, 0x40], ...then, ...(otherwise ? [[0x05], ...otherwise] : []), [0x0b]);

/** `for (i = from; i < to; i += step) body` (signed i32); the body must not branch out of it. */
export const forRange = (i: Local, from: Code, to: Code, step: number, ...body: Code[]): Code =>
  seq(set(i, from), block(loop(brIf(1, i32.geS(get(i), to)), ...body, set(i, i32.add(get(i), i32.const(step))), br(0))));

type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [T, ...R]>;

/** A function under construction: named i32 parameters, locals on demand, then its body. */
export class Fn {
  private readonly declared: ValType[] = [];
  readonly p: Record<string, Local> = {};

  constructor(
    readonly name: string,
    private readonly params: readonly string[],
    private readonly results: readonly ValType[] = [],
    paramTypes: Partial<Record<string, ValType>> = {},
  ) {
    params.forEach((n, index) => (this.p[n] = { index, type: paramTypes[n] ?? 'i32' }));
  }

  local(type: ValType): Local {
    this.declared.push(type);
    return { index: this.params.length + this.declared.length - 1, type };
  }

  /** n fresh locals of one type. */
  locals<N extends number>(type: ValType, n: N): Tuple<Local, N> {
    return Array.from({ length: n }, () => this.local(type)) as Tuple<Local, N>;
  }

  def(...body: Code[]): FuncDef {
    return {
      name: this.name,
      params: this.params.map((n) => this.p[n]!.type),
      results: this.results,
      locals: this.declared,
      body: cat(...body),
    };
  }
}
