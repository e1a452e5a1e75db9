/**
 * The fuzz suite at scale: every registered checker (each kwargs, upstream and corrected) on every input family,
 * first on many small and medium texts (over a million checks), then on 200 KB texts, then growth from 200 KB to
 * 800 KB on each id's slowest family. Prints the slowest check per id (CPU ms) and writes it as JSON.
 *
 *   npx tsx bench/fuzz-checkers.ts [--only large|many] [--no-growth] [--out .cache/fuzz/after.json] [--compare .cache/fuzz/before.json]
 *
 * Prints numbers measured in this run; never passes or fails.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { createRng } from '../lib/stats/rng';
import { getConstraint, listConstraints } from '../lib/verifiers/registry';
import { FUZZ_BENCH, TARGET_MS_AT_200KB } from '../lib/verifiers/fuzz/configs';
import { INPUT_FAMILIES } from '../lib/verifiers/fuzz/inputs';
import { cpuMsOf, fuzzCheckers, kwargEchoes, type SlowestCheck } from '../lib/verifiers/fuzz/run';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag('only');
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const constraints = listConstraints();

interface PassResult {
  readonly name: string;
  readonly checks: number;
  readonly cpuS: number;
  readonly wallS: number;
  readonly slowest: SlowestCheck[];
}

function pass(name: string, sizes: typeof FUZZ_BENCH.many): PassResult {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let last = 0;
  const slowest = fuzzCheckers({
    constraints,
    ...sizes,
    onProgress: (n) => {
      if (n - last >= 100_000) (last = n), process.stderr.write(`  ${name}: ${n.toLocaleString('en')} checks, load ${load()}\n`);
    },
  });
  const used = process.cpuUsage(cpu);
  const checks = slowest.reduce((s, r) => s + r.checks, 0);
  return { name, checks, cpuS: (used.user + used.system) / 1e6, wallS: (performance.now() - wall) / 1000, slowest };
}

/** CPU ms of one id's slowest family at n and 4n characters (min of 3 runs each, interleaved). */
function growth(row: SlowestCheck, n: number): { small: number; big: number } {
  const family = INPUT_FAMILIES.find((f) => f.name === row.family);
  const make = (length: number): string => family?.make(length, createRng(0)) ?? kwargEchoes(row.kwargs, length).find((e) => e.name === row.family)!.text;
  const check = getConstraint(row.id).prepare(row.kwargs, row.variant);
  const small = make(n);
  const big = make(4 * n);
  const times = { small: Infinity, big: Infinity };
  for (let i = 0; i < 3; i++) {
    times.small = Math.min(times.small, cpuMsOf(() => check(small)));
    times.big = Math.min(times.big, cpuMsOf(() => check(big)));
  }
  return times;
}

console.log(`fuzz-checkers: ${constraints.length} ids, ${INPUT_FAMILIES.length} input families; load average at start ${load()}`);
const passes: PassResult[] = [];
if (only !== 'large') passes.push(pass('many', FUZZ_BENCH.many));
if (only !== 'many') passes.push(pass('large', FUZZ_BENCH.large));
for (const p of passes) {
  console.log(`pass ${p.name}: ${p.checks.toLocaleString('en')} checks in ${p.cpuS.toFixed(1)} s CPU (${p.wallS.toFixed(1)} s wall), ${Math.round(p.checks / p.cpuS).toLocaleString('en')} checks per CPU second; load ${load()}`);
}

const before = flag('compare') ? new Map((JSON.parse(readFileSync(flag('compare')!, 'utf8')) as { large?: SlowestCheck[] }).large?.map((r) => [r.id, r]) ?? []) : undefined;
const large = passes.find((p) => p.name === 'large');
if (large) {
  console.log(`\nslowest check per id on 200 KB (CPU ms; target ≤ ${TARGET_MS_AT_200KB})${before ? ', before → after' : ''}, growth 200 KB → 800 KB on that family:`);
  for (const r of [...large.slowest].sort((a, b) => b.cpuMs - a.cpuMs)) {
    const g = args.includes('--no-growth') ? { small: NaN, big: NaN } : growth(r, 200_000);
    const was = before?.get(r.id);
    const cell = was ? `${was.cpuMs.toFixed(1).padStart(9)} → ${r.cpuMs.toFixed(1).padStart(7)}` : r.cpuMs.toFixed(1).padStart(9);
    console.log(`${r.id.padEnd(46)} ${cell}  ×${(g.big / Math.max(g.small, 0.01)).toFixed(1).padStart(5)} (${g.small.toFixed(1)} → ${g.big.toFixed(1)})  ${r.variant} ${r.family}`);
  }
}
const many = passes.find((p) => p.name === 'many');
if (many) {
  console.log('\nslowest check per id on small and medium texts (≤ 4 KB), top 15:');
  for (const r of [...many.slowest].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 15)) console.log(`${r.id.padEnd(46)} ${r.cpuMs.toFixed(2).padStart(8)} ms  ${r.length} chars  ${r.variant} ${r.family}`);
}
const out = flag('out');
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ load: load(), ...Object.fromEntries(passes.map((p) => [p.name, p.slowest])), totals: passes.map(({ slowest: _, ...t }) => t) }, null, 1) + '\n');
  console.log(`\nwrote ${out}`);
}
console.log(`load average at end ${load()}`);
