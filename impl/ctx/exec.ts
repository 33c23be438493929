/**
 * Execution contexts (fact sheet §2 legend). The engine keeps a stack of the
 * contexts it is running in: the client's call context at the bottom, then the engine's
 * own (hard IRQ handler, tasklet). `mightSleep` is the kernel's might_sleep(): calls
 * that may sleep detect atomic context and record a splat (CH-3, SYNC-2, TERM-5, CB-6).
 * @internal
 */
import type { ChanId, Ctx, EngineCtx } from '../../spec/api/index.ts';
import type { Splats } from './splats.ts';

/** One frame of the context stack. `chan` is set for hardirq/tasklet/callback frames. */
export interface CtxFrame {
  readonly ctx: Ctx | EngineCtx;
  readonly chan: ChanId | undefined;
}

export class ExecContext {
  private readonly stack: CtxFrame[] = [];

  constructor(private readonly splats: Splats) {}

  /** Run `body` in context `ctx` (of channel `chan`), restoring the previous context after. */
  within<T>(ctx: Ctx | EngineCtx, chan: ChanId | undefined, body: () => T): T {
    this.stack.push({ ctx, chan });
    try {
      return body();
    } finally {
      this.stack.pop();
    }
  }

  /** The innermost context, `process` when nothing runs. */
  get current(): Ctx | EngineCtx {
    return this.stack[this.stack.length - 1]?.ctx ?? 'process';
  }

  /** True if any frame is atomic (a held client spinlock, hard IRQ, tasklet, callback). */
  get atomic(): boolean {
    for (const f of this.stack) if (f.ctx !== 'process') return true;
    return false;
  }

  /** True if a tasklet/callback of `chan` is on the stack (a call from its own callback). */
  insideTaskletOf(chan: ChanId): boolean {
    for (const f of this.stack) if ((f.ctx === 'tasklet' || f.ctx === 'callback') && f.chan === chan) return true;
    return false;
  }

  /** tasklet_kill from inside the tasklet it waits for would hang forever (SYNC-2, CB-6): record it. */
  waitsForTasklet(chan: ChanId, what: string): void {
    if (this.insideTaskletOf(chan)) this.splats.report(`BUG: ${what} from a callback of channel ${chan} would wait on its own tasklet`);
  }

  /** might_sleep(): records a splat in atomic context; never throws. */
  mightSleep(what: string): void {
    if (this.atomic) this.splats.report(`BUG: sleeping function called from invalid context: ${what} in ${this.current}`);
  }
}
