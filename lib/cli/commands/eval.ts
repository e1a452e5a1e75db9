import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { JsonlError } from '../../data/jsonl';
import { evaluateFiles } from '../../eval/evaluate';
import { officialJsonlFiles } from '../../eval/official-format';
import { formatReport } from '../../eval/report';
import { summaryJson } from '../../eval/summary-json';

interface EvalFlags {
  readonly input: string;
  readonly responses: string;
  readonly out: string;
  readonly seed: string;
  readonly resamples: string;
  readonly perId?: boolean;
}

function integerFlag(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function runEval(flags: EvalFlags): void {
  const seed = integerFlag('seed', flags.seed);
  const resamples = integerFlag('resamples', flags.resamples);
  const started = performance.now();
  const { scored, summary } = evaluateFiles(flags.input, flags.responses, { seed, resamples });
  mkdirSync(flags.out, { recursive: true });
  const results = officialJsonlFiles(scored);
  writeFileSync(join(flags.out, 'eval_results_strict.jsonl'), results.strict);
  writeFileSync(join(flags.out, 'eval_results_loose.jsonl'), results.loose);
  const meta = { input: flags.input, responses: flags.responses, seed, resamples };
  writeFileSync(join(flags.out, 'summary.json'), JSON.stringify(summaryJson(summary, meta), null, 1) + '\n');
  console.log(formatReport(summary, { perId: flags.perId ?? false }));
  console.log(`\nwrote ${join(flags.out, 'eval_results_{strict,loose}.jsonl')} and summary.json in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

/** `ifkit eval`: score responses against IFEval-format prompts, write the official result files and a summary. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('Score responses strict and loose (IFEval rules), write eval_results_{strict,loose}.jsonl and summary.json')
    .requiredOption('--input <prompts.jsonl>', 'prompts: {key, prompt, instruction_id_list, kwargs} per line')
    .requiredOption('--responses <responses.jsonl>', 'responses: {prompt, response} per line (joined by prompt text, then key)')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--seed <n>', 'bootstrap seed', '0')
    .option('--resamples <n>', 'bootstrap resamples for the 95% intervals (0 to skip)', '1000')
    .option('--per-id', 'also print accuracy per instruction id')
    .action((flags: EvalFlags) => {
      try {
        runEval(flags);
      } catch (e) {
        // JsonlError already reads `file:line: reason`; other errors (flags, unreadable files) carry their own context.
        console.error(e instanceof JsonlError ? e.message : `ifkit eval: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
