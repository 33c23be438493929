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
  /** Interrupted (Ctrl-C); partial results were written. */
  interrupted: 130,
} as const;

/** A user error: printed as one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A bad input file: printed as one line (`file:line: what`), exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
