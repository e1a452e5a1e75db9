import * as tf from '@tensorflow/tfjs';

/*
 * Which tfjs backend runs the tensors. `wasm` (default) is ~10x faster than the pure-JS `cpu` backend at our
 * shapes; `node-gpu` is opt-in because @tensorflow/tfjs-node-gpu needs CUDA and a native build, so it is not a
 * dependency. tfjs falls back to `cpu` silently when a backend fails to start, so initBackend checks what it got.
 *
 * Threads: tfjs-backend-wasm 4.22 hard-codes WASM_HAS_MULTITHREAD_SUPPORT = false under Node (tfjs issue #3830),
 * so the wasm backend runs one thread (SIMD on) whatever setThreadsCount says. Forcing the flag loads the
 * threaded-SIMD build, whose pthread workers Node refuses (blob: URLs); with the worker and main scripts written
 * to temporary files it did start, but XNNPACK still reported 1 thread and matmuls ran at the single-thread rate
 * (10-11 GFLOP/s wall at 512×512×1536 in all of 0, 1 and 2 requested threads). So we stay single threaded: the
 * second core is better spent on a second process (another seed or arm).
 *
 * Quiet: the cpu backend prints "Hi, looks like you are running TensorFlow.js in Node.js… install our node backend"
 * on its first tensor whenever IS_NODE holds (tfjs-backend-cpu backend_cpu.ts, through tfjs-core's log.warn). Once
 * initBackend has chosen and checked a backend on purpose that advice is noise, so it sets tfjs's PROD flag, the
 * supported switch for tfjs's log.warn (tfjs#5349, fixed by #5368); in tfjs-core 4.22 PROD gates nothing but those
 * messages. It is set only after the check, so a backend that fails to start still prints tfjs's own reason.
 */

export const BACKENDS = ['wasm', 'cpu', 'node-gpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Optional module loader, replaceable in tests (node-gpu is usually not installed). */
export type ModuleLoader = (name: string) => unknown;

export interface BackendInfo {
  name: BackendName;
  /** wasm only: whether the SIMD build is in use. */
  simd?: boolean;
  /** wasm only: threads the backend actually runs. */
  threads?: number;
}

let loaded: BackendInfo | undefined;

function parseName(raw: string): BackendName {
  const name = raw.trim().toLowerCase();
  if ((BACKENDS as readonly string[]).includes(name)) return name as BackendName;
  throw new Error(`IFKIT_BACKEND=${JSON.stringify(raw)} is not a tensor backend; use one of ${BACKENDS.join(', ')}`);
}

async function registerWasm(): Promise<void> {
  // importing the package registers the backend under the name 'wasm'
  await import('@tensorflow/tfjs-backend-wasm');
}

function registerNodeGpu(load: ModuleLoader): void {
  try {
    load('@tensorflow/tfjs-node-gpu');
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      `IFKIT_BACKEND=node-gpu but @tensorflow/tfjs-node-gpu could not be loaded (${why}). ` +
        'It is not an ifkit dependency: on a machine with CUDA run `npm install @tensorflow/tfjs-node-gpu`, ' +
        'or unset IFKIT_BACKEND to use wasm.',
    );
  }
}

/**
 * Select and start a tensor backend, then assert it is the one in use.
 * @example await initBackend(); // wasm, or process.env.IFKIT_BACKEND
 */
export async function initBackend(
  name: string = process.env.IFKIT_BACKEND ?? 'wasm',
  load: ModuleLoader = require,
): Promise<BackendInfo> {
  const wanted = parseName(name);
  const tfName = wanted === 'node-gpu' ? 'tensorflow' : wanted;
  if (wanted === 'wasm') await registerWasm();
  if (wanted === 'node-gpu') registerNodeGpu(load);
  let ok = false;
  let failure = '';
  try {
    ok = await tf.setBackend(tfName);
    await tf.ready();
  } catch (err) {
    failure = err instanceof Error ? `: ${err.message}` : '';
  }
  const actual = tf.getBackend();
  if (!ok || actual !== tfName) {
    throw new Error(
      `tensor backend ${wanted} did not start (tfjs is using ${JSON.stringify(actual)} instead${failure}); ` +
        `set IFKIT_BACKEND to one of ${BACKENDS.join(', ')} that works on this machine`,
    );
  }
  tf.env().set('PROD', true);
  loaded = { name: wanted };
  if (wanted === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    loaded = { name: wanted, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') as boolean, threads: wasm.getThreadsCount() };
  }
  return loaded;
}

/** The backend started by initBackend, or undefined if none was. */
export function currentBackend(): BackendInfo | undefined {
  return loaded !== undefined && tf.getBackend() === (loaded.name === 'node-gpu' ? 'tensorflow' : loaded.name) ? loaded : undefined;
}
