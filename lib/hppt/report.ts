/**
 * The HPPT report: counts before and after, drops by reason, and per constraint type and kind, computed from the
 * stages' outputs only (pure), so the CLI, tests and notebooks read the same numbers.
 */
import type { DropReason, FilterResult } from './filter';
import type { PilotResult } from './pilot-results';
import type { ReadResult } from './read-input';
import type { SimplifyResult } from './simplify';
import { badRowMessage, type BadRow, type HpptItem } from './types';

export interface Counts {
  readonly prompts: number;
  readonly constraints: number;
  readonly hard: number;
  readonly soft: number;
  /** Hard constraints given as Python (VerInstruct rules ifkit could not map). */
  readonly python: number;
  readonly hardOnlyPrompts: number;
  readonly promptsWithSeveralSoft: number;
}

export interface TypeRow {
  readonly type: string;
  readonly kind: 'hard' | 'soft';
  /** How it is checked: a registry id, `judge` or `python`. */
  readonly check: string;
  readonly before: number;
  readonly afterFilter: number;
  readonly after: number;
  /** Share of the pilot's rollouts that passed this constraint (null when the pilot gave no per-constraint verdicts). */
  readonly pilotPassRate: number | null;
}

export interface HpptReport {
  readonly input: { readonly file: string; readonly format: string; readonly rows: number; readonly items: number; readonly badRows: number; readonly untaggedCheckers: number };
  readonly pilot: { readonly results: number; readonly matched: number; readonly unmatched: number; readonly badRows: number; readonly rollouts: number; readonly meanReward: number | null };
  readonly before: Counts;
  readonly afterFilter: Counts;
  readonly after: Counts;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly soft: { readonly seed: number; readonly simplifiedPrompts: number; readonly dropped: number; readonly textRemoved: number; readonly textLeftInPrompt: number };
  readonly byType: readonly TypeRow[];
  /** The first bad rows, `file:line: reason` (all of them are counted above). */
  readonly badRowSamples: readonly string[];
}

export function countItems(items: readonly HpptItem[]): Counts {
  let constraints = 0, hard = 0, soft = 0, python = 0, hardOnly = 0, several = 0;
  for (const it of items) {
    const s = it.constraints.filter((c) => c.kind === 'soft').length;
    constraints += it.constraints.length;
    soft += s;
    hard += it.constraints.length - s;
    python += it.constraints.filter((c) => c.check.by === 'python').length;
    if (s === 0 && it.constraints.length > 0) hardOnly++;
    if (s > 1) several++;
  }
  return { prompts: items.length, constraints, hard, soft, python, hardOnlyPrompts: hardOnly, promptsWithSeveralSoft: several };
}

const typeKey = (type: string, kind: string, check: string): string => `${kind}\u0000${type}\u0000${check}`;
const checkName = (c: HpptItem['constraints'][number]): string => (c.check.by === 'registry' ? c.check.id : c.check.by);

/** Per constraint type: how many at each stage, and the pilot's passes over the rollouts scored. */
interface Tally {
  before: number;
  afterFilter: number;
  after: number;
  passed: number;
  scored: number;
}

function tally(items: readonly HpptItem[], into: Map<string, Tally>, stage: 'before' | 'afterFilter' | 'after'): void {
  for (const it of items) {
    for (const c of it.constraints) {
      const k = typeKey(c.type, c.kind, checkName(c));
      if (!into.has(k)) into.set(k, { before: 0, afterFilter: 0, after: 0, passed: 0, scored: 0 });
      into.get(k)![stage]++;
    }
  }
}

/** The pilot's per-constraint verdicts, by type (pilot results from other trainers may have none). */
function tallyPilot(items: readonly HpptItem[], pilot: ReadonlyMap<string, PilotResult>, into: Map<string, Tally>): void {
  for (const it of items) {
    const passed = pilot.get(it.key)?.passed;
    if (!passed) continue;
    it.constraints.forEach((c, i) => {
      const t = into.get(typeKey(c.type, c.kind, checkName(c)))!;
      for (const rollout of passed) {
        if (rollout[i] === undefined) continue;
        t.passed += rollout[i] ? 1 : 0;
        t.scored++;
      }
    });
  }
}

export interface ReportInputs {
  readonly read: ReadResult & { readonly file: string };
  readonly pilot: { readonly results: ReadonlyMap<string, PilotResult>; readonly bad: readonly BadRow[] };
  readonly filter: FilterResult;
  readonly simplify: SimplifyResult;
  readonly seed: number;
}

/** Builds the report from the stages' outputs. */
export function buildReport(x: ReportInputs): HpptReport {
  const { read, pilot, filter, simplify } = x;
  const keys = new Set(read.items.map((i) => i.key));
  const matched = [...pilot.results.keys()].filter((k) => keys.has(k)).length;
  const rewards = read.items.flatMap((i) => pilot.results.get(i.key)?.rewards ?? []);
  const types = new Map<string, Tally>();
  tally(read.items, types, 'before');
  tally(filter.kept, types, 'afterFilter');
  tally(simplify.items, types, 'after');
  tallyPilot(read.items, pilot.results, types);
  const byType = [...types.entries()]
    .map(([k, t]): TypeRow => {
      const [kind, type, check] = k.split('\u0000') as ['hard' | 'soft', string, string];
      return { type, kind, check, before: t.before, afterFilter: t.afterFilter, after: t.after, pilotPassRate: t.scored ? t.passed / t.scored : null };
    })
    .sort((a, b) => (a.kind === b.kind ? b.before - a.before || a.type.localeCompare(b.type) : a.kind === 'hard' ? -1 : 1));
  const dropped: Record<DropReason, number> = { 'never-rewarded': 0, 'not-piloted': 0 };
  for (const d of filter.dropped) dropped[d.reason]++;
  const bad = [...read.bad, ...pilot.bad];
  return {
    input: { file: read.file, format: read.format, rows: read.rows, items: read.items.length, badRows: read.bad.length, untaggedCheckers: read.untaggedCheckers },
    pilot: {
      results: pilot.results.size,
      matched,
      unmatched: pilot.results.size - matched,
      badRows: pilot.bad.length,
      rollouts: rewards.length,
      meanReward: rewards.length ? rewards.reduce((a, b) => a + b, 0) / rewards.length : null,
    },
    before: countItems(read.items),
    afterFilter: countItems(filter.kept),
    after: countItems(simplify.items),
    dropped,
    soft: { seed: x.seed, simplifiedPrompts: simplify.simplified, dropped: simplify.softDropped, textRemoved: simplify.textRemoved, textLeftInPrompt: simplify.textLeft },
    byType,
    badRowSamples: bad.slice(0, 20).map(badRowMessage),
  };
}
