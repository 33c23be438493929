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

  /** `onRecursion`: the engine reports the splat as a `lock_splat` event (PROV-8). */
  constructor(readonly name: string, private readonly splats: Splats, private readonly onRecursion: () => void = () => {}) {}

  get held(): boolean {
    return this.depth > 0;
  }

  acquire(): void {
    if (this.depth > 0) {
      this.splats.report(`BUG: spinlock recursion on ${this.name}`);
      this.onRecursion();
    }
    this.depth++;
  }

  /** Nesting depth now (a call records it on entry to tell a leak from a lock its caller held). */
  get level(): number {
    return this.depth;
  }

  /**
   * A client call that began at depth `base` returns with the lock deeper (PROV-8):
   * record it and let go down to `base`, so the run goes on judging what comes next.
   */
  leakedSince(base: number): boolean {
    if (this.depth <= base) return false;
    this.splats.report(`BUG: ${this.name} held when returning to the client`);
    this.depth = base;
    return true;
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
