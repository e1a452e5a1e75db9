import * as aq from 'arquero';
import { categoryOf, type PromptRow } from './benchmark';

/** An arquero table (the type arquero's `table()` returns). */
export type Table = ReturnType<typeof aq.table>;

/**
 * How often each instruction id occurs in a benchmark: one row per id with its category and count, sorted by
 * category then count (descending).
 * @example instructionCounts(readPromptRows(dataPath('ifeval/input_data.jsonl'))).print()
 */
export function instructionCounts(rows: readonly PromptRow[]): Table {
  const ids = rows.flatMap((r) => r.instruction_id_list);
  return aq
    .table({ id: ids, category: ids.map(categoryOf) })
    .groupby('id', 'category')
    .count({ as: 'count' })
    .orderby('category', aq.desc('count'), 'id');
}

/** Instructions per category, most frequent first. */
export function categoryCounts(rows: readonly PromptRow[]): Table {
  return instructionCounts(rows).groupby('category').rollup({ count: aq.op.sum('count'), ids: aq.op.count() }).orderby(aq.desc('count'));
}

/** How many prompts carry 1, 2, 3, ... instructions. */
export function instructionsPerPrompt(rows: readonly PromptRow[]): Table {
  return aq
    .table({ n: rows.map((r) => r.instruction_id_list.length) })
    .groupby('n')
    .count({ as: 'prompts' })
    .orderby('n');
}
