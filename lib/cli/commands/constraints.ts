import { Command, Option } from 'commander';
import { listConstraints } from '../../verifiers/registry';
import type { Suite } from '../../verifiers/types';

const SUITES = ['ifeval', 'ifbench', 'iftrain'] as const;

/** One printed registry row. */
export interface ConstraintRow {
  id: string;
  suites: readonly Suite[];
  category: string;
  kind: 'hard' | 'soft';
  kwargs: string[];
  hasCorrected: boolean;
}

/** The registry as rows, optionally for one suite, in registry order. */
export function constraintRows(suite?: Suite): ConstraintRow[] {
  return listConstraints(suite).map((c) => ({
    id: c.id,
    suites: c.suites,
    category: c.category,
    kind: c.kind,
    kwargs: [...c.kwargNames],
    hasCorrected: c.hasCorrected,
  }));
}

/** Rows as an aligned text table. */
export function formatConstraintTable(rows: readonly ConstraintRow[]): string {
  const cells = [
    ['id', 'suites', 'category', 'kind', 'kwargs', 'corrected'],
    ...rows.map((r) => [r.id, r.suites.join(','), r.category, r.kind, r.kwargs.join(',') || '-', r.hasCorrected ? 'yes' : '-']),
  ];
  const widths = cells[0]!.map((_, j) => Math.max(...cells.map((row) => row[j]!.length)));
  return cells.map((row) => row.map((cell, j) => (j === row.length - 1 ? cell : cell.padEnd(widths[j]!))).join('  ')).join('\n');
}

/** `ifkit constraints list`: print the constraint registry. */
export function registerConstraintsCommand(program: Command): void {
  const constraints = program.command('constraints').description('the registered constraint ids (IFEval, IFBench, IFTrain)');
  constraints
    .command('list')
    .description('print every registered id: suites, category, hard/soft, kwargs names, whether a corrected checker exists')
    .addOption(new Option('--suite <suite>', 'only the ids of one suite').choices(SUITES))
    .option('--json', 'print a JSON array instead of a table')
    .action((opts: { suite?: Suite; json?: boolean }) => {
      const rows = constraintRows(opts.suite);
      console.log(opts.json ? JSON.stringify(rows, null, 2) : formatConstraintTable(rows));
      if (!opts.json) console.log(`${rows.length} constraint ids${opts.suite ? ` in suite ${opts.suite}` : ''}`);
    });
}
