import { describe, expect, it } from 'vitest';
import { jsonFormat, pyJsonLoads } from './json-format';

const check = (response: string) => jsonFormat.prepare({})(response);

describe('detectable_format:json_format', () => {
  it.each([
    ['plain object', '{"a": 1}', true],
    ['```json fence', '```json\n{"a": [1, 2]}\n```', true],
    ['```JSON fence on one line', '```JSON [1]```', true],
    ['bare ``` fence', '```\n"text"\n```', true],
    ['surrounding whitespace and CRLF', '\r\n  {"a": true}\r\n', true],
    ['Python accepts NaN', '{"a": NaN}', true],
    ['Python accepts -Infinity', '[-Infinity, Infinity]', true],
    ['-NaN is invalid', '[-NaN]', false],
    ['NaN inside a string stays a string', '"NaN"', true],
    ['unquoted keys', '{a: 1}', false],
    ['prose around JSON', 'Here it is: {"a": 1}', false],
    ['trailing comma', '[1, 2,]', false],
    ['empty response', '', false],
    ['whitespace-only response', ' \n ', false],
  ])('%s', (_label, response, expected) => {
    expect(check(response)).toBe(expected);
  });

  it('parses like json.loads', () => {
    expect(pyJsonLoads('1NaN')).toBe(false);
    expect(pyJsonLoads('{"k": "a\\"NaN"}')).toBe(true);
  });
});
