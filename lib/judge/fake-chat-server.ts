import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one request. */
export type FakeAction =
  | { readonly reply: string; readonly delayMs?: number }
  /** Several choices in one reply (a request with `n`). */
  | { readonly replies: readonly string[]; readonly delayMs?: number }
  | { readonly status: number; readonly retryAfter?: string }
  /** Answers 200 with this body as is (HTML from a proxy, truncated JSON, an error object). */
  | { readonly raw: string; readonly contentType?: string }
  /** Destroys the socket without answering (a dropped connection). */
  | { readonly drop: true }
  /** Never answers (until the server closes). */
  | { readonly hang: true };

/** One received chat request. */
export interface FakeRequest {
  readonly model: string;
  /** The last user message. */
  readonly content: string;
  /** The whole parsed request body (sampling parameters, seed, n). */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface FakeChatServer {
  /** e.g. 'http://127.0.0.1:41234/v1' */
  readonly baseURL: string;
  /** Every request received, in order (retries included). */
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function requestOf(body: string): FakeRequest {
  const parsed = JSON.parse(body) as { model?: unknown; messages?: { content?: unknown }[] };
  const last = parsed.messages?.[parsed.messages.length - 1]?.content;
  return { model: String(parsed.model), content: typeof last === 'string' ? last : '', body: parsed as Record<string, unknown> };
}

/**
 * An OpenAI-compatible `/v1/chat/completions` server on loopback (port 0), answering as `script` says: for tests
 * of retries, timeouts, caching and reply parsing against a real HTTP hop.
 * @example const server = await startFakeChatServer((req) => ({ reply: 'Yes' }))
 */
export async function startFakeChatServer(script: (req: FakeRequest, index: number) => FakeAction): Promise<FakeChatServer> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end('{"error":{"message":"not found"}}');
      return;
    }
    const request = requestOf(await readBody(req));
    const index = requests.push(request) - 1;
    const action = script(request, index);
    if ('drop' in action) return void req.socket.destroy();
    if ('hang' in action) return;
    if ('raw' in action) return void res.writeHead(200, { 'content-type': action.contentType ?? 'application/json' }).end(action.raw);
    if ('status' in action) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (action.retryAfter !== undefined) headers['retry-after'] = action.retryAfter;
      res.writeHead(action.status, headers).end(JSON.stringify({ error: { message: `scripted ${action.status}` } }));
      return;
    }
    const answer = (): void => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${index}`,
          object: 'chat.completion',
          created: 0,
          model: request.model,
          choices: ('replies' in action ? action.replies : [action.reply]).map((content, i) => ({ index: i, message: { role: 'assistant', content }, finish_reason: 'stop' })),
        }),
      );
    };
    if (action.delayMs) setTimeout(answer, action.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
