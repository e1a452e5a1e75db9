import * as aq from 'arquero';
import { createRng } from '../stats/rng';
import type { PreparedCheck } from '../verifiers/define';
import { listConstraints } from '../verifiers/registry';
import { passes, type Suite } from '../verifiers/types';
import { looseVariants } from '../verifiers/variants';
import type { EvalSummary, GroupAccuracy } from './metrics';
import { variantVerdicts, type ScoredPrompt } from './score';

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

/** One row per loose-mode variant of a response: the text upstream checks and the verdict (null: skipped, blank). */
export function variantTable(check: PreparedCheck, response: string): Table {
  return aq.from(
    variantVerdicts(check, response).map((v, i) => {
      const text = looseVariants(response)[i]!.text;
      return { variant: v.name, text: text === null ? '' : text.length > 80 ? text.slice(0, 77) + '…' : text, verdict: v.verdict };
    }),
  );
}

/** The registered constraints of a suite with a seeded example of their kwargs and instruction text. */
export function registryTable(suite: Suite, seed = 0): Table {
  const rng = createRng(seed);
  return aq.from(
    listConstraints(suite).map((c) => {
      const kwargs = c.sampleKwargs?.(rng);
      return {
        category: c.category,
        id: c.id,
        example_kwargs: kwargs ? JSON.stringify(kwargs) : '(needs the prompt)',
        example_instruction: kwargs ? c.describe(kwargs) : '',
      };
    }),
  );
}
