import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { memoryReplyCache, openReplyCache } from '../../judge/cache';
import { createJudgeFromSpec, parseJudgeSpec } from '../../judge/spec';
import type { Judge } from '../../judge/types';
import { REWARD_KINDS } from '../../rewards/aggregate';
import { reachableUrls } from '../../server/addresses';
import { DEFAULT_EOS_TOKENS } from '../../server/openrlhf';
import { startRewardServer, type RewardServer, type RewardServerOptions } from '../../server/server';
import { describeError } from '../errors';
import { choiceFlag, nonNegativeIntFlag, portFlag, positiveFlag, positiveIntFlag } from '../flags';

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly apiKey?: string;
  readonly insecure?: boolean;
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
  readonly drainTimeoutS: string;
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

function printBanner(server: RewardServer, flags: ServeFlags, judgeName: string | undefined, keyed: boolean): void {
  const urls = reachableUrls(server.address, server.port);
  console.log(`ifkit reward server on ${urls.join(', ')} (${flags.workers} checker workers, reward ${flags.reward}, ${flags.mode}, ${flags.variant} checkers${judgeName ? `, judge ${judgeName}` : ', no judge: soft constraints are refused'})`);
  if (keyed) console.log('  API key required: "Authorization: Bearer <key>" or ?key=<key> (every route but /health)');
  else if (flags.insecure) console.log('  --insecure: no API key, and reachable from other machines');
  const base = urls[0]!;
  console.log(`  OpenRLHF: --reward.remote_url ${base}/get_reward${keyed ? '?key=<your key>' : ''}    verl: examples/verl_reward.py with IFKIT_URL=${base}${keyed ? ' IFKIT_API_KEY=<your key>' : ''}`);
  console.log(`  POST /verify, /verify/batch; GET /health, /metrics`);
}

/** SIGTERM and SIGINT drain (a trainer's last rewards still arrive); a second signal stops at once. */
function stopOnSignals(server: RewardServer, drainMs: number): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.log(`${signal} again: stopping now`);
      void server.close().then(() => process.exit(1));
      return;
    }
    stopping = true;
    const n = server.inFlight();
    console.log(`${signal}: draining ${n} request${n === 1 ? '' : 's'} in flight (up to ${drainMs / 1000} s); send it again to stop now`);
    void server.drain(drainMs).then((left) => {
      if (left > 0) console.error(`${left} request(s) still running after ${drainMs / 1000} s were cut off`);
      process.exit(left > 0 ? 1 : 0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Every flag parsed and checked before anything starts: a typo never leaves a half-started server behind. */
function serverOptions(flags: ServeFlags, judge: Judge | undefined): RewardServerOptions & { readonly drainMs: number } {
  const stamp = (): string => new Date().toISOString();
  const apiKey = flags.apiKey ?? (process.env.IFKIT_API_KEY || undefined);
  return {
    port: portFlag('port', flags.port),
    host: flags.host,
    ...(apiKey !== undefined ? { apiKey } : {}),
    insecure: flags.insecure ?? false,
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
    drainMs: nonNegativeIntFlag('drain-timeout-s', flags.drainTimeoutS) * 1000,
  };
}

async function serve(flags: ServeFlags): Promise<void> {
  const judge = buildJudge(flags);
  const { drainMs, ...options } = serverOptions(flags, judge);
  const server = await startRewardServer(options);
  printBanner(server, flags, judge?.name, options.apiKey !== undefined);
  stopOnSignals(server, drainMs);
}

/** `ifkit serve`: the reward server for OpenRLHF (/get_reward), verl (/verify/batch) and anything that speaks HTTP. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve ifkit verifiers as an RL reward over HTTP: POST /get_reward (OpenRLHF), /verify, /verify/batch; GET /health, /metrics')
    .option('--port <p>', 'port (0 picks a free one)', '8000')
    .option('--host <h>', 'interface to bind (0.0.0.0 to accept other machines: needs --api-key, or --insecure)', '127.0.0.1')
    .option('--api-key <key>', 'require this key on every route but /health (Authorization: Bearer <key> or ?key=<key>); default $IFKIT_API_KEY, which keeps it out of `ps`')
    .option('--insecure', 'allow a non-loopback --host without an API key (only on a network where every machine is trusted)')
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
    .option('--drain-timeout-s <s>', 'on SIGTERM/SIGINT, seconds to let requests in flight finish before closing (a second signal stops at once)', '30')
    .action(async (flags: ServeFlags) => {
      try {
        await serve(flags);
      } catch (e) {
        console.error(`ifkit serve: ${describeError(e)}`);
        process.exitCode = 1;
      }
    });
}
