import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlError } from '../data/jsonl';
import { cacheKey, openReplyCache } from './cache';

const tmpFile = (): string => join(mkdtempSync(join(tmpdir(), 'ifkit-cache-')), 'sub', 'cache.jsonl');
const entry = (key: string, reply = 'Yes') => ({ key, model: 'm', reply, at: '2026-01-01T00:00:00.000Z' });

describe('cacheKey', () => {
  it('is a sha256 hex that changes with model, template, inputs and params', () => {
    const base = { model: 'm', template: 't', inputs: { a: '1' } };
    const k = cacheKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...base })).toBe(k);
    expect(cacheKey({ ...base, model: 'm2' })).not.toBe(k);
    expect(cacheKey({ ...base, template: 't2' })).not.toBe(k);
    expect(cacheKey({ ...base, inputs: { a: '2' } })).not.toBe(k);
    expect(cacheKey({ ...base, params: { temperature: 1 } })).not.toBe(k);
  });
});

describe('openReplyCache', () => {
  it('starts empty, creates its folder on first put, and reloads what was put', () => {
    const file = tmpFile();
    const cache = openReplyCache(file);
    expect(cache.report).toEqual({ file, entries: 0, tornLastLine: false });
    cache.put(entry('a'));
    cache.put(entry('b', 'No'));
    const again = openReplyCache(file);
    expect(again.size).toBe(2);
    expect(again.get('b')?.reply).toBe('No');
  });

  it('keeps the last answer when a key appears twice', () => {
    const file = tmpFile();
    openReplyCache(file).put(entry('a', 'Yes'));
    openReplyCache(file).put(entry('a', 'No'));
    expect(openReplyCache(file).get('a')?.reply).toBe('No');
  });

  it('appends on a fresh line after a complete entry that lacks its newline', () => {
    const file = tmpFile();
    openReplyCache(file).put(entry('a'));
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    const cache = openReplyCache(file);
    expect(cache.report.tornLastLine).toBe(false);
    cache.put(entry('b'));
    expect(openReplyCache(file).size).toBe(2);
  });

  it('throws file:line for a bad line that is not the last', () => {
    const file = tmpFile();
    openReplyCache(file).put(entry('a'));
    writeFileSync(file, 'garbage\n' + readFileSync(file, 'utf8'));
    expect(() => openReplyCache(file)).toThrow(JsonlError);
    expect(() => openReplyCache(file)).toThrow(/cache\.jsonl:1: /);
  });

  it('rejects a JSON line without the entry fields', () => {
    const file = tmpFile();
    openReplyCache(file).put(entry('a'));
    writeFileSync(file, '{"key": 1}\n', { flag: 'a' });
    expect(() => openReplyCache(file)).toThrow(/cache\.jsonl:2: .*\{key, model, reply, at\}/);
  });
});
