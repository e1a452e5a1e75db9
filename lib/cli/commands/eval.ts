import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { JsonlError } from '../../data/jsonl';
import { evaluateFiles } from '../../eval/evaluate';
import { officialJsonlFiles } from '../../eval/official-format';
import { coverageLines } from '../../eval/response-coverage';
import { formatReport } from '../../eval/report';
import { summaryJson } from '../../eval/summary-json';
import { describeError } from '../errors';
import { nonNegativeIntFlag, positiveIntFlag } from '../flags';

interface EvalFlags {
  readonly input: string;
  readonly responses: string;
  readonly out: string;
  readonly seed: string;
  readonly resamples: string;
  readonly perId?: boolean;
  readonly checkTimeoutMs: string;
}

function runEval(flags: EvalFlags): void {
  const seed = nonNegativeIntFlag('seed', flags.seed);
  const resamples = nonNegativeIntFlag('resamples', flags.resamples);
  const checkTimeoutMs = positiveIntFlag('check-timeout-ms', flags.checkTimeoutMs);
  const started = performance.now();
  const { scored, summary, timeouts, coverage } = evaluateFiles(flags.input, flags.responses, { seed, resamples, checkTimeoutMs });
  mkdirSync(flags.out, { recursive: true });
  const results = officialJsonlFiles(scored);
  writeFileSync(join(flags.out, 'eval_results_strict.jsonl'), results.strict);
  writeFileSync(join(flags.out, 'eval_results_loose.jsonl'), results.loose);
  const meta = {
    input: flags.input, responses: flags.responses, seed, resamples, check_timeout_ms: checkTimeoutMs,
    ...(timeouts.length > 0 ? { check_timeouts: timeouts } : {}),
    ...(coverage.unmatched.count > 0 ? { responses_without_prompt: coverage.unmatched } : {}),
    ...(coverage.duplicates.count > 0 ? { repeated_responses: coverage.duplicates } : {}),
  };
  writeFileSync(join(flags.out, 'summary.json'), JSON.stringify(summaryJson(summary, meta), null, 1) + '\n');
  console.log(formatReport(summary, { perId: flags.perId ?? false, timeouts, checkTimeoutMs }));
  for (const line of coverageLines(coverage, flags.responses)) console.log(`\n${line}`);
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
    .option('--check-timeout-ms <ms>', 'budget of one check, as the reward server; an overrun is stopped, scored as failed and reported', '2000')
    .action((flags: EvalFlags) => {
      try {
        runEval(flags);
      } catch (e) {
        // JsonlError already reads `file:line: reason`; other errors (flags, unreadable files) carry their own context.
        console.error(e instanceof JsonlError ? e.message : `ifkit eval: ${describeError(e)}`);
        process.exitCode = 1;
      }
    });
}
