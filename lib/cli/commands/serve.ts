import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { memoryReplyCache, openReplyCache } from '../../judge/cache';
import { createJudgeFromSpec, parseJudgeSpec } from '../../judge/spec';
import type { Judge } from '../../judge/types';
import { REWARD_KINDS } from '../../rewards/aggregate';
import { DEFAULT_EOS_TOKENS } from '../../server/openrlhf';
import { startRewardServer } from '../../server/server';
import { choiceFlag, portFlag, positiveFlag, positiveIntFlag } from '../flags';

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly workers: string;
  readonly judge?: string;
  readonly judgeCache?: string;
  readonly judgeConcurrency: string;
  readonly reward: string;
  readonly mode: string;
  readonly variant: string;
  readonly checkTimeoutMs: string;
  readonly maxBodyMb: string;
  readonly maxItems: string;
  readonly eos?: string;
  readonly plugin: string[];
}

function buildJudge(flags: ServeFlags): Judge | undefined {
  if (!flags.judge) return undefined;
  return createJudgeFromSpec(parseJudgeSpec(flags.judge), {
    cache: flags.judgeCache ? openReplyCache(flags.judgeCache) : memoryReplyCache(),
    mode: 'batched',
    client: { concurrency: positiveIntFlag('judge-concurrency', flags.judgeConcurrency) },
    onFailure: 'invalid',
  });
}

async function serve(flags: ServeFlags): Promise<void> {
  const judge = buildJudge(flags);
  const stamp = (): string => new Date().toISOString();
  const server = await startRewardServer({
    port: portFlag('port', flags.port),
    host: flags.host,
    workers: positiveIntFlag('workers', flags.workers),
    ...(judge ? { judge } : {}),
    reward: choiceFlag('reward', flags.reward, REWARD_KINDS),
    mode: choiceFlag('mode', flags.mode, ['strict', 'loose'] as const),
    variant: choiceFlag('variant', flags.variant, ['upstream', 'corrected'] as const),
    checkTimeoutMs: positiveIntFlag('check-timeout-ms', flags.checkTimeoutMs),
    maxBodyBytes: Math.round(positiveFlag('max-body-mb', flags.maxBodyMb) * 1024 * 1024),
    maxItems: positiveIntFlag('max-items', flags.maxItems),
    eosTokens: flags.eos === undefined ? DEFAULT_EOS_TOKENS : flags.eos.split(',').filter(Boolean),
    plugins: flags.plugin,
    onLog: (line) => console.error(`${stamp()} ${line}`),
  });
  console.log(`ifkit reward server on ${server.url} (${flags.workers} checker workers, reward ${flags.reward}, ${flags.mode}, ${flags.variant} checkers${judge ? `, judge ${judge.name}` : ', no judge: soft constraints are refused'})`);
  console.log(`  OpenRLHF: --reward.remote_url ${server.url}/get_reward    verl: examples/verl_reward.py with IFKIT_URL=${server.url}`);
  console.log(`  POST /verify, /verify/batch; GET /health, /metrics`);
  const stop = (signal: string): void => {
    console.log(`${signal}: closing`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** `ifkit serve`: the reward server for OpenRLHF (/get_reward), verl (/verify/batch) and anything that speaks HTTP. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve ifkit verifiers as an RL reward over HTTP: POST /get_reward (OpenRLHF), /verify, /verify/batch; GET /health, /metrics')
    .option('--port <p>', 'port (0 picks a free one)', '8000')
    .option('--host <h>', 'interface to bind (0.0.0.0 to accept other machines)', '127.0.0.1')
    .option('--workers <n>', 'checker worker threads', String(availableParallelism()))
    .option('--judge <spec>', 'judge for soft constraints: openai:<model>@<base-url>, sim:lenient, sim:always-yes, sim:noisy:...')
    .option('--judge-cache <file>', 'append-only JSONL cache of judge replies (default: in memory)')
    .option('--judge-concurrency <n>', 'judge requests in flight', '8')
    .option('--reward <kind>', 'default reward: all (1 iff every constraint passes), fraction (open-instruct), weighted (IFBench Eq. 1)', 'all')
    .option('--mode <mode>', 'default check mode: strict or loose (IFEval)', 'strict')
    .option('--variant <v>', 'upstream checkers (exact) or corrected (known upstream bugs fixed)', 'upstream')
    .option('--check-timeout-ms <ms>', 'budget of one check; an overrun scores the response 0 and replaces the worker', '2000')
    .option('--max-body-mb <mb>', 'largest request body (413 above)', '16')
    .option('--max-items <n>', 'most responses in one request', '10000')
    .option('--eos <tokens>', `comma-separated tokens stripped from the end of /get_reward queries (default ${DEFAULT_EOS_TOKENS.join(',')})`)
    .option('--plugin <module...>', 'modules exporting `constraints` (defineConstraint) to add custom ids', [])
    .action(async (flags: ServeFlags) => {
      try {
        await serve(flags);
      } catch (e) {
        console.error(`ifkit serve: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
