/**
 * Scorer benchmark: cold start of the NLP models, strict+loose throughput on the GPT-4 IFEval responses and on the
 * IFBench sample responses, the cost of each checker, and the whole `ifkit eval` process.
 * `npx tsx bench/scorer.ts` prints numbers measured in this run; it never passes or fails.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../lib/data/paths';
import { formatColdStart, measureColdStart, measureProfileBuild } from './scorer-cold-start';
import { checkerCosts, formatCosts, median, timeSuite, type SuiteTiming } from './scorer-suite';

const RUNS = Number(process.env.RUNS ?? 15);
const PY_REFERENCE_S = 1.16; // issue 3: official Python scorer, 541 responses strict+loose, 2-core machine

const SUITES = [
  { name: 'IFEval (GPT-4 responses)', input: 'ifeval/input_data_gpt4_20231107_145030.jsonl', responses: 'ifeval/input_response_data_gpt4_20231107_145030.jsonl' },
  { name: 'IFBench (sample responses)', input: 'ifbench/IFBench_test.jsonl', responses: 'ifbench/sample_output.jsonl' },
] as const;

const ms = (x: number): string => `${x.toFixed(1)} ms`;
const perSecond = (n: number, msTaken: number): number => Math.round((n / msTaken) * 1000);

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; runs per suite: ${RUNS}`);

// First, while every model is still unloaded in this process.
console.log('\ncold start: the first call to each lazily loaded model, then a second call on the same input');
for (const line of formatColdStart(measureColdStart())) console.log(line);
const build = measureProfileBuild();
console.log(`(langdetect without its .cache/ binary: parsing the 55 JSON profiles and building the model costs ${ms(build.wallMs)} wall, ${ms(build.cpuMs)} CPU, once per profile set)`);

const timings: Array<[string, SuiteTiming]> = [];
for (const suite of SUITES) {
  const t = timeSuite(dataPath(suite.input), dataPath(suite.responses), RUNS);
  timings.push([suite.name, t]);
  const missing = t.responses.filter((r) => r == null).length;
  console.log(`\n${suite.name}: ${t.prompts} prompts (${missing} without a response), ${t.instructions} instructions`);
  console.log(`load+validate ${ms(t.loadMs)}, first scoring in this process ${ms(t.coldMs)}`);
  console.log(`strict+loose, warm: median wall ${ms(median(t.wallMs))} (min ${Math.min(...t.wallMs).toFixed(1)}, max ${Math.max(...t.wallMs).toFixed(1)}) = ${perSecond(t.prompts, median(t.wallMs))} responses/s`);
  console.log(`strict+loose, warm: median CPU ${ms(median(t.cpuMs))} (min ${Math.min(...t.cpuMs).toFixed(1)}) = ${perSecond(t.prompts, median(t.cpuMs))} responses/s of CPU`);
  console.log(`summary with 1000-resample bootstrap CIs (headline, per id, per category): ${ms(t.summaryMs)}`);
}

for (const [name, t] of timings) {
  console.log(`\n${name}: cost per checker (last of 3 passes), sorted by share of scorer time`);
  for (const line of formatCosts(checkerCosts(t))) console.log(line);
}

// The whole `ifkit eval` process as users run it (bin/ifkit.js: the cached esbuild bundle of the eval command, or
// tsx when no bundle can be built): module loading, models, scoring, 1000-resample CIs, writing the three files.
// The child reports its own CPU time on exit.
const driver = [
  "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu_ms=' + (u.user + u.system) / 1000 + '\\n'); });",
  "require('./bin/ifkit.js');",
].join(' ');
console.log('');
for (const suite of SUITES) {
  const args = ['--input', dataPath(suite.input), '--responses', dataPath(suite.responses), '--out', join(tmpdir(), 'ifkit-bench-scorer')];
  const wall: string[] = [];
  const cpu: string[] = [];
  // The first run may (re)build the bundle (~0.15 s, once per change of the sources).
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const run = spawnSync(process.execPath, ['-e', driver, 'ifkit', 'eval', ...args], { encoding: 'utf8' });
    wall.push(((performance.now() - s) / 1000).toFixed(2));
    cpu.push((Number(/cpu_ms=([\d.]+)/.exec(run.stderr)?.[1] ?? NaN) / 1000).toFixed(2));
    if (run.status !== 0) console.log(`ifkit eval failed: ${run.stderr}`);
  }
  console.log(`whole \`ifkit eval\` process, ${suite.name} (3 runs): wall ${wall.join(', ')} s; CPU ${cpu.join(', ')} s${suite.input.startsWith('ifeval/') ? ' (issue 3 target: < 1 s)' : ''}`);
}

const [, ifeval] = timings[0]!;
const py = spawnSync('python3', ['-c', 'import nltk, langdetect, absl, immutabledict; nltk.data.load("tokenizers/punkt/english.pickle")'], { encoding: 'utf8' });
console.log(
  py.status === 0
    ? '\npython3 with nltk/langdetect/absl is available; run the official scorer on the same files to compare.'
    : `\nofficial Python scorer not runnable here (python3 lacks nltk/langdetect/absl or the punkt model); comparing with the issue's reference of ${PY_REFERENCE_S} s for the same 541 responses on a 2-core machine:`,
);
console.log(`IFEval in-process speed-up vs ${PY_REFERENCE_S} s: ${((PY_REFERENCE_S * 1000) / median(ifeval.wallMs)).toFixed(1)}x by wall time, ${((PY_REFERENCE_S * 1000) / median(ifeval.cpuMs)).toFixed(1)}x by CPU time (target >= 20x, i.e. <= ${((PY_REFERENCE_S * 1000) / 20).toFixed(0)} ms; issue's in-process target 50 ms)`);
