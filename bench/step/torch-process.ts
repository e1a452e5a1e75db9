/*
 * The PyTorch twin (bench/step/torch-twin.py) as a child process spoken to in JSON lines. One process serves every size,
 * so torch's start-up is paid once; it runs with one intra-op thread, one inter-op thread and one OpenBLAS/OpenMP
 * thread (torch.set_num_threads does not reach Debian's OpenBLAS, hence the environment variables).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { StepSize } from './sizes';

export interface TwinTimes {
  sampleWall: number;
  sampleCpu: number;
  updateWall: number;
  updateCpu: number;
}

export interface TorchTwin {
  readonly python: string;
  readonly version: string;
  setup(size: StepSize): Promise<{ params: number; threads: number }>;
  /** One step; `shared`: the update runs each prompt once per group (ifkit's algorithm) instead of per row (TRL's). */
  step(shared: boolean): Promise<TwinTimes>;
  close(): void;
}

const SCRIPT = join(__dirname, 'torch-twin.py');
const ENV = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

function open(python: string): { child: ChildProcessWithoutNullStreams; ask: (msg: object) => Promise<Record<string, unknown>> } {
  const child = spawn(python, [SCRIPT], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  lines.on('line', (line) => waiting.shift()?.(line));
  const ask = (msg: object): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onExit = (): void => reject(new Error(`${python} ${SCRIPT} exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      child.once('exit', onExit);
      child.once('error', onExit);
      waiting.push((line) => {
        child.off('exit', onExit);
        child.off('error', onExit);
        resolve(JSON.parse(line) as Record<string, unknown>);
      });
      child.stdin.write(JSON.stringify(msg) + '\n');
    });
  return { child, ask };
}

/**
 * Start the twin with the first Python that has torch: $IFKIT_PYTHON, else python3, else /usr/bin/python3 (a
 * pyenv python3 on PATH does not see Debian's python3-torch). Undefined when none has it.
 */
export async function startTorchTwin(): Promise<TorchTwin | undefined> {
  const candidates = process.env.IFKIT_PYTHON ? [process.env.IFKIT_PYTHON] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const { child, ask } = open(python);
    let first: Record<string, unknown>;
    try {
      first = await ask({ cmd: 'setup', probe: true });
    } catch {
      child.kill();
      continue;
    }
    if (first.error === 'no-torch') {
      child.kill();
      continue;
    }
    return {
      python,
      version: String(first.torch),
      setup: async (size) => {
        const r = await ask({ cmd: 'setup', ...size.model, prompts: size.prompts, promptLength: size.promptLength, groupSize: size.groupSize, maxNewTokens: size.maxNewTokens });
        return { params: r.params as number, threads: r.threads as number };
      },
      step: async (shared) => (await ask({ cmd: 'step', shared })) as unknown as TwinTimes,
      close: () => {
        child.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n');
      },
    };
  }
  return undefined;
}
