import { mkdir } from 'node:fs/promises';
import { writeFileAtomic } from '../data/atomic';
import { join } from 'node:path';
import { writeCsv, writeParquet } from '../data/table-files';
import { formatClaim } from '../stats/claims';
import type { Experiment, ExperimentReport, ExperimentResults } from './experiments/define';
import { tidyRows } from './tidy';

/*
 * An experiment's report on disk, computed from its results by the experiment's own report(): the tidy results
 * table (CSV and Parquet), every claim with its estimate, 95% interval over seeds and verdict (report.json and a
 * readable claims.md), and the report's tables as CSV. The CLI, the figures and the notebooks all call this, so a
 * number cannot differ between them.
 */

const fmt = (v: string | number): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : Number.isNaN(v) ? 'n/a' : v.toFixed(3)) : v);

function markdown(e: Experiment, results: ExperimentResults, report: ExperimentReport, missing: readonly string[]): string {
  const lines = [`# ${e.name} (${results.size})`, '', e.description, '', `Runs: ${results.runs.length} finished${missing.length ? `, ${missing.length} missing (${missing.join(', ')})` : ''}.`, '', '## Claims', ''];
  for (const c of report.claims) lines.push(`- ${formatClaim(c)}`);
  for (const t of report.tables) {
    lines.push('', `## ${t.name}`, '', t.description, '');
    const cols = t.rows.length ? Object.keys(t.rows[0]!) : [];
    lines.push(`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`);
    for (const r of t.rows) lines.push(`| ${cols.map((c) => fmt(r[c] ?? '')).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Compute and write an experiment's report into `<root>/<experiment>/`.
 * @example await writeReport(e, results, 'runs/quick', missing)
 */
export async function writeReport(e: Experiment, results: ExperimentResults, root: string, missing: readonly string[] = []): Promise<ExperimentReport> {
  const report = e.report(results);
  const dir = join(root, e.name);
  await mkdir(dir, { recursive: true });
  const rows = tidyRows(results).map((r) => ({ ...r }));
  await writeCsv(join(dir, 'results.csv'), rows);
  await writeParquet(join(dir, 'results.parquet'), rows);
  for (const t of report.tables) await writeCsv(join(dir, 'tables', `${t.name}.csv`), t.rows);
  const json = { experiment: e.name, size: results.size, runs: results.runs.length, missing, claims: report.claims, tables: report.tables };
  await writeFileAtomic(join(dir, 'report.json'), JSON.stringify(json, null, 2) + '\n');
  await writeFileAtomic(join(dir, 'claims.md'), markdown(e, results, report, missing));
  return report;
}
