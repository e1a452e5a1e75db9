/**
 * What a responses file holds besides one response per prompt: responses whose prompt is in no input row (never
 * scored), and responses repeating an earlier prompt (the later one is scored, as upstream's dict keeps it). Both
 * were silent; a run now reports their counts and first lines.
 */
import type { ResponseRow } from '../data/benchmark';
import { pyStrip } from '../verifiers/nlp/pytext';

/** A count and the first few lines (1-based) where it happens. */
export interface LineCount {
  readonly count: number;
  readonly firstLines: readonly number[];
}

export interface ResponseCoverage {
  /** Responses that match no prompt by text, stripped text or key. */
  readonly unmatched: LineCount;
  /** Responses whose prompt text an earlier response already had. */
  readonly duplicates: LineCount;
}

const FIRST = 5;

function counter(): { add(line: number | undefined): void; result(): LineCount } {
  let count = 0;
  const firstLines: number[] = [];
  return {
    add(line) {
      count++;
      if (firstLines.length < FIRST && line !== undefined) firstLines.push(line);
    },
    result: () => ({ count, firstLines }),
  };
}

/**
 * Checks responses against the prompts they should answer (matching as joinResponses does: text, stripped text, key).
 * @example responseCoverage(prompts, readResponseRows(file)).unmatched // { count: 0, firstLines: [] }
 */
export function responseCoverage(prompts: ReadonlyArray<{ readonly prompt: string; readonly key: number | string }>, responses: readonly ResponseRow[]): ResponseCoverage {
  const texts = new Set(prompts.map((p) => p.prompt));
  const stripped = new Set(prompts.map((p) => pyStrip(p.prompt)));
  const keys = new Set(prompts.map((p) => String(p.key)));
  const seen = new Set<string>();
  const unmatched = counter();
  const duplicates = counter();
  for (const r of responses) {
    if (seen.has(r.prompt)) duplicates.add(r.line);
    seen.add(r.prompt);
    const matches = texts.has(r.prompt) || stripped.has(pyStrip(r.prompt)) || (r.key !== undefined && keys.has(String(r.key)));
    if (!matches) unmatched.add(r.line);
  }
  return { unmatched: unmatched.result(), duplicates: duplicates.result() };
}

/** Report lines for a coverage (none when the file is clean). */
export function coverageLines(c: ResponseCoverage, responsesFile: string): string[] {
  const at = (l: LineCount): string => `line${l.firstLines.length > 1 ? 's' : ''} ${l.firstLines.join(', ')}${l.count > l.firstLines.length ? ', …' : ''}`;
  const lines: string[] = [];
  if (c.unmatched.count > 0) lines.push(`${responsesFile}: ${c.unmatched.count} response(s) answer no prompt of the input and are not scored (${at(c.unmatched)})`);
  if (c.duplicates.count > 0) lines.push(`${responsesFile}: ${c.duplicates.count} response(s) repeat an earlier response's prompt; the last one is scored, as upstream does (${at(c.duplicates)})`);
  return lines;
}
