import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { currentBackend, initBackend } from './backend';

describe('initBackend', () => {
  // First in the file: the cpu backend prints its banner on its first tensor only.
  it("silences tfjs's install-tfjs-node banner once it has chosen a backend on purpose", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await initBackend('cpu');
      tf.dispose(tf.tensor1d([1, 2, 3]));
      expect(tf.env().getBool('PROD')).toBe(true);
      expect(warn.mock.calls.flat().join(' ')).not.toMatch(/looks like you are running TensorFlow\.js in Node\.js/);
    } finally {
      warn.mockRestore();
    }
  });

  it('gives the backend asked for and says so', async () => {
    expect((await initBackend('cpu')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const info = await initBackend('wasm');
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(currentBackend()?.name).toBe('wasm');
    expect(info.threads).toBeGreaterThanOrEqual(1);
  });

  it('reads IFKIT_BACKEND by default', async () => {
    const before = process.env.IFKIT_BACKEND;
    process.env.IFKIT_BACKEND = 'cpu';
    try {
      expect((await initBackend()).name).toBe('cpu');
    } finally {
      if (before === undefined) delete process.env.IFKIT_BACKEND;
      else process.env.IFKIT_BACKEND = before;
    }
    await initBackend('wasm');
  });

  it('rejects an unknown name, listing the valid ones', async () => {
    await expect(initBackend('webgpu')).rejects.toThrow('IFKIT_BACKEND="webgpu" is not a tensor backend; use one of wasm, cpu, node-gpu');
  });

  it('explains how to install tfjs-node-gpu when it is absent', async () => {
    const missing = (name: string): never => {
      throw new Error(`Cannot find module '${name}'`);
    };
    await expect(initBackend('node-gpu', missing)).rejects.toThrow(/npm install @tensorflow\/tfjs-node-gpu/);
  });

  it('throws when tfjs silently falls back to another backend', async () => {
    // a loader that "succeeds" without registering the tensorflow backend: tfjs stays on what it had
    await expect(initBackend('node-gpu', () => ({}))).rejects.toThrow(/did not start \(tfjs is using "wasm"/);
  });
});
