/** Scorer throughput and cost per checker on one prompts + responses pair (used by bench/scorer.ts). */
import { readResponseRows } from '../lib/data/benchmark';
import { readPrompts, type PreparedPrompt } from '../lib/eval/input';
import { joinResponses } from '../lib/eval/join';
import { summarize } from '../lib/eval/metrics';
import { checkLoose, checkStrict, scorePrompts } from '../lib/eval/score';
import { looseVariants } from '../lib/verifiers/variants';

export interface SuiteTiming {
  readonly prompts: number;
  readonly instructions: number;
  readonly loadMs: number;
  readonly coldMs: number;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly summaryMs: number;
  readonly prepared: readonly PreparedPrompt[];
  readonly responses: ReadonlyArray<string | null>;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Loads the files, scores once cold, warms up, then times `runs` strict+loose passes (wall and CPU). */
export function timeSuite(inputFile: string, responsesFile: string, runs: number): SuiteTiming {
  const t0 = performance.now();
  const prepared = readPrompts(inputFile);
  const { responses, missing } = joinResponses(prepared, readResponseRows(responsesFile));
  const loadMs = performance.now() - t0;
  const first = performance.now();
  scorePrompts(prepared, responses);
  const coldMs = performance.now() - first;
  for (let i = 0; i < 3; i++) scorePrompts(prepared, responses);
  // On a shared machine wall time also measures the neighbours; CPU time is what an idle core would take.
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    scorePrompts(prepared, responses);
    wallMs.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const scored = scorePrompts(prepared, responses);
  const s = performance.now();
  summarize(scored, { seed: 0, resamples: 1000 }, missing);
  const summaryMs = performance.now() - s;
  const instructions = prepared.reduce((n, p) => n + p.checks.length, 0);
  return { prompts: prepared.length, instructions, loadMs, coldMs, wallMs, cpuMs, summaryMs, prepared, responses };
}

export interface CheckerCost {
  readonly id: string;
  readonly calls: number;
  readonly scorerMs: number;
  readonly usPerVariantCheck: number;
}

/**
 * Per id: the strict check plus the loose check as the scorer runs them, and the checker alone on each non-blank
 * loose variant (what the per-variant conformance test pays). The last of `passes` passes is kept.
 */
export function checkerCosts(t: SuiteTiming, passes = 3): CheckerCost[] {
  let cells = new Map<string, { calls: number; scorerMs: number; variantMs: number; variants: number }>();
  for (let rep = 0; rep < passes; rep++) {
    cells = new Map();
    t.prepared.forEach((p, i) => {
      const response = t.responses[i];
      if (response == null) return;
      const texts = looseVariants(response).flatMap((v) => (v.text === null ? [] : [v.text]));
      p.checks.forEach((check, j) => {
        const id = p.instructionIds[j]!;
        const cell = cells.get(id) ?? { calls: 0, scorerMs: 0, variantMs: 0, variants: 0 };
        let s = performance.now();
        if (checkStrict(check, response) === false) checkLoose(check, response, true);
        cell.scorerMs += performance.now() - s;
        cell.calls++;
        s = performance.now();
        for (const text of texts) check(text);
        cell.variantMs += performance.now() - s;
        cell.variants += texts.length;
        cells.set(id, cell);
      });
    });
  }
  return [...cells]
    .map(([id, c]) => ({ id, calls: c.calls, scorerMs: c.scorerMs, usPerVariantCheck: (c.variantMs / Math.max(1, c.variants)) * 1000 }))
    .sort((a, b) => b.scorerMs - a.scorerMs);
}

/** Cost rows as aligned text, with a total of the scorer column. */
export function formatCosts(costs: readonly CheckerCost[]): string[] {
  const head = 'instruction id'.padEnd(48) + 'n'.padStart(4) + '  scorer ms'.padStart(11) + '  µs/check (each variant)'.padStart(26);
  const rows = costs.map((c) => c.id.padEnd(48) + String(c.calls).padStart(4) + c.scorerMs.toFixed(2).padStart(11) + c.usPerVariantCheck.toFixed(1).padStart(26));
  const total = costs.reduce((a, c) => a + c.scorerMs, 0);
  return [head, ...rows, `${'total'.padEnd(52)}${total.toFixed(2).padStart(11)}`];
}
