import type { Span } from '../../../analysis/maps';
import { canonical, clauseTexts, queryOf, type WorldInstance } from './instance';

/*
 * The labelled spans of a world prompt for the attention analysis. Every prompt word is one token (the world's
 * tokenizer), after bos at position 0: the query "write about <topic> <subject>", then each constraint clause, named
 * by its type. The response span is added by the analysis (from the prompt's length).
 */

/** Spans over the token positions of bos + prompt. @example worldSpans(inst)[0] // { role: 'system', start: 0, end: 1 } */
export function worldSpans(inst: WorldInstance): Span[] {
  const spans: Span[] = [{ role: 'system', start: 0, end: 1 }];
  let at = 1;
  const query = queryOf(inst).split(' ').length;
  spans.push({ role: 'query', start: at, end: at + query });
  at += query;
  const types = canonical(inst).clauses.map((c) => c.type);
  clauseTexts(inst).forEach((text, i) => {
    const n = text.split(' ').length;
    spans.push({ role: 'constraint', start: at, end: at + n, id: types[i]! });
    at += n;
  });
  return spans;
}
