import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/*
 * Tables to files: CSV (RFC 4180 quoting) for people and spreadsheets, Parquet (hyparquet-writer) for pandas,
 * polars, DuckDB and arquero. Columns come from the first row; every row must have the same keys.
 */

type Cell = string | number | boolean | null;

const quote = (v: Cell): string => {
  if (v === null) return '';
  const s = typeof v === 'number' && Number.isNaN(v) ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text of rows (header from the first row's keys). @example toCsv([{ a: 1, b: 'x,y' }]) // 'a,b\n1,"x,y"\n' */
export function toCsv(rows: readonly Readonly<Record<string, Cell>>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => quote(r[c] ?? null)).join(','))].join('\n') + '\n';
}

/** Writes rows as CSV (creating the folder). */
export async function writeCsv(file: string, rows: readonly Readonly<Record<string, Cell>>[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, toCsv(rows));
}

/** Writes rows as a Parquet file: numbers as DOUBLE, strings as STRING (creating the folder). */
export async function writeParquet(file: string, rows: readonly Readonly<Record<string, string | number>>[]): Promise<void> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const cols = rows.length === 0 ? [] : Object.keys(rows[0]!);
  const columnData = cols.map((name) => {
    const numeric = rows.every((r) => typeof r[name] === 'number');
    return numeric
      ? { name, data: Float64Array.from(rows, (r) => r[name] as number), type: 'DOUBLE' as const }
      : { name, data: rows.map((r) => String(r[name])), type: 'STRING' as const };
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(parquetWriteBuffer({ columnData })));
}
