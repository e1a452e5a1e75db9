import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkIsolation, runUntrustedCheck } from './sandbox';

let tcp: Server;
let connections = 0;
beforeAll(async () => {
  tcp = createServer((s) => {
    connections++;
    s.end();
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
});
afterAll(() => new Promise<void>((r) => tcp.close(() => r())));

const def = (body: string): string => `def check_following(instruction, response):\n${body.split('\n').map((l) => `    ${l}`).join('\n')}\n`;

describe('runUntrustedCheck (python3 subprocess, limits, no network)', () => {
  it('returns one verdict per response, passing the literal "instruction" as VerIF does', async () => {
    expect(await runUntrustedCheck(def('return len(response.split()) >= 3'), ['one two three', 'one two'])).toEqual([true, false]);
    expect(await runUntrustedCheck(def('return instruction'), ['x'])).toEqual([true]);
    expect(await runUntrustedCheck(def('return instruction == "instruction"'), ['x'])).toEqual([true]);
  });

  it('reports exceptions, missing functions, timeouts and memory exhaustion per response, never as a pass', async () => {
    expect(await runUntrustedCheck(def('return 1 / 0 if response else True'), ['a', ''])).toEqual([{ error: 'ZeroDivisionError: division by zero' }, true]);
    expect(await runUntrustedCheck('x = 1\n', ['a'])).toEqual([{ error: 'NameError: the function source defines no callable check_following' }]);
    expect(await runUntrustedCheck(def('while True:\n    pass'), ['a', 'b'], { timeoutMs: 800 })).toEqual([{ error: 'timeout after 800 ms' }, { error: 'timeout after 800 ms' }]);
    const [oom] = await runUntrustedCheck(def('x = "a" * (4 * 10**9)\nreturn True'), ['a'], { memoryMb: 256 });
    expect(oom).toEqual({ error: expect.stringMatching(/^MemoryError/) });
  });

  it('cannot reach the network or grow files', async () => {
    const port = (tcp.address() as AddressInfo).port;
    const [net] = await runUntrustedCheck(def(`import socket\nsocket.create_connection(("127.0.0.1", ${port}), timeout=2)\nreturn True`), ['a']);
    expect(net).toEqual({ error: expect.stringMatching(/network access is disabled|Network is unreachable|OSError/) });
    const [raw] = await runUntrustedCheck(def(`import _socket\ns = _socket.socket()\ns.settimeout(2)\ns.connect(("127.0.0.1", ${port}))\nreturn True`), ['a']);
    expect(raw).toEqual({ error: expect.stringMatching(/ImportError|ModuleNotFoundError/) });
    expect(connections).toBe(0);
    expect(['namespace', 'socket-patch']).toContain(networkIsolation().kind);
    const probe = join(tmpdir(), `ifkit-sandbox-probe-${process.pid}.txt`);
    try {
      const [write] = await runUntrustedCheck(def(`open(${JSON.stringify(probe)}, "w").write("x" * 100000)\nreturn True`), ['a']);
      expect(write).toEqual({ error: expect.stringMatching(/OSError|File too large/) });
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
