/**
 * dmacheck command line: parses arguments (commander), dispatches to a subcommand,
 * and turns errors into one line and a distinct exit status (cli/exit-codes.ts).
 * @internal
 */
import { Command, CommanderError } from 'commander';
import { isImplError } from '../adapters/errors.ts';
import { commandsFor } from './commands/index.ts';
import { EXIT, InputError, OutputError, UsageError } from './exit-codes.ts';
import { VERSION } from './version.ts';


const EXIT_HELP = `
Exit statuses:
  0    conformant / nothing found
  1    violations found (engine broke a rule, or client undefined behaviour)
  2    usage error, malformed input file, or an output path that cannot be written
  3    implementation error (crash, hang, protocol breach; a guest that does not boot)
  4    internal error (model bug)
  5    inconclusive (certify: nothing failed, but a checkable rule was never exercised;
       --allow-unexercised accepts that)
  130  interrupted (Ctrl-C); partial results were written
`;

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('dmacheck')
    .description('Conformance test suite and property checker for the Linux DMA engine slave API')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .addHelpText('after', EXIT_HELP);
  // Only the modules the command line needs (cli/commands/index.ts): start-up time.
  const entries = commandsFor(argv);
  for (const { register } of await Promise.all(entries.map((c) => c.load()))) register(program);
  // Subcommands inherit the error handling of the root.
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: () => {} });
  return program;
}

function firstLine(msg: string): string {
  return (msg.split('\n')[0] ?? msg).replace(/^error: /, '');
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = await buildProgram(argv);
  if (argv.length === 0) {
    process.stdout.write(program.helpInformation() + EXIT_HELP);
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      process.stderr.write(`dmacheck: ${firstLine(err.message)}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof InputError || err instanceof OutputError) {
      process.stderr.write(`dmacheck: ${firstLine(err.message)}\n`);
      return EXIT.usage;
    }
    if (isImplError(err)) {
      // Failures before the run started (no hello, junk first line, wrong protocol, a
      // factory that throws) are the implementation's, not dmacheck's: exit 3, tail shown.
      process.stderr.write(`dmacheck: implementation error (${firstLine(err.message)})\n`);
      for (const line of err.stderrTail) process.stderr.write(`  stderr| ${line}\n`);
      return EXIT.implError;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`dmacheck: internal error: ${firstLine(msg)}\n`);
    return EXIT.internal;
  }
}

// A reader that closed our stdout (`dmacheck rules --json | head -c 10`) ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
