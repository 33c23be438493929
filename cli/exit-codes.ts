/**
 * Exit statuses shared by every subcommand.
 * @public
 */
export const EXIT = {
  /** Conformant / nothing found. */
  ok: 0,
  /** Violations found. */
  violations: 1,
  /** Bad arguments or bad input file. */
  usage: 2,
  /** The implementation under test crashed, hung or broke the protocol. */
  implError: 3,
  /** dmacheck itself is wrong (model bug, internal error). */
  internal: 4,
  /** certify: nothing failed, but a checkable rule the implementation supports was never exercised. */
  inconclusive: 5,
  /** Interrupted (Ctrl-C); partial results were written. */
  interrupted: 130,
} as const;

// The error kinds live at the bottom of the layering (io/errors.ts); re-exported for the CLI's importers.
export { InputError, OutputError, UsageError } from '../io/errors.ts';
