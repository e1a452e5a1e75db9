import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { stripBom } from '../../data/jsonl';
import { parseLabConfig, LAB_DEFAULTS } from '../../lab/tasks/first-task/config';
import type { LabEval } from '../../lab/tasks/first-task/evaluate';
import { runLab } from '../../lab/tasks/first-task/run';
import { loadPolicy } from '../../model/policy';
import { createRng } from '../../stats/rng';
import { initBackend } from '../../tensor/backend';
import { nonNegativeFlag, nonNegativeIntFlag, positiveIntFlag } from '../flags';
import { registerLabExperimentCommands } from './lab-experiments';
import { labServeAction } from './lab-serve';
import { createProgress } from '../progress';

/*
 * `ifkit lab` runs experiments (lab-experiments.ts), and three tools around them: `grpo` runs the first learning
 * task from a config file (warm start, GRPO, held-out evaluation; without --config, its embedded defaults),
 * `sample` samples a checkpoint and `serve` puts one behind an OpenAI-compatible API.
 */

const fmt = (e: LabEval): string =>
  `pass ${e.passRate.toFixed(3)} | length ${e.lengthRate.toFixed(3)} | keyword ${e.keywordRate.toFixed(3)} | ` +
  `lowercase ${e.lowercaseRate.toFixed(3)} | words ${e.responseWords.toFixed(2)}`;

async function readConfig(file: string | undefined): Promise<unknown> {
  if (file === undefined) return {};
  const text = stripBom(await readFile(file, 'utf8'));
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`--config ${file} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function grpoAction(opts: { config?: string; out: string; cache?: string; steps?: string; quiet?: boolean }): Promise<void> {
  const raw = (await readConfig(opts.config)) as Record<string, unknown>;
  if (opts.steps !== undefined) raw.grpo = { ...(raw.grpo as object | undefined), steps: positiveIntFlag('steps', opts.steps) };
  const config = parseLabConfig(raw);
  const backend = await initBackend();
  console.log(`backend ${backend.name}${backend.simd ? ' (simd)' : ''}; writing ${opts.out}`);
  // A bar on a terminal; off one (a log, make) or with --quiet, a line every tenth of the steps.
  const bar = process.stdout.isTTY === true && !opts.quiet;
  const sft = createProgress({ label: 'sft', total: config.sft.steps, bar, fields: ['loss'] });
  const grpo = createProgress({ label: 'grpo', total: config.grpo.steps, bar, fields: ['reward', 'step_s'] });
  const result = await runLab(config, opts.out, {
    sftCacheDir: opts.cache ?? join(opts.out, '..', 'sft-cache'),
    hooks: {
      onSftStep: (s) => sft.update(s.step + 1, { loss: s.loss.toFixed(3) }),
      onWarmStart: (w) => {
        sft.stop();
        console.log(w.cached ? `warm start loaded from ${w.dir}` : `warm start trained${w.dir ? ` and cached in ${w.dir}` : ''}`);
      },
      onResume: (step) => console.log(`resuming from step ${step} (the newest checkpoint in ${join(opts.out, 'checkpoints')})`),
      onStep: (m) => grpo.update(m.step, { reward: m.rewardMean.toFixed(3), step_s: m.stepSeconds.toFixed(2) }),
      onEval: (step, e) => {
        if (!bar) console.log(`eval @${step}: ${fmt(e)}`);
      },
    },
  });
  grpo.stop();
  for (const { step, eval: e } of result.curve) console.log(`held-out @${String(step).padStart(4)}: ${fmt(e)}`);
  console.log(`before: ${fmt(result.before)}\nafter:  ${fmt(result.after)}`);
  result.policy.dispose();
}

async function sampleAction(opts: { checkpoint: string; prompt: string; n: string; seed: string; maxNewTokens: string; temperature: string }): Promise<void> {
  // Flags first, so a typo fails before the backend and the checkpoint load.
  const n = positiveIntFlag('n', opts.n);
  const maxNewTokens = positiveIntFlag('max-new-tokens', opts.maxNewTokens);
  const temperature = nonNegativeFlag('temperature', opts.temperature);
  const seed = nonNegativeIntFlag('seed', opts.seed);
  await initBackend();
  const dir = opts.checkpoint;
  // a trainer checkpoint keeps the policy in policy/; a plain policy directory is accepted too
  const policy = await loadPolicy(dir).catch(() => loadPolicy(join(dir, 'policy')));
  const tok = policy.tokenizer;
  const ids = [tok.bos, ...tok.encode(opts.prompt)];
  const out = await policy.generate(Array.from({ length: n }, () => ids), {
    maxNewTokens,
    temperature,
    stopTokens: [tok.eos],
    rng: createRng(seed),
  });
  for (const c of out) console.log(tok.decode(c));
  policy.dispose();
}

/** `ifkit lab list|run|report|merge|grpo|sample|serve`. */
export function registerLabCommand(program: Command): void {
  const lab = program.command('lab').description('the GRPO laboratory: a tiny policy learning to follow instructions');
  registerLabExperimentCommands(lab);
  lab
    .command('grpo')
    .description('warm start (cached), then GRPO on "write about <topic> in exactly N words, all lowercase, including <w>"')
    .option('--config <file.json>', 'a lab config (partial; merged over the embedded defaults)')
    .requiredOption('--out <dir>', 'writes config.json, metrics.jsonl, eval.jsonl, checkpoints/ and final.json; resumes if checkpoints exist')
    .option('--cache <dir>', 'where warm-start checkpoints are cached (default <out>/../sft-cache)')
    .option('--steps <n>', `GRPO steps (default ${LAB_DEFAULTS.grpo.steps})`)
    .option('--quiet', 'no progress bars: a line every tenth of the steps, and each evaluation (also off a terminal)')
    .action(grpoAction);
  lab
    .command('sample')
    .description('sample completions of a prompt from a checkpoint')
    .requiredOption('--checkpoint <dir>', 'a policy directory or a trainer checkpoint (checkpoints/step-N)')
    .requiredOption('--prompt <text>', 'e.g. "write about ocean in exactly 5 words all lowercase including the word coral"')
    .option('--n <count>', 'completions', '4')
    .option('--seed <int>', 'sampling seed', '0')
    .option('--max-new-tokens <n>', 'tokens per completion', '16')
    .option('--temperature <t>', 'sampling temperature (0 = greedy)', '1')
    .action(sampleAction);
  lab
    .command('serve')
    .description('serve a checkpoint over an OpenAI-compatible API (/v1/chat/completions, /v1/completions, /v1/models)')
    .requiredOption('--checkpoint <dir>', 'a policy directory or a trainer checkpoint (checkpoints/step-N)')
    .option('--port <p>', 'port (0 picks a free one)', '8000')
    .option('--host <h>', 'interface to bind', '127.0.0.1')
    .option('--model-name <name>', 'the model name clients send and /v1/models lists', 'ifkit-lab')
    .option('--seed <int>', 'seed of requests that give none (counts up per request)', '0')
    .option('--log', 'print one line per request to stderr')
    .action(labServeAction);
}
