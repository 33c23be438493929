/**
 * Every rule id the model checks, and how: `model` = a clause evaluated on trace
 * entries; `invariant` = an obligation checked when a step ends or time moves on;
 * `end` = an end-of-run obligation. Rules of the catalogue not listed here are
 * documented only (registration checks PROV-1/2/3/7, async_tx CB-4, dma_sync_wait
 * STAT-11, unobservable advice STAT-8, CFG-6, and DESC-6: containers are passed by value).
 * spec/consistency.test.ts keeps this map and the catalogue's check kinds equal.
 * @public
 */
import type { RuleId } from '../api/index.ts';

/** How a rule is checked. @public */
export type CheckKind = 'model' | 'invariant' | 'end';

const M = (ids: string): [RuleId, CheckKind][] => ids.split(' ').map((id) => [id, 'model']);

/** Every rule id the model checks. @public */
export const CHECKED_RULES: ReadonlyMap<RuleId, CheckKind> = new Map<RuleId, CheckKind>([
  ...M('CH-1 CH-2 CH-3 CH-4 CH-5 CH-6 CH-7 CH-8 CH-9 CH-10'),
  ...M('CFG-1 CFG-2 CFG-3 CFG-4 CFG-5 CAPS-1 CAPS-2 CAPS-3 CAPS-4 CAPS-5'),
  ...M('DESC-1 DESC-2 DESC-3 DESC-5 DESC-7 DESC-9 DESC-10 DESC-11 DESC-12 DESC-13 DESC-15 DESC-16 DESC-17'),
  ['DESC-4', 'end'], ['DESC-8', 'invariant'], ['DESC-14', 'end'],
  ...M('CK-1 CK-2 CK-3 CK-4 CK-5 CK-6'),
  ...M('STAT-1 STAT-2 STAT-3 STAT-4 STAT-5 STAT-6 STAT-7 STAT-9 STAT-10 STAT-12'),
  ...M('SUB-1 SUB-2 SUB-3 ISS-1 ISS-2 ISS-4 ISS-5'), ['ISS-3', 'invariant'],
  ...M('CB-1 CB-2 CB-3 CB-5 CB-6 CB-7 CB-8 CB-9 CB-10 CB-11 CB-12 CB-13 CB-14 CB-15 CB-16'),
  ...M('TERM-1 TERM-2 TERM-3 TERM-4 TERM-5 TERM-6 TERM-7 TERM-8 TERM-9 TERM-10 TERM-11'),
  ...M('SYNC-1 SYNC-2 SYNC-3 SYNC-4 SYNC-5 SYNC-6 SYNC-7'),
  ...M('PAUSE-1 PAUSE-2 PAUSE-3 PAUSE-4 PAUSE-5 PAUSE-6'),
  ...M('CYC-2 CYC-4 CYC-5 CYC-6 CYC-7 CYC-8 CYC-9'), ['CYC-1', 'invariant'], ['CYC-3', 'invariant'],
  ...M('META-1 META-2 META-3 META-4 META-5 META-6 META-7 META-8 META-9 META-10'),
  ...M('DATA-1 DATA-2 DATA-3 DATA-4 DATA-5 DATA-6 DATA-7 DATA-8 DATA-10 DATA-11'), ['DATA-9', 'end'],
  ...M('PROV-4 PROV-5 PROV-6 PROV-8'),
]);
