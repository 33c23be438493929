/**
 * The one error an adapter throws when the implementation under test misbehaves
 * (crash, hang, protocol breach). The lockstep runner turns it into an
 * `impl_error` verdict (spec/api/trace.ts) and shows `stderrTail` in the report.
 * @public
 */
import type { ImplErrorKind } from '../spec/api/trace.ts';

/** Thrown by adapters: raises impl_error(kind). @public */
export class ImplError extends Error {
  override readonly name = 'ImplError';
  constructor(
    readonly kind: ImplErrorKind,
    /** What happened, without the kind (lines that name the kind print this, issue 13 item 15). */
    readonly detail: string,
    /** The implementation's last stderr lines (empty for in-process implementations). */
    readonly stderrTail: readonly string[] = [],
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** True if `e` is an {@link ImplError}. @public */
export function isImplError(e: unknown): e is ImplError {
  return e instanceof ImplError;
}
