import * as aq from 'arquero';
import { passes } from '../verifiers/types';
import type { EvalSummary, GroupAccuracy } from './metrics';
import type { ScoredPrompt } from './score';

type Table = ReturnType<typeof aq.from>;

function groupTable(groups: readonly GroupAccuracy[], column: string): Table {
  return aq.from(
    groups.map((g) => ({
      [column]: g.name,
      count: g.strict.total,
      strict: g.strict.accuracy,
      strict_lo: g.strict.ci.lo,
      strict_hi: g.strict.ci.hi,
      loose: g.loose.accuracy,
      loose_lo: g.loose.ci.lo,
      loose_hi: g.loose.ci.hi,
    })),
  );
}

/** One row per instruction id: count, strict and loose accuracy with 95% bounds. */
export function perIdTable(s: EvalSummary): Table {
  return groupTable(s.perId, 'instruction_id');
}

/** One row per category (the id prefix), same columns as `perIdTable`. */
export function perCategoryTable(s: EvalSummary): Table {
  return groupTable(s.perCategory, 'category');
}

/** One row per (prompt, instruction): key, id, strict and loose verdicts (unverifiable kept as a string). */
export function instructionTable(scored: readonly ScoredPrompt[]): Table {
  return aq.from(
    scored.flatMap((p) =>
      p.instructionIds.map((id, i) => ({
        key: String(p.key),
        instruction_id: id,
        category: id.split(':')[0]!,
        strict: passes(p.strict[i]!),
        loose: passes(p.loose[i]!),
        unverifiable: p.strict[i] === 'unverifiable' || p.loose[i] === 'unverifiable',
        has_response: p.response !== null,
      })),
    ),
  );
}
