/**
 * A command of the table with the context machinery taken out, as a user's plain
 * harness would have it: every call from process context, every callback doing
 * nothing (no re-entrant chain, terminate, status or metadata read from inside it).
 * @internal
 */
import type { CallbackAction } from '../../spec/api/index.ts';
import { DmaCommand } from '../../properties/commands/index.ts';
import type { Lockstep } from '../../properties/lockstep/runner.ts';
import type { Step } from '../../properties/lockstep/step.ts';

const NONE: CallbackAction = { kind: 'none' };

/** Strip contexts and callback actions from a concrete step. @internal */
export function plainStep(s: Step): Step {
  if (s.k === 'env') return s;
  const call = s.call.op === 'set_callback' ? { ...s.call, action: NONE } : s.call;
  return { k: 'call', call, ctx: 'process' };
}

/** Wraps a table command; preconditions unchanged, concrete step plain. @internal */
export class PlainCommand extends DmaCommand {
  readonly op: string;
  constructor(private readonly inner: DmaCommand) {
    super();
    this.op = inner.op;
  }
  check(m: Readonly<Lockstep>): boolean {
    return this.inner.check(m);
  }
  resolve(m: Lockstep): Step {
    return plainStep(this.inner.resolve(m));
  }
}
