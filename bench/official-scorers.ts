/**
 * The official Python scorers, found through environment variables (docs/official-scorers.md sets them up):
 *   IFKIT_OFFICIAL_IFEVAL   a folder holding google-research's `instruction_following_eval/` package
 *   IFKIT_OFFICIAL_IFBENCH  an allenai/IFBench checkout (run_eval.py)
 *   IFKIT_OFFICIAL_PYTHON   the interpreter (default python3); NLTK_DATA and PYTHONPATH pass through
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pythonMain, type Command } from './whole-process';

export interface OfficialScorer {
  /** The command scoring `input` + `responses` into `out`, or why there is none. */
  readonly command: (input: string, responses: string, out: string) => Command;
  /** Where in `out` the scorer wrote its strict or loose results. */
  readonly resultFile: (out: string, mode: 'strict' | 'loose') => string | undefined;
}

export type Lookup = { readonly scorer: OfficialScorer } | { readonly missing: string };

const python = (): string => process.env.IFKIT_OFFICIAL_PYTHON ?? 'python3';
const flags = (input: string, responses: string, out: string): string[] => [`--input_data=${input}`, `--input_response_data=${responses}`, `--output_dir=${out}`];
// IFEval writes eval_results_<mode>.jsonl, IFBench <responses file name>-eval_results_<mode>.jsonl.
const resultFile = (out: string, mode: 'strict' | 'loose'): string | undefined => {
  const name = existsSync(out) ? readdirSync(out).find((f) => f.endsWith(`eval_results_${mode}.jsonl`)) : undefined;
  return name === undefined ? undefined : join(out, name);
};

/** google-research instruction_following_eval, run as `python -m instruction_following_eval.evaluation_main`. */
export function officialIfeval(): Lookup {
  const dir = process.env.IFKIT_OFFICIAL_IFEVAL;
  if (dir === undefined) return { missing: 'IFKIT_OFFICIAL_IFEVAL is not set' };
  if (!existsSync(join(dir, 'instruction_following_eval', 'evaluation_main.py'))) {
    return { missing: `IFKIT_OFFICIAL_IFEVAL=${dir} has no instruction_following_eval/evaluation_main.py` };
  }
  const command = (input: string, responses: string, out: string): Command =>
    pythonMain(python(), 'module', 'instruction_following_eval.evaluation_main', flags(input, responses, out), dir);
  return { scorer: { command, resultFile } };
}

/** allenai/IFBench, run as `python run_eval.py` in its checkout. */
export function officialIfbench(): Lookup {
  const dir = process.env.IFKIT_OFFICIAL_IFBENCH;
  if (dir === undefined) return { missing: 'IFKIT_OFFICIAL_IFBENCH is not set' };
  if (!existsSync(join(dir, 'run_eval.py'))) return { missing: `IFKIT_OFFICIAL_IFBENCH=${dir} has no run_eval.py` };
  const command = (input: string, responses: string, out: string): Command => pythonMain(python(), 'script', 'run_eval.py', flags(input, responses, out), dir);
  return { scorer: { command, resultFile } };
}
