/**
 * The OpenAI-compatible API of a lab policy, as pure request → reply functions over a Policy (the HTTP layer is in
 * policy-server.ts): /v1/chat/completions and /v1/completions with n, temperature, top_p, max_tokens and seed.
 * A request with a seed samples the same completions every time: each request draws from its own generator,
 * createRng(seed), and generates its n completions as one batch.
 */
import { z } from 'zod';
import type { Policy } from '../model/policy';
import { createRng } from '../stats/rng';
import { HttpError } from './http-util';
import { fieldName } from './schema';

const sampling = {
  model: z.string().optional(),
  n: z.number().int().min(1).max(256).default(1),
  temperature: z.number().min(0).max(10).default(1),
  top_p: z.number().gt(0).max(1).default(1),
  max_tokens: z.number().int().min(1).optional(),
  max_completion_tokens: z.number().int().min(1).optional(),
  seed: z.number().int().optional(),
  stream: z.literal(false).optional(),
  user: z.string().optional(),
};
const message = z.object({ role: z.enum(['system', 'user', 'assistant', 'developer']), content: z.string() });

export const chatBodySchema = z.looseObject({ ...sampling, messages: z.array(message).min(1) });
export const completionBodySchema = z.looseObject({ ...sampling, prompt: z.union([z.string(), z.array(z.string()).min(1)]) });

type Sampling = { n: number; temperature: number; top_p: number; max_tokens?: number | undefined; max_completion_tokens?: number | undefined; seed?: number | undefined };

export interface PolicyApiContext {
  readonly policy: Policy;
  readonly modelName: string;
  /** Seed of a request that gives none (the server counts up from its own seed). */
  nextSeed(): number;
}

/** The lab has no chat template: a conversation is its messages' contents joined by newlines, after bos. */
export function chatPromptText(messages: readonly { content: string }[]): string {
  return messages.map((m) => m.content).join('\n');
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = fieldName(issue.path) || '(body)';
  throw new HttpError(400, field, `${field}: ${issue.message}${issue.path[0] === 'stream' ? '; streaming is not supported' : ''}`);
}

interface Sampled {
  readonly texts: string[];
  readonly finish: ('stop' | 'length')[];
  readonly promptTokens: number;
  readonly completionTokens: number;
}

async function sample(ctx: PolicyApiContext, prompts: readonly string[], s: Sampling): Promise<Sampled> {
  const tok = ctx.policy.tokenizer;
  const ids = prompts.map((p) => [tok.bos, ...tok.encode(p)]);
  const longest = Math.max(...ids.map((x) => x.length));
  const room = ctx.policy.config.contextLength - longest;
  if (room < 1) throw new HttpError(400, 'prompt', `the prompt is ${longest} tokens; this policy's context is ${ctx.policy.config.contextLength}`);
  const maxNewTokens = s.max_completion_tokens ?? s.max_tokens ?? room;
  if (maxNewTokens > room) {
    throw new HttpError(400, 'max_tokens', `max_tokens ${maxNewTokens} + the prompt's ${longest} tokens exceed this policy's context of ${ctx.policy.config.contextLength}; ask for at most ${room}`);
  }
  const batch = ids.flatMap((x) => Array.from({ length: s.n }, () => x));
  const out = await ctx.policy.generate(batch, {
    maxNewTokens,
    temperature: s.temperature,
    topP: s.top_p,
    stopTokens: [tok.eos],
    rng: createRng(s.seed ?? ctx.nextSeed()),
  });
  return {
    texts: out.map((c) => tok.decode(c)),
    finish: out.map((c) => (c[c.length - 1] === tok.eos ? 'stop' : 'length')),
    promptTokens: ids.reduce((a, x) => a + x.length, 0),
    completionTokens: out.reduce((a, c) => a + c.length, 0),
  };
}

const usage = (s: Sampled) => ({ prompt_tokens: s.promptTokens, completion_tokens: s.completionTokens, total_tokens: s.promptTokens + s.completionTokens });
const created = (): number => Math.floor(Date.now() / 1000);

/** POST /v1/chat/completions. */
export async function chatCompletion(ctx: PolicyApiContext, body: unknown, id: string): Promise<unknown> {
  const b = parse(chatBodySchema, body);
  const s = await sample(ctx, [chatPromptText(b.messages)], b);
  return {
    id,
    object: 'chat.completion',
    created: created(),
    model: ctx.modelName,
    choices: s.texts.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: s.finish[index], logprobs: null })),
    usage: usage(s),
  };
}

/** POST /v1/completions (a prompt or a list of prompts; choices are prompt-major, n each). */
export async function textCompletion(ctx: PolicyApiContext, body: unknown, id: string): Promise<unknown> {
  const b = parse(completionBodySchema, body);
  const s = await sample(ctx, [b.prompt].flat(), b);
  return {
    id,
    object: 'text_completion',
    created: created(),
    model: ctx.modelName,
    choices: s.texts.map((text, index) => ({ index, text, finish_reason: s.finish[index], logprobs: null })),
    usage: usage(s),
  };
}

/** GET /v1/models. */
export function listModels(ctx: PolicyApiContext): unknown {
  return { object: 'list', data: [{ id: ctx.modelName, object: 'model', created: 0, owned_by: 'ifkit-lab' }] };
}
