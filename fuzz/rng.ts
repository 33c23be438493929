/**
 * The fuzzer's random source: a small, fast, seedable generator (SplitMix32 state
 * stepping with a Murmur3-style finaliser) that also serves fast-check's `Random`, so
 * commands are drawn from the shared command table's arbitraries with the same stream.
 * Everything a campaign does is a function of its seed (shard/worker seeds are derived).
 * @public
 */
import fc from 'fast-check';

/** 32-bit mix of `x` (Murmur3 fmix32). @internal */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

/** A mutable generator; implements pure-rand's `RandomGenerator` (v8 shape) for fast-check. @public */
export class FuzzRng {
  constructor(private state: number) {}

  /** pure-rand: an independent copy. */
  clone(): FuzzRng {
    return new FuzzRng(this.state);
  }

  /** pure-rand: next int32, advancing this generator. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix32(this.state);
  }

  /** pure-rand: the state, read-only. */
  getState(): readonly number[] {
    return [this.state];
  }

  /** Uniform integer in [0, n) (n ≥ 1). */
  below(n: number): number {
    return Math.floor(((this.next() >>> 0) / 0x1_0000_0000) * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return (this.next() >>> 0) / 0x1_0000_0000 < p;
  }

  /** fast-check's Random over a fork of this stream (for `arb.generate`). */
  forkRandom(): fc.Random {
    return new fc.Random(new FuzzRng(this.next()));
  }
}

/** A seed derived from `seed` and a path of small integers (worker, shard, sequence). @public */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
  let h = mix32(seed ^ 0x5bd1e995);
  for (const p of parts) h = mix32(h ^ mix32((p + 0x27d4eb2f) | 0));
  return h;
}

/** Index drawn from non-negative `weights` (their sum must be > 0). @public */
export function weightedIndex(rng: FuzzRng, weights: readonly number[], total: number): number {
  let x = ((rng.next() >>> 0) / 0x1_0000_0000) * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
