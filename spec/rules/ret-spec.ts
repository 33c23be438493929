/**
 * The allowed return set of a client call, as data: what {@link allowedRets} answers
 * and what the acceptor checks a `ret` entry against (so the two always agree).
 * @public
 */
import type { Cookie, DmaStatus, Errno, Ret, RuleId, SlaveCaps } from '../api/index.ts';

/** Allowed residues: exact values, or any value in [0, max]. */
export type ResidueSpec = { readonly k: 'one_of'; readonly v: readonly number[] } | { readonly k: 'upto'; readonly max: number };

/** One allowed status of a tx_status / is_tx_complete answer and its residue. */
export interface StatusAlt { readonly status: DmaStatus; readonly residue: ResidueSpec; readonly rule: RuleId }

/** The allowed answers of one status query. @public */
export interface StatusSpec {
  readonly t: 'status';
  readonly alts: readonly StatusAlt[];
  /** Rule broken by a status that is not among `alts` (per reported status, else `wrongRule`). */
  readonly wrongRule: RuleId;
  readonly wrongBy: Partial<Record<DmaStatus, RuleId>>;
  /** last/used/residue must be present (withState, or always for is_tx_complete). */
  readonly withState: boolean;
  readonly stateRule: RuleId;
  /** Allowed completed_cookie values: cookie(seq) for seq in [lastLo, lastHi]. */
  readonly lastLo: number;
  readonly lastHi: number;
  readonly used: Cookie;
  readonly cookie: Cookie;
}

/** One allowed shape of a return value; `rule` names what a near miss of this shape breaks. */
export type RetAlt =
  | { readonly t: 'void' }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'err'; readonly e: readonly Errno[] }
  | { readonly t: 'null' }
  | { readonly t: 'ok' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'cookie'; readonly v: readonly Cookie[] }
  | StatusSpec
  | { readonly t: 'caps'; readonly caps: SlaveCaps }
  | { readonly t: 'metaptr' };

/** The allowed return set of one call. @public */
export interface RetSpec {
  /** Rule broken when the return matches no alternative. */
  readonly rule: RuleId;
  readonly msg: string;
  readonly alts: readonly RetAlt[];
  /** Rule (and message) per return kind, for a return of that kind that matches no alternative. */
  readonly byKind?: Partial<Record<Ret['t'], { readonly rule: RuleId; readonly msg: string }>>;
  /** Further rules whose conditions chose this set (evaluated, for coverage, whenever it is checked). */
  readonly covers?: readonly RuleId[];
}

/** The answer of `allowedRets`: the return set and, if the call is client UB, the rule. */
export interface Allowed {
  readonly ub: { readonly rule: RuleId; readonly msg: string } | undefined;
  readonly spec: RetSpec | undefined;
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

function capsEqual(a: SlaveCaps, b: SlaveCaps): boolean {
  return sameSet(a.srcAddrWidths, b.srcAddrWidths) && sameSet(a.dstAddrWidths, b.dstAddrWidths)
    && sameSet(a.directions, b.directions) && a.maxBurst === b.maxBurst
    && a.residueGranularity === b.residueGranularity && a.descriptorReuse === b.descriptorReuse
    && a.cmdPause === b.cmdPause && a.cmdResume === b.cmdResume && a.cmdTerminate === b.cmdTerminate;
}

/** Does `r` match the non-status alternative `alt`? (status answers: status.ts). */
export function matchAlt(alt: RetAlt, r: Ret): boolean {
  switch (alt.t) {
    case 'void': case 'null': case 'ok': case 'metaptr': return r.t === alt.t;
    case 'int': return r.t === 'int' && r.v === alt.v;
    case 'err': return r.t === 'err' && alt.e.includes(r.e);
    case 'bool': return r.t === 'bool' && r.v === alt.v;
    case 'cookie': return r.t === 'cookie' && alt.v.includes(r.v);
    case 'caps': return r.t === 'caps' && capsEqual(alt.caps, r.caps);
    case 'status': return r.t === 'status';
  }
}

/** Short text of an alternative, for docs and messages. */
export function altText(alt: RetAlt): string {
  switch (alt.t) {
    case 'int': return `int ${alt.v}`;
    case 'err': return `err ${alt.e.join('|')}`;
    case 'bool': return `bool ${alt.v}`;
    case 'cookie': return `cookie ${alt.v.join('|')}`;
    case 'status': return `status ${alt.alts.map((a) => a.status).join('|')}`;
    default: return alt.t;
  }
}
