import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readAttentionFile, writeAttentionFile, type MapsDtype } from './maps-file';
import type { AttentionRecord } from './maps';
import { promptMetrics, type MetricOptions, type PromptMetrics } from './prompt-metrics';

/*
 * A directory of attention files, one per prompt (docs/attention-maps-format.md). Measuring it reads one file and
 * one layer at a time, so memory is bounded by the largest layer, not by the number or length of prompts.
 */

export const MAPS_EXTENSION = '.safetensors';

/** The file name of a prompt id: characters outside [A-Za-z0-9._-] become '_'. */
export function mapsFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}${MAPS_EXTENSION}`;
}

/**
 * The attention files of a directory, sorted by name; throws when there are none.
 * @example listAttentionFiles('runs/maps') // ['runs/maps/p0000.safetensors', ...]
 */
export function listAttentionFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`attention maps: ${dir} is not a directory`);
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(MAPS_EXTENSION))
    .sort()
    .map((n) => join(dir, n));
  if (files.length === 0) {
    throw new Error(`attention maps: no *${MAPS_EXTENSION} files in ${dir}; write them with examples/attention_export.py or writeMapsDir`);
  }
  return files;
}

/**
 * Writes records as one file each (named by mapsFileName); throws if two ids map to the same file name.
 * @example writeMapsDir('runs/maps', records, 'float16')
 */
export function writeMapsDir(dir: string, records: Iterable<AttentionRecord>, dtype: MapsDtype = 'float16'): string[] {
  const written = new Map<string, string>();
  for (const r of records) {
    const name = mapsFileName(r.id);
    const other = written.get(name);
    if (other !== undefined) throw new Error(`writeMapsDir: prompt ids ${JSON.stringify(other)} and ${JSON.stringify(r.id)} both map to ${name}; make ids distinct`);
    written.set(name, r.id);
    writeAttentionFile(join(dir, name), r, dtype);
  }
  return [...written.keys()].map((n) => join(dir, n));
}

/**
 * Metrics of every prompt in a directory, one file at a time; `onFile` reports progress. Prompt ids must be unique.
 * @example measureMapsDir('runs/maps', { sink: 'drop' }, (i, n) => bar.update(i))
 */
export function measureMapsDir(dir: string, opts: MetricOptions, onFile?: (done: number, total: number, file: string) => void): PromptMetrics[] {
  const files = listAttentionFiles(dir);
  const seen = new Map<string, string>();
  return files.map((file, i) => {
    const record = readAttentionFile(file);
    const before = seen.get(record.id);
    if (before !== undefined) throw new Error(`${file}: prompt id ${JSON.stringify(record.id)} is also in ${before}; ids must be unique`);
    seen.set(record.id, file);
    const metrics = promptMetrics(record, opts);
    onFile?.(i + 1, files.length, file);
    return metrics;
  });
}
