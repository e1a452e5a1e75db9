/**
 * Constraint ids that must not share a prompt, as data: the union of google-research IFEval's
 * `INSTRUCTION_CONFLICTS` and open-instruct IFEvalG's, closed as upstream's `conflict_make` does
 * (if A conflicts with B then B with A; every id with itself). IFBench ships no table: its ids conflict only
 * with themselves.
 */

/** The 25 IFEval ids, in google-research registry order. */
export const IFEVAL_IDS: readonly string[] = [
  'keywords:existence', 'keywords:frequency', 'keywords:forbidden_words', 'keywords:letter_frequency',
  'language:response_language', 'length_constraints:number_sentences', 'length_constraints:number_paragraphs',
  'length_constraints:number_words', 'length_constraints:nth_paragraph_first_word',
  'detectable_content:number_placeholders', 'detectable_content:postscript', 'detectable_format:number_bullet_lists',
  'detectable_format:constrained_response', 'detectable_format:number_highlighted_sections',
  'detectable_format:multiple_sections', 'detectable_format:json_format', 'detectable_format:title',
  'combination:two_responses', 'combination:repeat_prompt', 'startend:end_checker',
  'change_case:capital_word_frequency', 'change_case:english_capital', 'change_case:english_lowercase',
  'punctuation:no_comma', 'startend:quotation',
];

/** The 29 ids IFEvalG adds, in open-instruct registry order. */
export const IFTRAIN_NEW_IDS: readonly string[] = [
  'copy:repeat_phrase', 'copy:copy', 'new:copy_span_idx', 'detectable_format:sentence_hyphens',
  'keywords:no_adjacent_consecutive', 'detectable_format:square_brackets', 'keywords:word_once',
  'keywords:word_count_different_numbers', 'keywords:exclude_word_harder', 'paragraphs:paragraphs',
  'paragraphs:paragraphs2', 'first_word:first_word_sent', 'first_word:first_word_answer', 'last_word:last_word_sent',
  'last_word:last_word_answer', 'detectable_format:bigram_wrapping', 'copy:copying_simple', 'copy:copying_multiple',
  'punctuation:punctuation_dot', 'punctuation:punctuation_exclamation', 'count:lowercase_counting',
  'letters:letter_counting', 'letters:letter_counting2', 'count:counting_composition', 'count:count_unique',
  'count:count_increment_word', 'keywords:palindrome', 'keywords:keyword_specific_position', 'keywords:start_end',
];

/** A row of the upstream table: listed ids, or "every registered id except these". */
type Row = readonly string[] | { readonly allExcept: readonly string[] };
const ALL: Row = { allExcept: [] };

/**
 * Upstream rows as written (google's rows are identical to IFEvalG's first 25; only "every id" differs: 25 vs 54).
 * Rows that list only the id itself are omitted; closure adds self-conflicts.
 */
const ROWS: Readonly<Record<string, Row>> = {
  'language:response_language': [
    'detectable_format:multiple_sections', 'keywords:existence', 'keywords:frequency', 'keywords:forbidden_words',
    'startend:end_checker', 'change_case:english_capital', 'change_case:english_lowercase',
  ],
  'length_constraints:number_paragraphs': ['length_constraints:nth_paragraph_first_word', 'length_constraints:number_sentences'],
  'length_constraints:nth_paragraph_first_word': ['length_constraints:number_paragraphs'],
  'detectable_format:constrained_response': ALL,
  'detectable_format:multiple_sections': ['language:response_language', 'detectable_format:number_highlighted_sections'],
  'detectable_format:json_format': { allExcept: ['keywords:forbidden_words', 'keywords:existence'] },
  'combination:two_responses': {
    allExcept: ['keywords:forbidden_words', 'keywords:existence', 'language:response_language', 'detectable_format:title', 'punctuation:no_comma'],
  },
  'combination:repeat_prompt': { allExcept: ['keywords:existence', 'detectable_format:title', 'punctuation:no_comma'] },
  'change_case:capital_word_frequency': ['change_case:english_lowercase', 'change_case:english_capital'],
  'change_case:english_lowercase': ['change_case:english_capital'],
  'startend:quotation': ['detectable_format:title'],
  'copy:copy': ALL,
  'new:copy_span_idx': ALL,
  'paragraphs:paragraphs': ['paragraphs:paragraphs2'],
  'paragraphs:paragraphs2': ['paragraphs:paragraphs'],
  'first_word:first_word_sent': ['first_word:first_word_answer'],
  'first_word:first_word_answer': ['first_word:first_word_sent'],
  'copy:copying_simple': ALL,
  'copy:copying_multiple': ALL,
  'count:counting_composition': [
    'count:count_unique', 'count:count_increment_word', 'paragraphs:paragraphs', 'paragraphs:paragraphs2',
    'keywords:letter_frequency', 'keywords:frequency',
  ],
};

/** Resolve the rows over `universe` and close them as `conflict_make` does: symmetric and reflexive. */
function closeTable(universe: readonly string[]): Map<string, Set<string>> {
  const table = new Map(universe.map((id) => [id, new Set<string>([id])]));
  for (const id of universe) {
    const row = ROWS[id];
    if (!row) continue;
    const listed = 'allExcept' in row ? universe.filter((x) => !row.allExcept.includes(x)) : row;
    for (const other of listed) {
      table.get(id)!.add(other);
      table.get(other)!.add(id);
    }
  }
  return table;
}

function union(...tables: Array<ReadonlyMap<string, ReadonlySet<string>>>): Map<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of tables) {
    for (const [id, set] of t) {
      const into = out.get(id) ?? new Set<string>();
      for (const x of set) into.add(x);
      out.set(id, into);
    }
  }
  return out;
}

/** google-research IFEval's table after `conflict_make` (25 ids). */
export const IFEVAL_CONFLICTS: ReadonlyMap<string, ReadonlySet<string>> = closeTable(IFEVAL_IDS);

/** open-instruct IFEvalG's table after `conflict_make` (54 ids). */
export const IFEVALG_CONFLICTS: ReadonlyMap<string, ReadonlySet<string>> = closeTable([...IFEVAL_IDS, ...IFTRAIN_NEW_IDS]);

/** The union of both tables: what ifkit refuses to combine. */
export const CONFLICTS: ReadonlyMap<string, ReadonlySet<string>> = union(IFEVAL_CONFLICTS, IFEVALG_CONFLICTS);

/** True if `a` and `b` must not appear in one prompt (an id always conflicts with itself). */
export function conflicts(a: string, b: string): boolean {
  return a === b || (CONFLICTS.get(a)?.has(b) ?? false);
}

/** The first pair of ids in `ids` that conflict, or null when the combination is valid. */
export function findConflict(ids: readonly string[]): [string, string] | null {
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) if (conflicts(ids[i]!, ids[j]!)) return [ids[i]!, ids[j]!];
  }
  return null;
}
