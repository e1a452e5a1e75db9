#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { projectRoot } from '../data/paths';
import { describeError } from './errors';

type Register = (program: Command) => void;

/**
 * Every subcommand, loaded on demand: `ifkit eval` should not pay for loading TensorFlow.js (the lab) or the
 * HTTP stack (serve). The order is the order of `ifkit --help`.
 */
const COMMANDS: Record<string, () => Register> = {
  data: () => (require('./commands/data') as typeof import('./commands/data')).registerDataCommand,
  constraints: () => (require('./commands/constraints') as typeof import('./commands/constraints')).registerConstraintsCommand,
  eval: () => (require('./commands/eval') as typeof import('./commands/eval')).registerEvalCommand,
  judge: () => (require('./commands/judge') as typeof import('./commands/judge')).registerJudgeCommand,
  serve: () => (require('./commands/serve') as typeof import('./commands/serve')).registerServeCommand,
  hppt: () => (require('./commands/hppt') as typeof import('./commands/hppt')).registerHpptCommand,
  lab: () => (require('./commands/lab') as typeof import('./commands/lab')).registerLabCommand,
  analysis: () => (require('./commands/analysis') as typeof import('./commands/analysis')).registerAnalysisCommand,
  figures: () => (require('./commands/figures') as typeof import('./commands/figures')).registerFiguresCommand,
};

/**
 * Builds the `ifkit` command line. Given the arguments, it loads only the subcommand they name (all of them for
 * help or an unknown name, so commander can list them or suggest the nearest).
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const version = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const program = new Command('ifkit')
    .description('RL with verifiable rewards for instruction following: exact verifiers, judge audits, a reward server and a GRPO lab')
    .version(version, '-V, --version')
    .showHelpAfterError();
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  const wanted = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) COMMANDS[name]!()(program);
  return program;
}

/** Runs the CLI on process.argv. */
export function main(argv: readonly string[] = process.argv): void {
  buildProgram(argv)
    .parseAsync([...argv])
    .catch((e: unknown) => {
      console.error(describeError(e));
      process.exitCode = 1;
    });
}

if (require.main === module) main();
