/**
 * Runs untrusted VerInstruct rule functions (Python source from a dataset) only when asked (`--run-untrusted-code`):
 * in a `python3` subprocess with a wall-clock timeout, address-space and CPU limits, no file growth, sockets
 * disabled, and (where `unshare` can make one) a network namespace with no interfaces. Each failure or timeout is
 * reported, never raised and never a pass. VerIF's own executor (`code_executer.py`) runs these with `exec` in the
 * trainer's process and calls `check_following("instruction", response)` with that literal first argument; we pass
 * the same.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface SandboxLimits {
  /** Wall clock per batch of responses (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Address space (default 512 MB). */
  readonly memoryMb?: number;
  /** CPU seconds (default 5). */
  readonly cpuSeconds?: number;
}

/** One response's verdict, or why there is none. */
export type SandboxVerdict = boolean | { readonly error: string };

/** How the network is cut off: a namespace without interfaces (`unshare`), or only Python's socket module patched. */
export type NetworkIsolation = 'namespace' | 'socket-patch';

const RUNNER = join(__dirname, 'sandbox-runner.py');
let isolation: { readonly prefix: readonly string[]; readonly kind: NetworkIsolation } | undefined;

/** Finds the strongest network isolation this machine allows (once). */
export function networkIsolation(): { readonly prefix: readonly string[]; readonly kind: NetworkIsolation } {
  if (isolation) return isolation;
  for (const flags of [['-n'], ['-r', '-n']]) {
    const probe = spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore', timeout: 5000 });
    if (probe.status === 0) return (isolation = { prefix: ['unshare', ...flags], kind: 'namespace' });
  }
  return (isolation = { prefix: [], kind: 'socket-patch' });
}

/**
 * Runs `source`'s `check_following` on each response; resolves with one verdict per response (a timeout or crash
 * gives every response the same error).
 * @example await runUntrustedCheck('def check_following(i, r):\n    return len(r) > 3', ['hi', 'hello'])
 */
export function runUntrustedCheck(source: string, responses: readonly string[], limits: SandboxLimits = {}): Promise<SandboxVerdict[]> {
  const { prefix } = networkIsolation();
  const argv = [...prefix, 'python3', '-I', '-S', RUNNER];
  const timeoutMs = limits.timeoutMs ?? 5000;
  const job = JSON.stringify({ source, instruction: 'instruction', responses, memory_mb: limits.memoryMb ?? 512, cpu_s: limits.cpuSeconds ?? 5 });
  const all = (error: string): SandboxVerdict[] => responses.map(() => ({ error }));
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' }, cwd: '/' });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(all(`cannot start python3 (${e.message}); install python3 to run untrusted checkers`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve(all(`timeout after ${timeoutMs} ms`));
      try {
        const parsed = JSON.parse(stdout) as { results: SandboxVerdict[] };
        if (Array.isArray(parsed.results) && parsed.results.length === responses.length) return resolve(parsed.results);
      } catch {
        // fall through: the process died before answering
      }
      resolve(all(`python3 exited (${signal ?? `code ${code}`}) without a verdict${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`));
    });
    child.stdin.end(job);
  });
}
