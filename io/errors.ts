/**
 * The error kinds every layer throws for bad input or bad output paths. They live at
 * the bottom of the layering (trace/, fuzz/, reports/, adapters/, kernel/ import them
 * without reaching up into cli/); the CLI maps each to its exit status (cli/exit-codes.ts).
 * @public
 */

/** A user error (bad flag, bad value): one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A bad input file: one line (`file:line: what`), exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** An output path that cannot be written (a file where a directory is needed, no permission): exit status 2. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}
