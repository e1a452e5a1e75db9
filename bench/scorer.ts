/**
 * Scorer benchmark: cold start of the NLP models, strict+loose throughput on the GPT-4 IFEval responses and on the
 * IFBench sample responses, the cost of each checker, and the whole `ifkit eval` process.
 * `npx tsx bench/scorer.ts` prints numbers measured in this run; it never passes or fails.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../lib/data/paths';
import { formatColdStart, measureColdStart, measureProfileBuild } from './scorer-cold-start';
import { checkerCosts, formatCosts, median, timeSuite, type SuiteTiming } from './scorer-suite';
import { ifkitEval, timeProcess } from './whole-process';

const RUNS = Number(process.env.RUNS ?? 15);

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

// The whole `ifkit eval` process as users run it (bin/ifkit.js: the cached esbuild bundle of the eval command, or tsx
// when no bundle can be built): module loading, models, scoring, 1000-resample CIs, writing the three files.
console.log('');
for (const suite of SUITES) {
  const command = ifkitEval(dataPath(suite.input), dataPath(suite.responses), join(tmpdir(), 'ifkit-bench-scorer'));
  // The first run may (re)build the bundle (~0.15 s, once per change of the sources).
  const runs = [0, 1, 2].map(() => timeProcess(command));
  for (const r of runs) if (!r.ok) console.log(`ifkit eval failed: ${r.stderr}`);
  const list = (k: 'wallMs' | 'cpuMs'): string => runs.map((r) => (r[k] / 1000).toFixed(2)).join(', ');
  console.log(`whole \`ifkit eval\` process, ${suite.name} (3 runs): wall ${list('wallMs')} s; CPU ${list('cpuMs')} s`);
}
console.log('\nagainst the official Python scorers, whole process, 1x and 10x: npx tsx bench/scorer-vs-official.ts (docs/official-scorers.md)');
