import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlError, readJsonl, readJsonlSync, toJsonl } from './jsonl';
import { dataPath } from './paths';

function file(text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'ifkit-jsonl-')), 'rows.jsonl');
  writeFileSync(p, text);
  return p;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readJsonl', () => {
  it('skips a UTF-8 byte order mark at the start of the file (both readers)', async () => {
    const p = file('\ufeff{"a": 1}\n{"a": 2}\n');
    expect((await collect(readJsonl<{ a: number }>(p))).map((r) => r.value.a)).toEqual([1, 2]);
    expect(readJsonlSync<{ a: number }>(p).map((r) => r.value.a)).toEqual([1, 2]);
  });

  it('streams the 541 IFEval prompts with their line numbers', async () => {
    const rows = await collect(readJsonl<{ key: number }>(dataPath('ifeval/input_data.jsonl')));
    expect(rows.length).toBe(541);
    expect(rows[0]).toMatchObject({ line: 1, value: { key: 1000 } });
  });

  it('reports a malformed line as file:line: reason, after yielding the good rows', async () => {
    const p = file('{"a": 1}\n\n{"a": 2,}\n{"a": 3}\n');
    const seen: number[] = [];
    const err = await (async () => {
      for await (const r of readJsonl<{ a: number }>(p)) seen.push(r.value.a);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([1]);
    expect(err).toBeInstanceOf(JsonlError);
    expect((err as JsonlError).message).toMatch(new RegExp(`^${p.replace(/[.\\/]/g, '\\$&')}:3: invalid JSON`));
    expect((err as JsonlError).line).toBe(3);
  });

  it('puts validator failures at the right line', () => {
    const p = file('{"key": 1}\r\n{"key": "x"}\n');
    const validate = (v: unknown): number => {
      const key = (v as { key: unknown }).key;
      if (typeof key !== 'number') throw new Error(`field "key" must be a number, got ${JSON.stringify(key)}`);
      return key;
    };
    expect(() => readJsonlSync(p, validate)).toThrow(`${p}:2: field "key" must be a number, got "x"`);
  });

  it('round-trips through toJsonl', () => {
    const rows = [{ a: 'é' }, [1, 2], null];
    expect(readJsonlSync(file(toJsonl(rows))).map((r) => r.value)).toEqual(rows);
  });
});
