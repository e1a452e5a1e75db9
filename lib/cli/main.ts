#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { projectRoot } from '../data/paths';
import { registerConstraintsCommand } from './commands/constraints';
import { registerDataCommand } from './commands/data';
import { registerFiguresCommand } from './commands/figures';

/** Builds the `ifkit` command line; each capability registers its subcommand here. */
export function buildProgram(): Command {
  const version = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const program = new Command('ifkit')
    .description('RL with verifiable rewards for instruction following: exact verifiers, judge audits, HPPT, a reward server and a GRPO lab')
    .version(version, '-V, --version')
    .showHelpAfterError();
  registerDataCommand(program);
  registerConstraintsCommand(program);
  registerFiguresCommand(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    });
}
