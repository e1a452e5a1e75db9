import { describe, expect, it } from 'vitest';
import {
  choiceFlag,
  finiteFlag,
  nonNegativeFlag,
  nonNegativeIntFlag,
  portFlag,
  positiveFlag,
  positiveIntFlag,
  probabilityFlag,
} from './flags';

type Parser = (name: string, value: string) => number;

describe('flag parsers', () => {
  it.each<[Parser, string, number]>([
    [positiveIntFlag, '4', 4],
    [positiveIntFlag, ' 12 ', 12],
    [nonNegativeIntFlag, '0', 0],
    [portFlag, '0', 0],
    [portFlag, '65535', 65535],
    [finiteFlag, '-0.5', -0.5],
    [finiteFlag, '1e3', 1000],
    [nonNegativeFlag, '0', 0],
    [nonNegativeFlag, '.7', 0.7],
    [positiveFlag, '0.5', 0.5],
    [probabilityFlag, '1', 1],
    [probabilityFlag, '0.306', 0.306],
  ])('%o reads %j as %f', (parse, value, expected) => {
    expect(parse('x', value)).toBe(expected);
  });

  it.each<[Parser, string, string]>([
    // One accepted 0 where it meant "positive"; Number() read '' as 0, '0x10' as 16 and '2.5' as a count.
    [positiveIntFlag, '0', '--n must be a positive integer (1, 2, 3, …), got "0"'],
    [positiveIntFlag, '', '--n must be a positive integer (1, 2, 3, …), got ""'],
    [positiveIntFlag, '2.5', '--n must be a positive integer (1, 2, 3, …), got "2.5"'],
    [positiveIntFlag, '0x10', '--n must be a positive integer (1, 2, 3, …), got "0x10"'],
    [positiveIntFlag, 'four', '--n must be a positive integer (1, 2, 3, …), got "four"'],
    [nonNegativeIntFlag, '-1', '--n must be a non-negative integer (0, 1, 2, …), got "-1"'],
    [nonNegativeIntFlag, '1e21', '--n must be a non-negative integer (0, 1, 2, …), got "1e21"'],
    [portFlag, '65536', '--n must be a port number from 0 to 65535 (0 picks a free port), got "65536"'],
    [finiteFlag, 'Infinity', '--n must be a finite number (e.g. 0.5), got "Infinity"'],
    [finiteFlag, ' ', '--n must be a finite number (e.g. 0.5), got " "'],
    [nonNegativeFlag, '-0.1', '--n must be a number >= 0 (e.g. 0, 0.7, 1), got "-0.1"'],
    [positiveFlag, '0', '--n must be a number > 0 (e.g. 0.5, 16), got "0"'],
    [probabilityFlag, '1.5', '--n must be a probability from 0 to 1 (e.g. 0.3), got "1.5"'],
  ])('%o rejects %j, naming the flag, the value and what to pass', (parse, value, message) => {
    expect(() => parse('n', value)).toThrow(message);
  });

  it('takes one of a set of names', () => {
    expect(choiceFlag('mode', 'loose', ['strict', 'loose'])).toBe('loose');
    expect(() => choiceFlag('reward', 'mean', ['all', 'fraction', 'weighted'])).toThrow('--reward must be one of all, fraction, weighted, got "mean"');
  });
});
