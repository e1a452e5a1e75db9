import * as tf from '@tensorflow/tfjs';
import { encodeModule, type FuncDef } from './encode';
import { webAssembly, type WasmMemory } from './web-assembly';

/*
 * ifkit's kernel module, instantiated on the tfjs wasm backend's own memory, so a kernel reads and writes tensors
 * where tfjs keeps them (by the byte offset tfjs records for each tensor) with no copy in or out.
 */

/** What we use of tfjs-backend-wasm's BackendWasm (not in its public typings). */
export interface WasmBackendInternals {
  wasm: { asm: { memory: WasmMemory }; _malloc(bytes: number): number; _free(ptr: number): void; HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number): tf.TensorInfo;
}

export type Kernel = (...args: number[]) => number;

export interface KernelModule {
  readonly backend: WasmBackendInternals;
  readonly fns: Record<string, Kernel>;
  readonly memory: WasmMemory;
}

/** The tfjs wasm backend's internals, or an error saying the wasm backend must be active. */
export function wasmBackend(): WasmBackendInternals {
  if (tf.getBackend() !== 'wasm') {
    throw new Error(`ifkit's wasm kernels need the tfjs wasm backend, but tfjs is running ${JSON.stringify(tf.getBackend())}; call initBackend('wasm') first`);
  }
  return tf.backend() as unknown as WasmBackendInternals;
}

let cached: { backend: WasmBackendInternals; module: KernelModule } | undefined;

/** Compile `defs` once per backend instance and bind them to its memory. */
export function kernelModule(defs: () => readonly FuncDef[]): KernelModule {
  const backend = wasmBackend();
  if (cached?.backend === backend) return cached.module;
  const memory = backend.wasm.asm.memory;
  const bytes = encodeModule(defs());
  const instance = new webAssembly.Instance(new webAssembly.Module(bytes.buffer as ArrayBuffer), { env: { memory } }) // bytes spans its whole buffer;
  const module: KernelModule = { backend, memory, fns: { ...(instance.exports as unknown as Record<string, Kernel>) } };
  cached = { backend, module };
  return module;
}

/** Byte offset of a tensor's data in the wasm memory. */
export function offsetOf(backend: WasmBackendInternals, t: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(t.dataId);
  if (data === undefined) throw new Error('offsetOf: the tensor has no data on the wasm backend (disposed, or made by another backend?)');
  return data.memoryOffset;
}

const views = { buffer: undefined as ArrayBufferLike | undefined, f32: new Float32Array(0), i32: new Int32Array(0) };

function viewsOf(m: KernelModule): typeof views {
  if (views.buffer !== m.memory.buffer) {
    views.buffer = m.memory.buffer; // a grown memory has a new buffer, and the old views are detached
    views.f32 = new Float32Array(views.buffer);
    views.i32 = new Int32Array(views.buffer);
  }
  return views;
}

/** A float view of the whole wasm memory; take it again after anything that can grow the memory (a malloc). */
export function heapF32(m: KernelModule): Float32Array {
  return viewsOf(m).f32;
}

/** An int32 view of the whole wasm memory (same caveat as heapF32). */
export function heapI32(m: KernelModule): Int32Array {
  return viewsOf(m).i32;
}

/** Scratch memory for one kernel call: `bytes` from the backend's allocator, freed by `release`. */
export function scratch(m: KernelModule, bytes: number): { ptr: number; release(): void } {
  const ptr = m.backend.wasm._malloc(Math.max(bytes, 16)) >>> 0;
  return { ptr, release: () => m.backend.wasm._free(ptr) };
}
