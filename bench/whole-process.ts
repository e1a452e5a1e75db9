/**
 * Whole-process timing of a scorer run as users run it: wall time from spawn to exit, and the CPU time the child
 * reports for itself on exit (a line `cpu_ms=<n>` on stderr), start-up, module loading and writing included.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ProcessTime {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly ok: boolean;
  readonly stderr: string;
}

/** A program, its arguments and where to run it. */
export interface Command {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `command` to its end; `cpuMs` is NaN when the child did not report its CPU time. */
export function timeProcess(command: Command): ProcessTime {
  const started = performance.now();
  const run = spawnSync(command.program, [...command.args], { cwd: command.cwd, env: command.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  const reported = [...(run.stderr ?? '').matchAll(/cpu_ms=([\d.]+)/g)].at(-1)?.[1];
  return { wallMs, cpuMs: Number(reported ?? NaN), ok: run.status === 0, stderr: run.stderr ?? String(run.error) };
}

const ROOT = join(__dirname, '..');

// bin/ifkit.js as `npx ifkit` runs it (the cached esbuild bundle of `eval`), plus an exit hook that reports CPU.
const EXIT_HOOK = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu_ms=' + (u.user + u.system) / 1000 + '\\n'); });";
const NODE_DRIVER = `${EXIT_HOOK} require(${JSON.stringify(join(ROOT, 'bin', 'ifkit.js'))});`;

/** Node itself, doing nothing: the part of every whole-process time that no JavaScript can remove. */
export function bareNode(): Command {
  return { program: process.execPath, args: ['-e', EXIT_HOOK], cwd: ROOT };
}

/** `ifkit eval --input … --responses … --out …` (1000-resample CIs, as users run it). */
export function ifkitEval(input: string, responses: string, out: string): Command {
  return { program: process.execPath, args: ['-e', NODE_DRIVER, 'ifkit', 'eval', '--input', input, '--responses', responses, '--out', out], cwd: ROOT };
}

// Runs a module (`-m` style) or a script as __main__ with its own argv; at exit, reports the process's CPU time.
// scipy is hidden: the official scorers do not need it and their documented install (docs/official-scorers.md) does
// not bring it, but NLTK imports it whenever it is installed (~0.9 s here), which would flatter ifkit's ratio.
const PYTHON_DRIVER = [
  'import atexit, os, resource, runpy, sys',
  "sys.modules['scipy'] = None",
  "atexit.register(lambda: os.write(2, ('cpu_ms=%f\\n' % (lambda r: (r.ru_utime + r.ru_stime) * 1000)(resource.getrusage(resource.RUSAGE_SELF))).encode()))",
  'kind, target = sys.argv[1], sys.argv[2]',
  'sys.argv = [target] + sys.argv[3:]',
  "runpy.run_module(target, run_name='__main__', alter_sys=True) if kind == 'module' else runpy.run_path(target, run_name='__main__')",
].join('\n');

/** `python -m <module> args` or `python <script> args` in `cwd`, reporting its CPU time at exit. */
export function pythonMain(python: string, kind: 'module' | 'script', target: string, args: readonly string[], cwd: string): Command {
  return { program: python, args: ['-c', PYTHON_DRIVER, kind, target, ...args], cwd };
}
