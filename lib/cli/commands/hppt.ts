/**
 * `ifkit hppt pilot | filter | export`: High-Precision Proxy Training's data refinement on real datasets
 * (docs/hppt.md): pilot rollouts, the learnability filter and soft-constraint simplification, then a trainer's format.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { toJsonl } from '../../data/jsonl';
import { EXPORT_TARGETS, exportItems, type ExportTarget } from '../../hppt/export';
import { learnabilityFilter } from '../../hppt/filter';
import { ifkitRow } from '../../hppt/ifkit-format';
import { readPilotResults } from '../../hppt/pilot-results';
import { readDataset } from '../../hppt/read-input';
import { buildReport } from '../../hppt/report';
import { formatReport } from '../../hppt/report-text';
import { simplifySoft } from '../../hppt/simplify';
import { badRowMessage, INPUT_FORMATS, type InputFormat } from '../../hppt/types';
import { JUDGE_MODES } from '../../judge/types';
import { finiteFlag, nonNegativeIntFlag } from '../flags';
import { pilotAction } from './hppt-pilot';

interface FilterFlags {
  readonly format: InputFormat | 'auto';
  readonly pilot: string;
  readonly out: string;
  readonly seed: string;
  readonly minReward: string;
  readonly keepUnpiloted?: boolean;
  readonly simplify: boolean;
  readonly removeSoftText?: boolean;
}

async function filterAction(input: string, f: FilterFlags): Promise<void> {
  const seed = nonNegativeIntFlag('seed', f.seed);
  const read = await readDataset(input, f.format);
  const pilot = readPilotResults(f.pilot);
  const filter = learnabilityFilter(read.items, pilot.results, { minReward: finiteFlag('min-reward', f.minReward), keepUnpiloted: f.keepUnpiloted === true });
  const simplify = f.simplify ? simplifySoft(filter.kept, { seed, removeText: f.removeSoftText === true }) : { items: filter.kept, simplified: 0, softDropped: 0, textRemoved: 0, textLeft: 0 };
  const report = buildReport({ read: { ...read, file: input }, pilot, filter, simplify, seed });
  mkdirSync(f.out, { recursive: true });
  writeFileSync(join(f.out, 'refined.jsonl'), toJsonl(simplify.items.map(ifkitRow)));
  writeFileSync(join(f.out, 'dropped.jsonl'), toJsonl(filter.dropped.map((d) => ({ reason: d.reason, ...ifkitRow(d.item) }))));
  writeFileSync(join(f.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(f.out, 'report.txt'), formatReport(report) + '\n');
  writeFileSync(join(f.out, 'filter-config.json'), JSON.stringify({ input, format: read.format, pilot: f.pilot, seed, minReward: Number(f.minReward), keepUnpiloted: f.keepUnpiloted === true, simplify: f.simplify, removeSoftText: f.removeSoftText === true }, null, 2) + '\n');
  console.log(formatReport(report));
  console.log(`\nwrote ${join(f.out, 'refined.jsonl')} (${simplify.items.length} prompts), dropped.jsonl (${filter.dropped.length}), report.json, report.txt`);
}

async function exportAction(input: string, f: { to: ExportTarget; out: string; format: InputFormat | 'auto'; dataSource: string }): Promise<void> {
  const read = await readDataset(input, f.format);
  const r = await exportItems(read.items, f.to, f.out, { dataSource: f.dataSource });
  const skipped = [...read.bad, ...r.skipped];
  console.log(`${f.out}: ${r.written} prompts written as ${f.to}; ${skipped.length} skipped`);
  for (const b of skipped.slice(0, 20)) console.log(`  ${badRowMessage(b)}`);
  if (read.items.some((i) => i.constraints.some((c) => c.check.by === 'judge'))) {
    console.log('soft constraints as text: score them with ifkit serve --plugin lib/hppt/serve-plugin.ts --judge <spec>');
  }
}

const formatOption = () => new Option('--format <format>', 'input format').choices(['auto', ...INPUT_FORMATS]).default('auto');

/** `ifkit hppt pilot|filter|export`. */
export function registerHpptCommand(program: Command): void {
  const hppt = program.command('hppt').description('HPPT on real data: pilot rollouts, the learnability filter, one soft constraint per prompt, export');
  hppt
    .command('pilot <input>')
    .description('sample n rollouts per prompt from an OpenAI-compatible server and score them (resumes after any interruption)')
    .addOption(formatOption())
    .requiredOption('--server <base-url>', 'OpenAI-compatible server, e.g. http://localhost:8000/v1')
    .requiredOption('--model <name>', 'model name the server serves')
    .requiredOption('--out <dir>', 'writes pilot.jsonl, rollout-cache.jsonl, judge-cache.jsonl, pilot-config.json, pilot-summary.json')
    .option('--n <count>', 'rollouts per prompt', '8')
    .option('--samples-per-request <k>', 'completions per request (the API\'s n; 1 for servers that ignore n); default --n')
    .option('--temperature <t>', 'sampling temperature', '1')
    .option('--max-tokens <n>', 'tokens per rollout', '512')
    .option('--seed <int>', 'seeds every request (seed, prompt key, request index)', '0')
    .addOption(new Option('--reward <kind>', 'all: 1 iff every constraint passes (the paper); fraction: open-instruct').choices(['all', 'fraction']).default('all'))
    .option('--judge <spec>', 'judge for soft constraints: openai:<model>@<base-url>, sim:noisy:..., sim:lenient, sim:always-yes')
    .addOption(new Option('--judge-mode <mode>', 'how an LLM judge is asked').choices(JUDGE_MODES).default('per-constraint'))
    .option('--run-untrusted-code', "run the dataset's Python rule functions (VerInstruct) in a python3 sandbox; off by default")
    .option('--sandbox-timeout-ms <ms>', 'wall clock per rule function and prompt', '5000')
    .option('--sandbox-memory-mb <mb>', 'address space of the sandbox', '512')
    .option('--concurrency <n>', 'requests in flight', '4')
    .option('--timeout-ms <ms>', 'per request attempt', '300000')
    .option('--max-retries <n>', 'retries on 429, 5xx, timeouts and dropped connections', '6')
    .option('--limit <k>', 'pilot only the first k prompts')
    .option('--quiet', 'no progress bar')
    .action(pilotAction);
  hppt
    .command('filter <input>')
    .description('drop prompts never rewarded above 0 in the pilot, keep at most one soft constraint per prompt, report')
    .addOption(formatOption())
    .requiredOption('--pilot <pilot.jsonl>', 'pilot results: {"key", "rewards": [...]} per line (ifkit hppt pilot writes them)')
    .requiredOption('--out <dir>', 'writes refined.jsonl, dropped.jsonl, report.json, report.txt, filter-config.json')
    .option('--seed <int>', 'seeds which soft constraint each prompt keeps', '0')
    .option('--min-reward <r>', 'a rollout counts when its reward is above this', '0')
    .option('--keep-unpiloted', 'keep prompts the pilot has no results for (default: dropped, counted)')
    .option('--no-simplify', 'skip the soft-constraint simplification')
    .option('--remove-soft-text', "cut dropped soft constraints' text out of the prompt where it appears word for word")
    .action(filterAction);
  hppt
    .command('export <input>')
    .description("write prompts (a refined.jsonl or any input format) as a trainer's dataset, scored by ifkit serve")
    .addOption(formatOption())
    .addOption(new Option('--to <target>', 'openrlhf (JSONL), verl (Parquet) or open-instruct (JSONL rows)').choices(EXPORT_TARGETS).makeOptionMandatory())
    .requiredOption('--out <file>', 'output file')
    .option('--data-source <name>', "verl's data_source column", 'ifkit-hppt')
    .action(exportAction);
}
