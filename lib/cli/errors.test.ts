import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonlSync } from '../data/jsonl';
import { describeError } from './errors';

const caught = (fn: () => void): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('describeError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ifkit-errors-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');

  it.each<[string, () => void, string]>([
    ['--out is a file', () => mkdirSync(file, { recursive: true }), `cannot create the folder ${file}: a file with that name is in the way`],
    ['--out under a file', () => mkdirSync(join(file, 'sub'), { recursive: true }), `cannot create the folder ${join(file, 'sub')}: part of that path is a file, not a folder`],
    ['a missing input', () => readFileSync(join(dir, 'missing.jsonl')), `cannot open ${join(dir, 'missing.jsonl')}: it does not exist`],
    ['a folder as input', () => readJsonlSync(dir), `cannot read ${dir}: it is a folder, not a file`],
  ])('%s', (_what, fn, expected) => {
    expect(describeError(caught(fn))).toBe(expected);
  });

  it('keeps any other message', () => {
    expect(describeError(new Error('--seed must be a non-negative integer, got "x"'))).toBe('--seed must be a non-negative integer, got "x"');
    expect(describeError('plain')).toBe('plain');
  });
});
