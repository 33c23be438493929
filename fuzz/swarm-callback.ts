/**
 * `set_callback` restricted to a swarm's callback actions: the shared command resolves
 * the call; an action the swarm left out becomes `none` (the callback just returns).
 * @internal
 */
import { DmaCommand } from '../properties/commands/index.ts';
import type { Lockstep } from '../properties/lockstep/runner.ts';
import type { Step } from '../properties/lockstep/step.ts';
import type { CallbackAction } from '../spec/api/index.ts';

/** @internal */
export class SwarmCallback extends DmaCommand {
  readonly op = 'set_callback';
  constructor(private readonly inner: DmaCommand, private readonly kinds: ReadonlySet<CallbackAction['kind']>) { super(); }
  check(m: Readonly<Lockstep>): boolean { return this.inner.check(m); }
  override checkReadsArgs(): boolean { return this.inner.checkReadsArgs(); }
  resolve(m: Lockstep): Step {
    const s = this.inner.resolve(m);
    if (s.k !== 'call' || s.call.op !== 'set_callback' || this.kinds.has(s.call.action.kind)) return s;
    return { ...s, call: { ...s.call, action: { kind: 'none' } } };
  }
}
