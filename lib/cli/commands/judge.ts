import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { toJsonl } from '../../data/jsonl';
import type { AuditSummary } from '../../judge/audit-ci';
import { readPromptRows, readResponseRows } from '../../data/benchmark';
import { coverageLines, responseCoverage } from '../../eval/response-coverage';
import { buildAuditCases } from '../../judge/audit-input';
import { openReplyCache } from '../../judge/cache';
import { labelledAuditCases, readTruthLabels } from '../../judge/labels';
import { loadTemplate } from '../../judge/prompts';
import { runJudgeAudit } from '../../judge/run-audit';
import { createJudgeFromSpec, parseJudgeSpec } from '../../judge/spec';
import { JUDGE_MODES, type JudgeMode } from '../../judge/types';
import { nonNegativeFlag, nonNegativeIntFlag, positiveIntFlag } from '../flags';

interface AuditCliOptions {
  input: string;
  responses: string;
  judge: string;
  mode: JudgeMode;
  out: string;
  labels?: string;
  cache?: string;
  template?: string;
  concurrency: string;
  timeoutMs: string;
  maxRetries: string;
  temperature: string;
  maxTokens?: string;
  seed: string;
  resamples: string;
  invalid: 'exclude' | 'violation';
  onFailure: 'throw' | 'invalid';
  checkTimeoutMs: string;
}

const fmt = (v: number): string => (Number.isNaN(v) ? '  n/a' : v.toFixed(3));
const line = (s: AuditSummary): string => {
  const m = s.metrics;
  const c = s.confusion;
  return (
    `${s.group.padEnd(44)} viol ${String(c.tp + c.fn + c.invalidViolation).padStart(4)}  ` +
    `recall_viol ${fmt(m.recallViolation.estimate)} [${fmt(m.recallViolation.lo)}, ${fmt(m.recallViolation.hi)}]  ` +
    `prec_viol ${fmt(m.precisionViolation.estimate)}  recall_ok ${fmt(m.recallCompliant.estimate)}  ` +
    `kappa ${fmt(m.kappa.estimate)}  invalid ${fmt(m.invalidRate.estimate)}`
  );
};

async function audit(opts: AuditCliOptions): Promise<void> {
  const spec = parseJudgeSpec(opts.judge);
  const checkTimeoutMs = positiveIntFlag('check-timeout-ms', opts.checkTimeoutMs);
  const prompts = readPromptRows(opts.input);
  const responses = readResponseRows(opts.responses);
  for (const line of coverageLines(responseCoverage(prompts, responses), opts.responses)) console.log(line);
  const cases = opts.labels ? labelledAuditCases(prompts, responses, readTruthLabels(opts.labels)) : buildAuditCases(prompts, responses, { checkTimeoutMs });
  if (cases.ruleTimeouts.length > 0) {
    console.log(`${cases.ruleTimeouts.length} rule check(s) overran the ${checkTimeoutMs} ms bound and are left out of the audit: ${cases.ruleTimeouts.slice(0, 5).join(', ')}${cases.ruleTimeouts.length > 5 ? ', …' : ''}`);
  }
  mkdirSync(opts.out, { recursive: true });
  const cache = openReplyCache(opts.cache ?? join(opts.out, 'judge-cache.jsonl'));
  if (spec.kind === 'openai') {
    console.log(`judge cache ${cache.report.file}: ${cache.report.entries} replies cached`);
    if (cache.report.tornLastLine) console.log('judge cache: the last line was cut mid-write by an earlier run; it is dropped and asked again');
  }
  let retries = 0;
  const judge = createJudgeFromSpec(spec, {
    cache,
    mode: opts.mode,
    ...(opts.template ? { template: loadTemplate(opts.mode, opts.template) } : {}),
    client: {
      concurrency: positiveIntFlag('concurrency', opts.concurrency),
      timeoutMs: positiveIntFlag('timeout-ms', opts.timeoutMs),
      retry: { maxRetries: nonNegativeIntFlag('max-retries', opts.maxRetries) },
      temperature: nonNegativeFlag('temperature', opts.temperature),
      ...(opts.maxTokens !== undefined ? { maxTokens: positiveIntFlag('max-tokens', opts.maxTokens) } : {}),
    },
    onRetry: () => void retries++,
    onFailure: opts.onFailure,
  });
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const bar = new SingleBar({ format: 'judge {bar} {value}/{total} prompts | {retries} retries', hideCursor: true }, Presets.shades_classic);
  bar.start(cases.requests.length, 0, { retries: 0 });
  try {
    const result = await runJudgeAudit(cases, judge, {
      seed: nonNegativeIntFlag('seed', opts.seed),
      resamples: nonNegativeIntFlag('resamples', opts.resamples),
      invalid: opts.invalid,
      signal: controller.signal,
      onProgress: ({ done }) => bar.update(done, { retries }),
    });
    bar.stop();
    writeFileSync(join(opts.out, 'verdicts.jsonl'), toJsonl(result.verdicts));
    const auditJson = {
      judge: result.judge,
      spec: opts.judge,
      mode: spec.kind === 'openai' ? opts.mode : 'simulated',
      truth: opts.labels ? `labels from ${opts.labels}` : 'rule verdicts (strict, upstream checkers)',
      inputs: { prompts: opts.input, responses: opts.responses },
      counts: { prompts: cases.requests.length, constraints: result.verdicts.length, missingResponses: cases.missingResponses, softSkipped: cases.softSkipped, ruleTimeouts: cases.ruleTimeouts },
      ...(judge.stats ? { requests: { ...judge.stats, retries } } : {}),
      note: 'violation is the positive class; null marks a metric whose denominator is 0 (see lib/judge/audit.ts)',
      ...result.report,
    };
    writeFileSync(join(opts.out, 'audit.json'), JSON.stringify(auditJson, null, 2) + '\n');
    console.log(`${result.judge}: ${result.verdicts.length} constraints of ${cases.requests.length} prompts judged`);
    console.log(line(result.report.overall));
    for (const s of result.report.byCategory) console.log(line(s));
    console.log(`wrote ${join(opts.out, 'verdicts.jsonl')} and ${join(opts.out, 'audit.json')}`);
  } catch (e) {
    bar.stop();
    const resume = `${cache.size} replies are cached in ${cache.report.file}: rerun the same command to resume (only what is not cached is asked)`;
    if (controller.signal.aborted) throw new Error(`judge audit interrupted; ${resume}`);
    // --on-failure throw: the run stopped at the first request that failed for good, aborting the others.
    throw new Error(`judge audit stopped: ${(e as Error).message}\nnothing was written; ${resume}`);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** `ifkit judge audit`: judge every hard constraint of a prompts file and audit the judge against the rule verdicts. */
export function registerJudgeCommand(program: Command): void {
  const judge = program.command('judge').description('LLM judges for constraints: audit a judge against rule verdicts');
  judge
    .command('audit')
    .description('judge every hard constraint of a prompts file, take the rule verdict (or --labels) as truth, write verdicts.jsonl and audit.json')
    .requiredOption('--input <prompts.jsonl>', 'prompts file (key, prompt, instruction_id_list, kwargs)')
    .requiredOption('--responses <responses.jsonl>', 'responses file ({prompt, response}), joined by prompt text')
    .requiredOption('--judge <spec>', 'openai:<model>@<base-url> | sim:noisy:recall_violation=0.3,recall_compliant=0.95 | sim:lenient | sim:always-yes')
    .addOption(new Option('--mode <mode>', 'how an LLM judge is asked').choices(JUDGE_MODES).default('per-constraint'))
    .requiredOption('--out <dir>', 'output folder')
    .option('--labels <labels.jsonl>', 'truth from a label file ({key, instruction_index, instruction_id, followed, instruction?}) instead of the rules; only labelled constraints are judged')
    .option('--cache <file>', 'reply cache (append-only JSONL; default <out>/judge-cache.jsonl)')
    .option('--template <file>', 'prompt template for the mode (default lib/judge/templates/<mode>.txt)')
    .option('--concurrency <n>', 'requests in flight', '4')
    .option('--timeout-ms <ms>', 'per request attempt', '120000')
    .option('--max-retries <n>', 'retries on 429, 5xx, timeouts and dropped connections', '6')
    .option('--temperature <t>', 'sampling temperature', '0')
    .option('--max-tokens <n>', 'reply length cap (leave unset for reasoning judges)')
    .option('--seed <n>', 'bootstrap seed', '0')
    .option('--resamples <n>', 'bootstrap resamples', '1000')
    .addOption(new Option('--invalid <policy>', 'invalid verdicts: left out of the metrics, or counted as "violated" (the reward view)').choices(['exclude', 'violation']).default('exclude'))
    .option('--check-timeout-ms <ms>', 'budget of one rule check, as the reward server; a constraint whose check overruns it is left out and reported', '2000')
    .addOption(new Option('--on-failure <what>', 'a request that fails after all retries: stop (rerun resumes) or record invalid').choices(['throw', 'invalid']).default('throw'))
    .action(audit);
}
