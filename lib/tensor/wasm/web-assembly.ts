/*
 * The part of Node's WebAssembly API ifkit uses, typed here because its types live in TypeScript's DOM lib, which the
 * notebook kernel (tslab: lib es2022 only) does not load; with these, lib/ compiles the same in both.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: ArrayBuffer) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}

/** `globalThis.WebAssembly`, typed. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
