/**
 * The kill matrix: certification and the plain baseline against every selected mutant,
 * one row each, plus the summary figures (kill rates, median/max time to first failure,
 * shrink ratios). The result is plain JSON data (`dmacheck mutants --out`).
 * @public
 */
import type { Model, RuleId } from '../spec/api/index.ts';
import { createMutant, MUTANTS, type MutantSpec } from '../impl/mutants/index.ts';
import { killWithBaseline } from './baseline/harness.ts';
import { type KillBudget, type KillResult, killWithCertify } from './kill.ts';

/** @public */
export interface MatrixRow {
  readonly mutant: string;
  readonly bugClass: string;
  readonly expected: readonly RuleId[];
  readonly knownMinimum: number;
  readonly certify: KillResult;
  /** shrunk length / known minimum (certify), null when not killed. */
  readonly ratio: number | null;
  readonly baseline?: KillResult;
}

/** @public */
export interface HarnessSummary {
  readonly killed: number;
  readonly total: number;
  readonly medianMs: number | null;
  readonly maxMs: number | null;
}

/** @public */
export interface MatrixSummary {
  readonly certify: HarnessSummary;
  readonly baseline?: HarnessSummary;
  /** Killed mutants whose shrunk length is at most known minimum + 1. */
  readonly withinMinPlusOne: number;
  readonly medianRatio: number | null;
  readonly maxRatio: number | null;
}

/** @public */
export interface Matrix {
  readonly seed: number;
  readonly budget: { readonly runs: number; readonly timeMs: number };
  readonly rows: readonly MatrixRow[];
  readonly summary: MatrixSummary;
  /** Interrupted (Ctrl-C): the rows of the mutants done before it. */
  readonly partial?: true;
}

/** @public */
export interface MatrixOptions extends KillBudget {
  readonly model: Model<unknown>;
  /** Mutant names to run (default all). */
  readonly only?: readonly string[] | undefined;
  /** Also run the plain baseline (default true). */
  readonly baseline?: boolean;
  readonly onRow?: ((row: MatrixRow, done: number, total: number) => void) | undefined;
}

/** The mutants `only` names (all when undefined); unknown names are returned separately. @public */
export function selectMutants(only: readonly string[] | undefined): { specs: MutantSpec[]; unknown: string[] } {
  if (only === undefined) return { specs: [...MUTANTS], unknown: [] };
  const unknown = only.filter((n) => !MUTANTS.some((m) => m.name === n));
  return { specs: MUTANTS.filter((m) => only.includes(m.name)), unknown };
}

function fresh(spec: MutantSpec) {
  const impl = createMutant(spec.name);
  if (impl === undefined) throw new Error(`mutant ${spec.name} vanished`);
  return impl;
}

/** One row: certify (and the baseline) against a fresh instance of the mutant. @public */
export function killRow(spec: MutantSpec, o: MatrixOptions): MatrixRow {
  const certify = killWithCertify(spec, fresh(spec), o.model, o);
  const known = spec.trigger.steps.length;
  const ratio = certify.killed && certify.shrunkLength !== null ? certify.shrunkLength / known : null;
  const cls = spec.bugClass.section === null ? `rule: ${spec.bugClass.title}` : `§${spec.bugClass.section} ${spec.bugClass.title}`;
  const row: MatrixRow = { mutant: spec.name, bugClass: cls, expected: spec.rules, knownMinimum: known, certify, ratio };
  return o.baseline === false ? row : { ...row, baseline: killWithBaseline(spec, fresh(spec), o.model, o) };
}

/** Run the matrix. @public */
export function runMatrix(o: MatrixOptions): Matrix {
  const { specs } = selectMutants(o.only);
  const rows: MatrixRow[] = [];
  for (const s of specs) addRow(o, rows, killRow(s, o), specs.length);
  return matrixOf(o, rows, false);
}

/**
 * {@link runMatrix} that yields to the event loop between mutants, so that a SIGINT handler
 * runs, and ends early once `stop()` is true: the whole rows done so far, `partial: true`.
 * @public
 */
export async function runMatrixUntil(o: MatrixOptions, stop: () => boolean): Promise<Matrix> {
  const { specs } = selectMutants(o.only);
  const rows: MatrixRow[] = [];
  for (const s of specs) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stop()) return matrixOf(o, rows, true);
    addRow(o, rows, killRow(s, o), specs.length);
  }
  return matrixOf(o, rows, false);
}

function addRow(o: MatrixOptions, rows: MatrixRow[], row: MatrixRow, total: number): void {
  rows.push(row);
  o.onRow?.(row, rows.length, total);
}

function matrixOf(o: MatrixOptions, rows: readonly MatrixRow[], partial: boolean): Matrix {
  return { seed: o.seed, budget: { runs: o.runs, timeMs: o.timeMs }, rows, summary: summarize(rows), ...(partial ? { partial: true as const } : {}) };
}

/** Median of a non-empty list (mean of the middle two for even lengths). @internal */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function harness(rs: readonly KillResult[]): HarnessSummary {
  const times = rs.filter((r) => r.killed && r.timeToFailureMs !== null).map((r) => r.timeToFailureMs!);
  return { killed: rs.filter((r) => r.killed).length, total: rs.length, medianMs: median(times), maxMs: times.length ? Math.max(...times) : null };
}

/** @public */
export function summarize(rows: readonly MatrixRow[]): MatrixSummary {
  const ratios = rows.flatMap((r) => (r.ratio === null ? [] : [r.ratio]));
  const base = rows.flatMap((r) => (r.baseline ? [r.baseline] : []));
  return {
    certify: harness(rows.map((r) => r.certify)),
    ...(base.length > 0 ? { baseline: harness(base) } : {}),
    withinMinPlusOne: rows.filter((r) => r.certify.killed && r.certify.shrunkLength !== null && r.certify.shrunkLength <= r.knownMinimum + 1).length,
    medianRatio: median(ratios),
    maxRatio: ratios.length ? Math.max(...ratios) : null,
  };
}
