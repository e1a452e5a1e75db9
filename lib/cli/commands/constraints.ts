import { Command, Option } from 'commander';
import { createRng } from '../../stats/rng';
import type { Constraint } from '../../verifiers/define';
import { KwargsError } from '../../verifiers/define';
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

/** Required kwargs of an id without a generator, found by asking its schema which field is missing next. */
function probeRequired(c: Constraint): string[] {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < 12; i++) {
    try {
      c.prepare(raw);
      return Object.keys(raw);
    } catch (e) {
      if (!(e instanceof KwargsError) || e.field === '' || e.field === '(root)') break;
      const field = e.field.split('.')[0]!;
      if (!(field in raw)) raw[field] = 'x';
      else if (raw[field] === 'x') raw[field] = 1;
      else break;
    }
  }
  return Object.keys(raw);
}

/**
 * The kwargs names of a registered id. The erased Constraint does not carry its schema, so the names come from
 * the generator's draws (union over a few seeds) or, without one, from probing the schema's required fields.
 */
function kwargNames(c: Constraint): string[] {
  const declared = (c as { kwargNames?: unknown }).kwargNames;
  if (Array.isArray(declared)) return declared.map(String);
  if (!c.sampleKwargs) return probeRequired(c);
  const names = new Set<string>();
  for (let seed = 0; seed < 16; seed++) for (const k of Object.keys(c.sampleKwargs(createRng(seed)))) names.add(k);
  return [...names];
}

/** The registry as rows, optionally for one suite, in registry order. */
export function constraintRows(suite?: Suite): ConstraintRow[] {
  return listConstraints(suite).map((c) => ({
    id: c.id,
    suites: c.suites,
    category: c.category,
    kind: c.kind,
    kwargs: kwargNames(c),
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
