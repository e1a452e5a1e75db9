/**
 * `ifkit eval` against the official Python scorers, whole process each, on the same files, interleaved in one run:
 * IFEval (541 GPT-4 responses) and IFBench (300 prompts, sample responses), at 1x and at 10x the input (10
 * concatenated copies of both files; no cache carries a verdict from one copy to the next, in either scorer).
 *   npx tsx bench/scorer-vs-official.ts        (RUNS=5 rounds at 1x, RUNS_10X=3 at 10x)
 * Prints wall and CPU medians and the official/ifkit ratios, and whether both wrote the same result bytes. Without
 * the official scorers (docs/official-scorers.md) it says so and prints ifkit's times only. Never passes or fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../lib/data/paths';
import { officialIfbench, officialIfeval, type Lookup, type OfficialScorer } from './official-scorers';
import { bareNode, ifkitEval, timeProcess, type Command, type ProcessTime } from './whole-process';

const RUNS = Number(process.env.RUNS ?? 5);
const RUNS_10X = Number(process.env.RUNS_10X ?? 3);
const SUITES = [
  { name: 'IFEval GPT-4 (541)', input: 'ifeval/input_data_gpt4_20231107_145030.jsonl', responses: 'ifeval/input_response_data_gpt4_20231107_145030.jsonl', official: officialIfeval },
  { name: 'IFBench sample (300)', input: 'ifbench/IFBench_test.jsonl', responses: 'ifbench/sample_output.jsonl', official: officialIfbench },
] as const;

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number): string => (ms / 1000).toFixed(2).padStart(6);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`.padStart(6);

interface Sized {
  readonly label: string;
  readonly input: string;
  readonly responses: string;
  readonly runs: number;
}

/** The suite's files at 1x, and 10 concatenated copies of each under `dir`. */
function sizes(suite: (typeof SUITES)[number], dir: string): Sized[] {
  const input = dataPath(suite.input);
  const responses = dataPath(suite.responses);
  const copies = (file: string): string => readFileSync(file, 'utf8').replace(/\n?$/, '\n').repeat(10);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'input-10x.jsonl'), copies(input));
  writeFileSync(join(dir, 'responses-10x.jsonl'), copies(responses));
  return [
    { label: '1x', input, responses, runs: RUNS },
    { label: '10x', input: join(dir, 'input-10x.jsonl'), responses: join(dir, 'responses-10x.jsonl'), runs: RUNS_10X },
  ];
}

function timed(command: Command, what: string): ProcessTime {
  const t = timeProcess(command);
  if (!t.ok) throw new Error(`${what} failed:\n${t.stderr.slice(-2000)}`);
  return t;
}

/** Whether the two scorers' strict and loose result files hold the same bytes. */
function sameResults(ifkitOut: string, scorer: OfficialScorer, officialOut: string): string {
  const verdicts = (['strict', 'loose'] as const).map((mode) => {
    const theirs = scorer.resultFile(officialOut, mode);
    const same = theirs !== undefined && readFileSync(theirs).equals(readFileSync(join(ifkitOut, `eval_results_${mode}.jsonl`)));
    return `${mode} ${same ? 'identical' : 'DIFFERENT'}`;
  });
  return verdicts.join(', ');
}

/** Interleaved rounds (the order alternates, so neither side always runs on a warmer machine). */
function compare(size: Sized, official: Lookup, dir: string): string {
  const ifkitOut = join(dir, `ifkit-${size.label}`);
  const officialOut = join(dir, `official-${size.label}`);
  mkdirSync(officialOut, { recursive: true });
  const ifkit = ifkitEval(size.input, size.responses, ifkitOut);
  const theirs = 'scorer' in official ? official.scorer.command(size.input, size.responses, officialOut) : undefined;
  if (size.label === '1x') {
    timed(ifkit, 'ifkit eval'); // warm-up: the bundle, its V8 code cache and the model caches in .cache/
    if (theirs) timed(theirs, 'official scorer'); // warm-up: __pycache__
  }
  const ours: ProcessTime[] = [];
  const ref: ProcessTime[] = [];
  for (let round = 0; round < size.runs; round++) {
    if (theirs && round % 2 === 1) ref.push(timed(theirs, 'official scorer'));
    ours.push(timed(ifkit, 'ifkit eval'));
    if (theirs && round % 2 === 0) ref.push(timed(theirs, 'official scorer'));
  }
  const [wall, cpu] = [median(ours.map((t) => t.wallMs)), median(ours.map((t) => t.cpuMs))];
  const head = `${size.label.padEnd(4)} ifkit wall ${seconds(wall)} s  CPU ${seconds(cpu)} s`;
  if (!theirs || !('scorer' in official)) return head;
  const [refWall, refCpu] = [median(ref.map((t) => t.wallMs)), median(ref.map((t) => t.cpuMs))];
  return `${head} | official wall ${seconds(refWall)} s  CPU ${seconds(refCpu)} s | ratio wall ${ratio(refWall, wall)}  CPU ${ratio(refCpu, cpu)} | results ${sameResults(ifkitOut, official.scorer, officialOut)}`;
}

/**
 * What no input size changes: Node starting and exiting, and `ifkit eval` on the suite's first prompt alone (start-up,
 * the bundle, the models that prompt needs, one bootstrap, the files written). At 1x these are most of ifkit's time.
 */
function fixedCosts(dir: string): string[] {
  const first = (file: string, name: string): string => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(dataPath(file), 'utf8').split('\n')[0] + '\n');
    return path;
  };
  const medianWall = (command: Command, what: string): string => {
    const times = Array.from({ length: RUNS }, () => timed(command, what).wallMs);
    return `${seconds(median(times)).trim()} s`;
  };
  const lines = [`node itself (node -e, nothing to do): ${medianWall(bareNode(), 'node')} wall`];
  for (const suite of SUITES) {
    const input = first(suite.input, `one-${suite.input.split('/')[0]}-input.jsonl`);
    const responses = first(suite.responses, `one-${suite.input.split('/')[0]}-responses.jsonl`);
    lines.push(`ifkit eval on ${suite.name.split(' ')[0]}'s first prompt alone: ${medianWall(ifkitEval(input, responses, join(dir, 'one-out')), 'ifkit eval')} wall`);
  }
  return lines;
}

function main(): void {
  console.log(`machine: ${cpus().length} cores; load average ${load()}; medians of ${RUNS} rounds at 1x, ${RUNS_10X} at 10x`);
  console.log('ratio = official / ifkit; CPU is each process reporting its own (all threads); official scorers run with scipy hidden');
  const root = mkdtempSync(join(tmpdir(), 'ifkit-bench-official-'));
  try {
    for (const suite of SUITES) {
      const official = suite.official();
      console.log(`\n${suite.name}${'missing' in official ? ` — official scorer not set up (${official.missing}; see docs/official-scorers.md): ifkit only` : ''}`);
      for (const size of sizes(suite, join(root, suite.input.split('/')[0]!))) console.log(compare(size, official, join(root, suite.input.split('/')[0]!)));
    }
    console.log(`\nfixed costs (medians of ${RUNS}):`);
    for (const line of fixedCosts(root)) console.log(`  ${line}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`\nload average at the end: ${load()}`);
}

main();
