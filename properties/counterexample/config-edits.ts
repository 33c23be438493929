/**
 * Steps from a drawn configuration towards the plain one, one field each, tried by the
 * shrinkers where the failure does not depend on the field (a CB-1 failure needs no
 * cookie counter near INT_MAX). Slaves, widths and bursts are left to the step-level
 * passes (a slave goes with its channel, objects.ts).
 * @public
 */
import type { EngineConfig } from '../../spec/api/index.ts';

/** @public */
export const CONFIG_EDITS: readonly ((c: EngineConfig) => EngineConfig)[] = [
  (c) => ({ ...c, cookieInit: 1 }),
  (c) => ({ ...c, residueGranularity: 'burst' }),
  (c) => ({ ...c, bytesPerUnit: 4 }),
  (c) => ({ ...c, maxTransferLen: 65536 }),
  (c) => ({ ...c, caps: { ...c.caps, completionNoOrder: false } }),
];
