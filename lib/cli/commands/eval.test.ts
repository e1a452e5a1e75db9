import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataPath } from '../../data/paths';
import { registerEvalCommand } from './eval';

const dir = mkdtempSync(join(tmpdir(), 'ifkit-eval-cli-'));

async function runCli(args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const program = new Command().exitOverride();
  registerEvalCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'ifkit', 'eval', ...args]);
    return {
      out: log.mock.calls.map((c) => c.join(' ')).join('\n'),
      err: error.mock.calls.map((c) => c.join(' ')).join('\n'),
      exitCode: Number(process.exitCode ?? 0),
    };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = 0;
});

describe('ifkit eval', () => {
  it('writes the official result files byte for byte, summary.json and a report', async () => {
    const out = join(dir, 'gpt4');
    const run = await runCli([
      '--input', dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl'),
      '--responses', dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl'),
      '--out', out, '--resamples', '200',
    ]);
    expect(run.exitCode).toBe(0);
    for (const mode of ['strict', 'loose']) {
      expect(readFileSync(join(out, `eval_results_${mode}.jsonl`), 'utf8')).toBe(
        readFileSync(dataPath(`ifeval/official_eval_results_${mode}.jsonl`), 'utf8'),
      );
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.prompt_level_strict).toMatchObject({ followed: 417, total: 541 });
    expect(summary.instruction_level_loose).toMatchObject({ followed: 714, total: 834 });
    expect(summary.per_instruction_id['punctuation:no_comma'].count).toBe(66);
    expect(summary.prompt_level_strict.ci95[0]).toBeLessThan(0.7708);
    expect(run.out).toMatch(/prompt-level\s+strict\s+77\.08%\s+417\/541/);
    expect(run.out).toMatch(/instruction-level strict\s+83\.69%\s+698\/834/);
  });

  it('reports prompts without a response and keeps them in the denominators', async () => {
    const run = await runCli([
      '--input', dataPath('ifeval/input_data.jsonl'),
      '--responses', dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl'),
      '--out', join(dir, 'current'), '--resamples', '0',
    ]);
    // input_data.jsonl changed key 2785's prompt after the responses were made; there is no key to fall back on.
    expect(run.out).toMatch(/prompts without a response \(scored as failed\): 1 \(keys 2785\)/);
    expect(run.out).toMatch(/prompt-level\s+strict\s+[\d.]+%\s+\d+\/541/);
  });

  it('exits non-zero with file:line on an unknown instruction id', async () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, JSON.stringify({ key: 1, prompt: 'p', instruction_id_list: ['keywords:existance'], kwargs: [{ keywords: ['a'] }] }) + '\n');
    const responses = join(dir, 'responses.jsonl');
    writeFileSync(responses, JSON.stringify({ prompt: 'p', response: 'r' }) + '\n');
    const run = await runCli(['--input', input, '--responses', responses, '--out', join(dir, 'bad')]);
    expect(run.exitCode).toBe(1);
    expect(run.err).toMatch(/bad\.jsonl:1: unknown instruction id "keywords:existance"; nearest registered ids: keywords:existence/);
  });

  it('exits non-zero with file:line on a malformed response line', async () => {
    const responses = join(dir, 'broken.jsonl');
    writeFileSync(responses, '{"prompt": "p", "response": "r"}\n{"prompt": \n');
    const run = await runCli(['--input', dataPath('ifeval/input_data.jsonl'), '--responses', responses, '--out', join(dir, 'broken')]);
    expect(run.exitCode).toBe(1);
    expect(run.err).toMatch(/broken\.jsonl:2: invalid JSON/);
  });

  it('refuses a catastrophic regex kwarg of an IFTrain id with file:line and the field, instead of hanging', async () => {
    const input = join(dir, 'redos.jsonl');
    writeFileSync(input, JSON.stringify({ key: 1, prompt: 'p', instruction_id_list: ['keywords:word_once'], kwargs: [{ keyword: '(a+)+$' }] }) + '\n');
    const responses = join(dir, 'redos-responses.jsonl');
    writeFileSync(responses, JSON.stringify({ prompt: 'p', response: `${'a'.repeat(40)}b` }) + '\n');
    const run = await runCli(['--input', input, '--responses', responses, '--out', join(dir, 'redos')]);
    expect(run.exitCode).toBe(1);
    expect(run.err).toMatch(/redos\.jsonl:1: constraint keywords:word_once: kwargs\.keyword: pattern "\(a\+\)\+\$" .*could hang the checker/);
  });

  describe('input files a user actually has', () => {
    const prompts = (name: string): string => {
      const f = join(dir, name);
      writeFileSync(f, [1, 2].map((k) => JSON.stringify({ key: k, prompt: `Write poem ${k}.`, instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] })).join('\n') + '\n');
      return f;
    };

    it('accepts files that start with a UTF-8 byte order mark', async () => {
      const input = join(dir, 'bom-prompts.jsonl');
      writeFileSync(input, '\ufeff' + readFileSync(prompts('plain.jsonl'), 'utf8'));
      const responses = join(dir, 'bom-responses.jsonl');
      writeFileSync(responses, '\ufeff' + JSON.stringify({ prompt: 'Write poem 1.', response: 'no commas' }) + '\n' + JSON.stringify({ prompt: 'Write poem 2.', response: 'a, b' }) + '\n');
      const run = await runCli(['--input', input, '--responses', responses, '--out', join(dir, 'bom'), '--resamples', '0']);
      expect(run.err).toBe('');
      expect(run.out).toMatch(/prompt-level\s+strict\s+50\.00%\s+1\/2/);
    });

    it('refuses an empty responses file instead of scoring every prompt as missing', async () => {
      const responses = join(dir, 'empty.jsonl');
      writeFileSync(responses, '\n');
      const run = await runCli(['--input', prompts('p-empty.jsonl'), '--responses', responses, '--out', join(dir, 'empty')]);
      expect(run.exitCode).toBe(1);
      expect(run.err).toMatch(/empty\.jsonl:1: no response rows \(the file is empty\)/);
    });

    it('reports responses to no prompt and repeated responses, with counts and first lines, in the report and summary.json', async () => {
      const responses = join(dir, 'extra.jsonl');
      const rows = [['Write poem 1.', 'ok'], ['Write poem 9.', 'stray'], ['Write poem 2.', 'a, b'], ['Write poem 2.', 'fixed']];
      writeFileSync(responses, rows.map(([prompt, response]) => JSON.stringify({ prompt, response })).join('\n') + '\n');
      const out = join(dir, 'extra');
      const run = await runCli(['--input', prompts('p-extra.jsonl'), '--responses', responses, '--out', out, '--resamples', '0']);
      expect(run.out).toMatch(/extra\.jsonl: 1 response\(s\) answer no prompt of the input and are not scored \(line 2\)/);
      expect(run.out).toMatch(/extra\.jsonl: 1 response\(s\) repeat an earlier response's prompt; the last one is scored, as upstream does \(line 4\)/);
      // The later response to prompt 2 is the one scored.
      expect(run.out).toMatch(/prompt-level\s+strict\s+100\.00%\s+2\/2/);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.responses_without_prompt).toEqual({ count: 1, firstLines: [2] });
      expect(summary.repeated_responses).toEqual({ count: 1, firstLines: [4] });
    });

    it('says in a plain sentence that --out is a file', async () => {
      const notADir = join(dir, 'taken');
      writeFileSync(notADir, 'x');
      const responses = join(dir, 'r-taken.jsonl');
      writeFileSync(responses, JSON.stringify({ prompt: 'Write poem 1.', response: 'ok' }) + '\n');
      const run = await runCli(['--input', prompts('p-taken.jsonl'), '--responses', responses, '--out', notADir, '--resamples', '0']);
      expect(run.exitCode).toBe(1);
      expect(run.err).toBe(`ifkit eval: cannot create the folder ${notADir}: a file with that name is in the way`);
    });
  });
});
