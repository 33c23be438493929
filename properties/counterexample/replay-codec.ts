/**
 * The one replay codec (style point 9): seed and path on one line, exactly as fast-check
 * prints it — `{ seed: -123, path: "4:0:1", endOnFailure: true }` — used by properties/,
 * fuzz/ and the reports, and stored verbatim in counterexample and corpus files.
 * @public
 */

/** What a replay needs from fast-check. @public */
export interface ReplayPoint {
  readonly seed: number;
  readonly path: string;
}

const LINE = /^\{ seed: (-?\d+), path: "([0-9:]*)", endOnFailure: true \}$/;

/** Encode as fast-check's hint line. @public */
export function encodeReplay(p: ReplayPoint): string {
  return `{ seed: ${p.seed}, path: "${p.path}", endOnFailure: true }`;
}

/** Decode a hint line; returns a one-line error message for anything else. @public */
export function decodeReplay(line: string): ReplayPoint | { readonly error: string } {
  const m = LINE.exec(line.trim());
  if (!m) return { error: 'not a replay line of the form { seed: N, path: "a:b:c", endOnFailure: true }' };
  const seed = Number(m[1]);
  if (!Number.isSafeInteger(seed) || seed < -0x80000000 || seed > 0xffffffff) return { error: `seed ${m[1]} out of range` };
  return { seed, path: m[2] ?? '' };
}
