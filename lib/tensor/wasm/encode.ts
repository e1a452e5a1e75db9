/*
 * A WebAssembly module encoder: just enough of the binary format (WebAssembly Core Specification 2.0, chapter 5)
 * for ifkit's kernels: functions over i32/f32/f64/v128 values that read and write one imported memory. The kernels
 * are written as expressions in TypeScript (asm.ts) and encoded here when first used, so the repository needs no
 * wasm toolchain: the module is built from source by the same Node process that runs it.
 */

export type ValType = 'i32' | 'f32' | 'f64' | 'v128';

export const VALTYPE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** A function of the module: its signature, extra locals and body (instructions, without the final `end`). */
export interface FuncDef {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly locals: readonly ValType[];
  readonly body: readonly number[];
}

/** Unsigned LEB128. */
export function uleb(n: number, out: number[] = []): number[] {
  let x = n >>> 0;
  do {
    const byte = x & 0x7f;
    x >>>= 7;
    out.push(x === 0 ? byte : byte | 0x80);
  } while (x !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number, out: number[] = []): number[] {
  let x = n | 0;
  for (;;) {
    const byte = x & 0x7f;
    x >>= 7;
    const done = (x === 0 && (byte & 0x40) === 0) || (x === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const name = (s: string): number[] => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
};

const vec = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];

const section = (id: number, content: number[]): number[] => (content.length === 0 ? [] : [id, ...uleb(content.length), ...content]);

/** Locals grouped into runs of one type, as the code section wants them. */
function localGroups(locals: readonly ValType[]): number[][] {
  const groups: number[][] = [];
  let i = 0;
  while (i < locals.length) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    groups.push([...uleb(j - i), VALTYPE[locals[i]!]]);
    i = j;
  }
  return groups;
}

/**
 * The bytes of a module that imports its memory as `env.memory` and exports every function under its name.
 * @example new WebAssembly.Module(encodeModule([{ name: 'f', params: [], results: ['i32'], locals: [], body: [0x41, 7] }]))
 */
export function encodeModule(funcs: readonly FuncDef[]): Uint8Array {
  const sigKey = (f: FuncDef): string => `${f.params.join(',')}->${f.results.join(',')}`;
  const sigs = [...new Set(funcs.map(sigKey))];
  const types = sigs.map((key) => {
    const f = funcs.find((g) => sigKey(g) === key)!;
    return [0x60, ...uleb(f.params.length), ...f.params.map((t) => VALTYPE[t]), ...uleb(f.results.length), ...f.results.map((t) => VALTYPE[t])];
  });
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]; // memory, min 1 page, no max
  const bodies = funcs.map((f) => {
    const code = [...vec(localGroups(f.locals)), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(funcs.map((f) => uleb(sigs.indexOf(sigKey(f)))))),
    ...section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}
