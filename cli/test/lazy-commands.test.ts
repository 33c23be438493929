/**
 * cli/commands/index.ts loads subcommand modules on demand by name: each name must be the
 * command its module registers, and a command line loads only the module it names.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands, commandsFor } from '../commands/index.ts';

describe('the lazily loaded subcommand table', () => {
  it('names each module by the one command it registers', async () => {
    for (const c of commands) {
      const program = new Command('dmacheck');
      (await c.load()).register(program);
      expect(program.commands.map((s) => s.name()), c.name).toEqual([c.name]);
    }
  });

  it('loads the named subcommand alone, and all of them for help, --version or an unknown name', () => {
    expect(commandsFor(['rules', '--json']).map((c) => c.name)).toEqual(['rules']);
    expect(commandsFor(['kernel', 'setup']).map((c) => c.name)).toEqual(['kernel']);
    for (const argv of [[], ['--help'], ['-V'], ['help', 'rules'], ['frobnicate']]) expect(commandsFor(argv)).toBe(commands);
  });
});
