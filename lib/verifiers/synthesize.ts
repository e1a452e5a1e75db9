/**
 * Seeded synthesis of constraint combinations for IF-RLVR-style training prompts: n constraints (1–6 in the paper),
 * no conflicting pair (./conflicts), kwargs from each spec's generator, and the instruction text.
 */
import type { Rng } from '../stats/rng';
import { pick, shuffled } from '../stats/rng';
import { conflicts } from './conflicts';
import type { Constraint } from './define';
import { samplePromptKwargs } from './iftrain/copy';
import { pyLen, pySplit } from './nlp/pytext';
import { listConstraints } from './registry';
import type { Suite } from './types';

/** One drawn constraint: an id, kwargs that validate against its schema, and its instruction sentence. */
export interface SampledConstraint {
  readonly id: string;
  readonly kwargs: Record<string, unknown>;
  readonly description: string;
}

/** A valid combination and the text to append to a prompt. */
export interface ConstraintSet {
  readonly constraints: readonly SampledConstraint[];
  /** The descriptions joined by a space, in draw order. */
  readonly instruction: string;
  /** `prompt + ' ' + instruction` when a prompt was given. */
  readonly prompt?: string;
}

export interface SampleOptions {
  /** Suites to draw from (an id qualifies if it lists any of them); default IFEval + IFTrain, as in IF-RLVR. */
  readonly suites?: readonly Suite[];
  /** The base prompt: required for ids whose kwargs copy it (copy:*, new:copy_span_idx, combination:repeat_prompt). */
  readonly prompt?: string;
}

/** Ids whose kwargs copy the prompt: drawable only when a prompt is given. */
const NEEDS_PROMPT = new Set(['combination:repeat_prompt', 'copy:copy', 'copy:copying_simple', 'copy:copying_multiple', 'new:copy_span_idx']);

function isSamplable(c: Constraint, prompt: string | undefined): boolean {
  if (c.kind !== 'hard') return false;
  if (NEEDS_PROMPT.has(c.id)) return prompt !== undefined && pyLen(prompt) >= 2;
  return c.sampleKwargs !== undefined;
}

/** Kwargs for one drawn id; prompt-bound ids copy the prompt, exclude_word_harder picks one of its words as upstream. */
function drawKwargs(c: Constraint, rng: Rng, prompt: string | undefined): Record<string, unknown> {
  if (prompt !== undefined) {
    if (c.id === 'combination:repeat_prompt') return { prompt_to_repeat: prompt };
    if (c.id === 'keywords:exclude_word_harder' && pySplit(prompt).length) {
      return { keyword: pick(pySplit(prompt), rng), instruction: prompt };
    }
    const copied = samplePromptKwargs(c.id, prompt, rng);
    if (copied) return copied;
  }
  return c.sampleKwargs!(rng);
}

const MAX_ATTEMPTS = 64;

function greedyDraw(pool: readonly Constraint[], n: number, rng: Rng): Constraint[] {
  const chosen: Constraint[] = [];
  for (const c of shuffled(pool, rng)) {
    if (chosen.some((d) => conflicts(c.id, d.id))) continue;
    chosen.push(c);
    if (chosen.length === n) break;
  }
  return chosen;
}

/**
 * Draw `n` mutually compatible constraints with kwargs, deterministically for a given rng state.
 * @example sampleConstraintSet(3, createRng(0), { suites: ['iftrain'] }).instruction
 */
export function sampleConstraintSet(n: number, rng: Rng, opts: SampleOptions = {}): ConstraintSet {
  if (!Number.isInteger(n) || n < 1) throw new Error(`sampleConstraintSet: n must be a positive integer, got ${n}`);
  const suites = opts.suites ?? ['ifeval', 'iftrain'];
  const pool = listConstraints().filter((c) => c.suites.some((s) => suites.includes(s)) && isSamplable(c, opts.prompt));
  // Greedy over a shuffled pool can dead-end (copy:copy conflicts with every id), so redraw the order a few times.
  let chosen: Constraint[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS && chosen.length < n; attempt++) chosen = greedyDraw(pool, n, rng);
  if (chosen.length < n) {
    throw new Error(
      `sampleConstraintSet: drew only ${chosen.length} compatible constraints of the ${n} asked from suites ` +
        `${suites.join(', ')} (${pool.length} samplable ids, ${MAX_ATTEMPTS} orders tried); ask for fewer or add suites`,
    );
  }
  const constraints = chosen.map((c) => {
    const kwargs = drawKwargs(c, rng, opts.prompt);
    return { id: c.id, kwargs, description: c.describe(kwargs) };
  });
  const instruction = constraints.map((c) => c.description).join(' ');
  return opts.prompt === undefined ? { constraints, instruction } : { constraints, instruction, prompt: `${opts.prompt} ${instruction}` };
}
