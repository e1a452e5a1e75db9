import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { JsonlError } from '../data/jsonl';

/** One cached judge reply. The raw reply is kept (not the verdict) so a better parser re-reads old replies for free. */
export interface CachedReply {
  readonly key: string;
  readonly model: string;
  readonly reply: string;
  /** ISO time of the answer, for provenance only. */
  readonly at: string;
}

const entrySchema = z.object({ key: z.string(), model: z.string(), reply: z.string(), at: z.string() });

/** What loading a cache file found. */
export interface CacheLoadReport {
  readonly file: string;
  readonly entries: number;
  /**
   * The last line was cut mid-write (a run killed while appending): it is ignored, its request is asked again, and
   * the fragment is cut off the file before the next append.
   */
  readonly tornLastLine: boolean;
}

/** The inputs that make two judge requests the same question. */
export interface CacheKeyParts {
  readonly model: string;
  /** The template text itself, so editing a template asks again. */
  readonly template: string;
  readonly inputs: unknown;
  /** Sampling settings that change the answer (temperature, max tokens). */
  readonly params?: unknown;
}

/** sha256 (hex) of the canonical JSON of model, template, inputs and params. */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([parts.model, parts.template, parts.inputs, parts.params ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** An append-only JSONL cache of judge replies. */
export interface ReplyCache {
  readonly report: CacheLoadReport;
  get(key: string): CachedReply | undefined;
  /** Appends one line at once, so a kill leaves at most one torn line, at the end. */
  put(entry: CachedReply): void;
  readonly size: number;
}

interface Loaded {
  readonly map: Map<string, CachedReply>;
  readonly torn: boolean;
  /** Bytes up to the last newline. */
  readonly wholeBytes: number;
  /** A complete last entry without its newline (written by hand or by another tool). */
  readonly unterminated: boolean;
}

function loadEntries(file: string): Loaded {
  const map = new Map<string, CachedReply>();
  if (!existsSync(file)) return { map, torn: false, wholeBytes: 0, unterminated: false };
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const endsWithNewline = text === '' || text.endsWith('\n');
  let torn = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const isLast = i === lines.length - 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      if (isLast && !endsWithNewline) {
        torn = true;
        return;
      }
      throw new JsonlError(file, i + 1, `judge cache line is not JSON (${(e as Error).message}); delete this line to re-ask that request`);
    }
    const entry = entrySchema.safeParse(parsed);
    if (!entry.success) throw new JsonlError(file, i + 1, `judge cache entry needs {key, model, reply, at}: ${entry.error.issues[0]!.message}`);
    map.set(entry.data.key, entry.data);
  });
  const wholeBytes = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
  return { map, torn, wholeBytes, unterminated: !torn && !endsWithNewline };
}

/**
 * Opens (or starts) a reply cache at `file`. A torn last line is tolerated and reported in `report.tornLastLine`;
 * a bad line elsewhere throws `JsonlError` (file:line).
 * @example const cache = openReplyCache('runs/audit/judge-cache.jsonl'); cache.get(key)?.reply
 */
export function openReplyCache(file: string): ReplyCache {
  const { map, torn, wholeBytes, unterminated } = loadEntries(file);
  // The fragment goes before the first append, or the new line would be glued to it; opening alone changes nothing.
  let fragment = torn;
  let needsNewline = unterminated;
  const report: CacheLoadReport = { file, entries: map.size, tornLastLine: torn };
  return {
    report,
    get: (key) => map.get(key),
    put(entry) {
      mkdirSync(dirname(file), { recursive: true });
      if (fragment) truncateSync(file, wholeBytes);
      appendFileSync(file, (needsNewline ? '\n' : '') + JSON.stringify(entry) + '\n');
      fragment = needsNewline = false;
      map.set(entry.key, entry);
    },
    get size() {
      return map.size;
    },
  };
}

/** A cache that lives only in memory (tests, notebooks). */
export function memoryReplyCache(): ReplyCache {
  const map = new Map<string, CachedReply>();
  return {
    report: { file: ':memory:', entries: 0, tornLastLine: false },
    get: (key) => map.get(key),
    put: (entry) => void map.set(entry.key, entry),
    get size() {
      return map.size;
    },
  };
}
