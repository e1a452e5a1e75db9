/** `ifkit lab serve`: a trained lab policy behind an OpenAI-compatible API (lib/server/policy-server.ts). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type Policy } from '../../model/policy';
import { startPolicyServer } from '../../server/policy-server';
import { initBackend } from '../../tensor/backend';
import { nonNegativeIntFlag, portFlag } from '../flags';

/** A policy from a policy directory, or from a trainer checkpoint that holds one in policy/. */
export async function loadCheckpointPolicy(dir: string): Promise<Policy> {
  if (existsSync(join(dir, 'config.json'))) return loadPolicy(dir);
  if (existsSync(join(dir, 'policy', 'config.json'))) return loadPolicy(join(dir, 'policy'));
  throw new Error(`--checkpoint ${dir}: neither it nor ${join(dir, 'policy')} holds a policy (config.json, tokenizer.json, weights.bin); point it at checkpoints/step-N of a lab run`);
}

export async function labServeAction(opts: { checkpoint: string; port: string; host: string; modelName: string; seed: string; log?: boolean }): Promise<void> {
  const backend = await initBackend();
  const policy = await loadCheckpointPolicy(opts.checkpoint);
  const server = await startPolicyServer({
    policy,
    modelName: opts.modelName,
    port: portFlag('port', opts.port),
    host: opts.host,
    seed: nonNegativeIntFlag('seed', opts.seed),
    ...(opts.log ? { onLog: (line: string) => console.error(line) } : {}),
  });
  console.log(`serving ${opts.checkpoint} as model "${opts.modelName}" (context ${policy.config.contextLength} tokens, backend ${backend.name}) at ${server.baseURL}`);
  const stop = (): void => {
    void server.close().then(() => {
      console.log(`stopped after ${server.stats.requests} requests, ${server.stats.completions} completions`);
      policy.dispose();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
