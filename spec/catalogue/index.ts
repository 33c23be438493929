/**
 * The rule catalogue: all 134 rules of the fact sheet §6, in fact-sheet order, plus the
 * rules of our own listed in {@link EXTRA_RULE_IDS} (each at the end of its group).
 * @public
 */
import { CALLBACK_RULES } from './callback.ts';
import { CHANNEL_RULES } from './channel.ts';
import { CAPS_RULES, CONFIG_RULES } from './config.ts';
import { COOKIE_RULES } from './cookie.ts';
import { CYCLIC_RULES } from './cyclic.ts';
import { DATA_RULES } from './data.ts';
import { DESC_RULES } from './desc.ts';
import { METADATA_RULES } from './metadata.ts';
import { PAUSE_RULES } from './pause.ts';
import { PROVIDER_RULES } from './provider.ts';
import { STATUS_RULES } from './status.ts';
import { ISSUE_RULES, SUBMIT_RULES } from './submit.ts';
import { SYNC_RULES } from './sync.ts';
import { TERMINATE_RULES } from './terminate.ts';
import { severityOf } from './severity.ts';
import type { Rule } from './types.ts';

export type { Binds, Check, CheckKind, Rule, RuleGroup, RuleId, RuleSource, RuleTag, Severity } from './types.ts';
export { CHECK_KINDS, RULE_GROUPS, SEVERITIES } from './types.ts';
export { SEVERITY_DECISIONS, type SeverityDecision } from './severity.ts';

/** A rule with its severity decision (severity.ts) filled in when it binds the client. */
function withSeverity(r: Rule): Rule {
  const d = r.binds === 'engine' ? undefined : severityOf(r.id);
  return d === undefined ? r : { ...r, severity: d.severity, severityReason: d.reason };
}

/** Every rule, in fact-sheet order (CH, CFG, CAPS, DESC, CK, STAT, SUB, ISS, CB, TERM, SYNC, PAUSE, CYC, META, DATA, PROV). @public */
export const CATALOGUE: readonly Rule[] = [
  ...CHANNEL_RULES, ...CONFIG_RULES, ...CAPS_RULES, ...DESC_RULES, ...COOKIE_RULES, ...STATUS_RULES,
  ...SUBMIT_RULES, ...ISSUE_RULES, ...CALLBACK_RULES, ...TERMINATE_RULES, ...SYNC_RULES, ...PAUSE_RULES,
  ...CYCLIC_RULES, ...METADATA_RULES, ...DATA_RULES, ...PROVIDER_RULES,
].map(withSeverity);

/**
 * Rules that are not in fact sheet §6: SYNC-7 (no new work between terminate_async and
 * synchronize, issue 15), DATA-8 (byte integrity, the simulation contract), DATA-9 and
 * DATA-10 (the DMA mapping API's obligations on a client, issue 15), DATA-11 (the
 * mapping device half of fact sheet DATA-1, advisory, split off from it), and the
 * checking-power rules of issue 12: CH-10 (a re-requested channel is a new one),
 * DESC-17 (descriptor resources come back), PROV-8 (lock balance). @public
 */
export const EXTRA_RULE_IDS: readonly string[] = ['CH-10', 'DESC-17', 'SYNC-7', 'DATA-8', 'DATA-9', 'DATA-10', 'DATA-11', 'PROV-8'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(CATALOGUE.map((r) => [r.id, r]));

/** The rule with this id (`'SYNC-3'`), or undefined. @public */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
