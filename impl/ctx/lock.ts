/**
 * A simulated spinlock. Nothing runs concurrently in the simulation, so the lock only
 * records who holds it: a recursive acquire is what would deadlock in the kernel
 * (bug class 1) and is recorded as a splat instead of hanging or throwing.
 * @internal
 */
import type { Splats } from './splats.ts';

export class SpinLock {
  /** Nesting depth; > 1 only after a recursive acquire (a kernel deadlock). */
  private depth = 0;

  constructor(readonly name: string, private readonly splats: Splats) {}

  get held(): boolean {
    return this.depth > 0;
  }

  acquire(): void {
    if (this.depth > 0) this.splats.report(`BUG: spinlock recursion on ${this.name}`);
    this.depth++;
  }

  release(): void {
    if (this.depth === 0) {
      this.splats.report(`BUG: unlock of unlocked ${this.name}`);
      return;
    }
    this.depth--;
  }
}

/** Engine-internal invariant check: a helper that needs `lock` starts with this. */
export function assertHeld(lock: SpinLock): void {
  if (!lock.held) throw new Error(`internal: ${lock.name} must be held by caller`);
}
