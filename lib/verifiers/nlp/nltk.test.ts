import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonlSync } from '../../data/jsonl';
import { dataPath } from '../../data/paths';
import { posTag, sentenceSpans, sentTokenize, splitIntoSentences, wordTokenize } from './nltk';
import { pyStrip } from './pytext';

// fixtures/nltk-oracle.json.gz was written by NLTK 3.8 (Debian python3-nltk, CPython 3.11) running the
// punkt_tab and averaged_perceptron_tagger_eng models of data/nltk (docs/data-sources.md); see fixtures/README.md.
// Spans are UTF-16 offsets, delta-encoded: [start - previousEnd, end - start, ...].
interface RowExpect {
  spans: number[];
  nTokens: number;
  tokens: string;
  tags: string;
  nRegex: number;
  regex: string;
}
interface StringExpect {
  text: string;
  spans: number[];
  tokens: string[];
  tags: string;
  regex: string[];
}
interface Fixture {
  classes: string[];
  rows: Record<string, RowExpect>;
  variants: Record<string, number[]>;
  strings: StringExpect[];
}

const fixture = JSON.parse(gunzipSync(readFileSync(join(__dirname, 'fixtures', 'nltk-oracle.json.gz'))).toString('utf8')) as Fixture;

const digest = (items: readonly string[]): string =>
  createHash('sha1').update(items.join('\u0000'), 'utf8').digest('hex').slice(0, 10);
const tagCodes = (tags: ReadonlyArray<[string, string]>): string =>
  tags.map(([, t]) => String.fromCharCode(48 + fixture.classes.indexOf(t))).join('');
function deltaSpans(spans: ReadonlyArray<[number, number]>): number[] {
  let prev = 0;
  return spans.flatMap(([s, e]) => {
    const d = [s - prev, e - s];
    prev = e;
    return d;
  });
}

/** The IFEval loose-mode texts, in the order the fixture numbers them (v1..v7; v0 is the row itself). */
function variants(response: string): string[] {
  const lines = response.split('\n');
  const v = [lines.slice(1), lines.slice(0, -1), lines.slice(1, -1)].map((l) => pyStrip(l.join('\n')));
  return [response, ...v, ...[response, ...v].map((t) => t.replaceAll('*', ''))].slice(1);
}

function texts(file: string, field: 'response' | 'prompt'): string[] {
  return readJsonlSync(dataPath(file)).map((row) => String((row.value as Record<string, unknown>)[field]));
}

const SOURCES: ReadonlyArray<[string, string, 'response' | 'prompt']> = [
  ['ifeval-resp', 'ifeval/input_response_data_gpt4_20231107_145030.jsonl', 'response'],
  ['ifbench-resp', 'ifbench/sample_output.jsonl', 'response'],
  ['ifeval-prompt', 'ifeval/input_data.jsonl', 'prompt'],
  ['ifbench-prompt', 'ifbench/IFBench_test.jsonl', 'prompt'],
];

describe('NLTK port against the NLTK 3.8 oracle, every data row', () => {
  it.each(SOURCES)('%s: sentence spans, word tokens, POS tags, regex sentences', (prefix, file, field) => {
    const rows = texts(file, field);
    const mismatches: string[] = [];
    rows.forEach((text, i) => {
      const want = fixture.rows[`${prefix}:${i}`];
      if (want === undefined) throw new Error(`fixture has no row ${prefix}:${i}; regenerate fixtures/nltk-oracle.json.gz`);
      const tokens = wordTokenize(text);
      const regex = splitIntoSentences(text);
      const got = {
        spans: deltaSpans(sentenceSpans(text)),
        nTokens: tokens.length,
        tokens: digest(tokens),
        tags: digest(posTag(tokens).map(([, t]) => t)),
        nRegex: regex.length,
        regex: digest(regex),
      };
      for (const key of Object.keys(got) as Array<keyof RowExpect>) {
        if (JSON.stringify(got[key]) !== JSON.stringify(want[key])) mismatches.push(`${prefix}:${i} ${key}`);
      }
    });
    expect(rows.length).toBeGreaterThan(290);
    expect(mismatches).toEqual([]);
  });

  it.each(SOURCES.slice(0, 2))('%s loose variants: sentence spans', (prefix, file, field) => {
    const mismatches: string[] = [];
    texts(file, field).forEach((response, i) => {
      variants(response).forEach((text, k) => {
        const want = fixture.variants[`${prefix}:${i}:v${k + 1}`];
        if (JSON.stringify(deltaSpans(sentenceSpans(text))) !== JSON.stringify(want)) mismatches.push(`${prefix}:${i}:v${k + 1}`);
      });
    });
    expect(mismatches).toEqual([]);
  });
});

describe('NLTK port against the NLTK 3.8 oracle, adversarial strings', () => {
  it(`${fixture.strings.length} strings of quotes, brackets, ellipses, initials, numbers, abbreviations, odd whitespace, Unicode`, () => {
    const mismatches: string[] = [];
    for (const s of fixture.strings) {
      const tokens = wordTokenize(s.text);
      const got = {
        spans: deltaSpans(sentenceSpans(s.text)),
        tokens,
        tags: tagCodes(posTag(s.tokens)),
        regex: splitIntoSentences(s.text),
      };
      for (const key of ['spans', 'tokens', 'tags', 'regex'] as const) {
        if (JSON.stringify(got[key]) !== JSON.stringify(s[key])) mismatches.push(`${key} of ${JSON.stringify(s.text)}`);
      }
      expect(sentTokenize(s.text)).toEqual(sentenceSpans(s.text).map(([a, b]) => s.text.slice(a, b)));
    }
    expect(mismatches).toEqual([]);
  });
});

describe('wordTokenize sentence memo', () => {
  it('gives the same tokens for a sentence seen before, in another text, and hands out fresh arrays', () => {
    const base = 'THE END is near. Don\'t panic, "they" said... Really?';
    const first = wordTokenize(base);
    first.push('MUTATED');
    const again = wordTokenize(`Intro line.\n${base}`);
    expect(again).toEqual(['Intro', 'line', '.', 'THE', 'END', 'is', 'near', '.', 'Do', "n't", 'panic', ',', '``', 'they', "''", 'said', '...', 'Really', '?']);
    expect(wordTokenize(base)).toEqual(again.slice(3));
  });

  it('stays exact when more sentences pass through than it remembers', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence ${i} is HERE.`);
    const text = sentences.join(' ');
    const want = sentences.flatMap((_, i) => ['Sentence', String(i), 'is', 'HERE', '.']);
    expect(wordTokenize(text)).toEqual(want);
    expect(wordTokenize(text)).toEqual(want);
  });
});
