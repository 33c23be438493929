/**
 * Shape of the rule catalogue: every rule of the fact sheet §6 as data, with its
 * binding side, sources, and how the reference model checks it.
 * @public
 */

/** The 16 rule groups, in fact-sheet order. */
export const RULE_GROUPS = [
  'CH', 'CFG', 'CAPS', 'DESC', 'CK', 'STAT', 'SUB', 'ISS',
  'CB', 'TERM', 'SYNC', 'PAUSE', 'CYC', 'META', 'DATA', 'PROV',
] as const;

/** A rule group name (the id prefix). @public */
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** A catalogue rule id such as `SYNC-3`; assignable to the contract's string `RuleId`. @public */
export type RuleId = `${RuleGroup}-${number}`;

/** Who the rule binds: fact sheet C (client), E (engine/core) or C/E (both). @public */
export type Binds = 'client' | 'engine' | 'both';

/**
 * How a rule is checked.
 * - `model`: a clause of the model's step function (a call, return, event or callback entry).
 * - `invariant`: a global condition on the model state, checked after every step; `what` states it.
 * - `end`: an eventual obligation, checked when a trace ends quiescent (`Model.end`); `what` states it.
 * - `documented-only`: no trace in the vocabulary can show it; `reason` says why.
 * @public
 */
export type Check =
  | { readonly kind: 'model' }
  | { readonly kind: 'invariant'; readonly what: string }
  | { readonly kind: 'end'; readonly what: string }
  | { readonly kind: 'documented-only'; readonly reason: string };

/** The `kind` of a {@link Check}. @public */
export type CheckKind = Check['kind'];

/** All check kinds, in summary order. @public */
export const CHECK_KINDS: readonly CheckKind[] = ['model', 'invariant', 'end', 'documented-only'];

/**
 * Fact-sheet tags carried over: `vchan` = behaviour of the virt-dma helpers, not of
 * every engine; `derived` = an inference from the sources; `practice` = common driver
 * practice rather than a documented requirement.
 * @public
 */
export type RuleTag = 'vchan' | 'derived' | 'practice';

/**
 * Where a rule comes from. `seed` names a seed document and section (seed 002 is the
 * Chinese translation of client.rst; seed 000 the Nov 2016 linux-arm-kernel reply);
 * `kernel` lists kernel files as "path (function / struct / section)".
 * @public
 */
export interface RuleSource {
  readonly seed?: string;
  readonly kernel: readonly string[];
}

/**
 * What breaking a client rule means (issue 15): `undefined` = the kernel can crash,
 * corrupt or lose data, so the engine is held to nothing on that channel afterwards;
 * `advisory` = correct on some engines, not portable, or a best practice: reported, not a
 * failure unless `--strict`, and the model goes on as if the call were fine.
 * @public
 */
export type Severity = 'undefined' | 'advisory';

/** All severities, worst first. @public */
export const SEVERITIES: readonly Severity[] = ['undefined', 'advisory'];

/** One catalogue entry. @public */
export interface Rule {
  readonly id: RuleId;
  readonly group: RuleGroup;
  readonly binds: Binds;
  /** One sentence, in our own words. */
  readonly statement: string;
  readonly source: RuleSource;
  readonly check: Check;
  /** For engine-dependent behaviour (fact sheet §7): the range the model accepts. */
  readonly range?: string;
  readonly tags?: readonly RuleTag[];
  /** Client and shared rules only (binds `client` or `both`): what a client breach means. */
  readonly severity?: Severity;
  /** Why that severity, citing the kernel docs or code it was decided from. */
  readonly severityReason?: string;
}

/** A rule as written in a group file: the group is filled in from the id's prefix. @internal */
export type RuleDraft<G extends RuleGroup> = Omit<Rule, 'id' | 'group'> & { readonly id: `${G}-${number}` };

/** Builds the entries of one group; the type forces every id to carry the group's prefix. @internal */
export function defineGroup<G extends RuleGroup>(group: G, drafts: readonly RuleDraft<G>[]): readonly Rule[] {
  return drafts.map(({ id, ...rest }) => ({ id, group, ...rest }));
}

/** Check by a step-function clause. @internal */
export const MODEL: Check = { kind: 'model' };
/** Check by a global invariant after every step; `what` is the condition. @internal */
export const invariant = (what: string): Check => ({ kind: 'invariant', what });
/** Check when a trace ends quiescent; `what` is the obligation. @internal */
export const atEnd = (what: string): Check => ({ kind: 'end', what });
/** Not observable in the vocabulary; `reason` says why. @internal */
export const documentedOnly = (reason: string): Check => ({ kind: 'documented-only', reason });
