/**
 * Ctrl-C as a request to stop (issue 13, item 3): the first SIGINT sets a flag the command
 * polls between sequences, so it ends the current one, writes whole partial results
 * (`partial: true`) and exits 130; a second SIGINT quits at once with 130 (the children
 * of `--impl-cmd` are killed by the stdio adapter's exit hook). fuzz has its own handler.
 * @internal
 */
import { EXIT } from './exit-codes.ts';

/** @internal */
export interface InterruptTrap {
  /** A SIGINT arrived since the trap was set. */
  readonly requested: () => boolean;
  /** Remove the handler (Ctrl-C then has its default effect again). */
  readonly release: () => void;
}

/** Handle SIGINT for `command` until `release()`. @internal */
export function trapInterrupt(command: string, doing: string): InterruptTrap {
  let requested = false;
  const onSigint = (): void => {
    if (requested) process.exit(EXIT.interrupted);
    requested = true;
    process.stderr.write(`\n${command}: interrupted, ${doing} (Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', onSigint);
  return { requested: () => requested, release: () => { process.off('SIGINT', onSigint); } };
}
