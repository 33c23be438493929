import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../stdio/split-command.ts';

describe('splitCommandLine', () => {
  it.each([
    ['python3 examples/py-engine/engine.py', ['python3', 'examples/py-engine/engine.py']],
    ['  node   bin/dmacheck.js\tserve  ', ['node', 'bin/dmacheck.js', 'serve']],
    [`engine 'a b' "c d"`, ['engine', 'a b', 'c d']],
    [String.raw`engine 'it'\''s'`, ['engine', "it's"]],
    [`engine "say \\"hi\\"" back\\ slash`, ['engine', 'say "hi"', 'back slash']],
    [`engine '' x`, ['engine', '', 'x']],
    [`engine "a\\nb"`, ['engine', 'a\\nb']],
    [`engine --opt="x y"`, ['engine', '--opt=x y']],
    [`engine '$HOME|x'`, ['engine', '$HOME|x']],
  ])('%s', (line, argv) => {
    expect(splitCommandLine(line)).toEqual(argv);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [`engine 'open`, /unterminated single/],
    [`engine "open`, /unterminated double/],
    ['engine \\', /trailing backslash/],
    ['engine | tee log', /shell syntax \(\|\)/],
    ['engine > out', /shell syntax/],
    ['engine; rm -rf x', /shell syntax/],
    ['engine $HOME', /shell syntax/],
    ['engine "$HOME"', /shell expansion/],
  ])('refuses %j', (line, msg) => {
    expect(() => splitCommandLine(line)).toThrow(msg);
  });
});
