/** Shared setup of the fuzz tests: the real model, engines, a campaign runner. @internal */
import { createBuiltinEngine, type FaultName } from '../../impl/index.ts';
import type { Implementation, Model } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { Campaign, type CampaignOptions } from '../campaign.ts';
import type { Finding } from '../finding.ts';

export const model: Model<unknown> = await loadModel();

export function engine(...faults: FaultName[]): Implementation {
  return createBuiltinEngine({ faults: new Set(faults) });
}

/** Run a campaign to the end of its run budget; returns it and its findings. */
export function campaign(impl: Implementation, o: Partial<CampaignOptions> & { seed: number; runs: number }): { c: Campaign; findings: Finding[] } {
  const findings: Finding[] = [];
  const c = new Campaign({
    model, impl, implSpec: 'builtin', worker: 0, maxLength: 200, misuseShare: 0, shrinkMs: 3000,
    stop: () => false, onFinding: (f) => findings.push(f), ...o,
  });
  while (!c.runSlice(1000)) { /* until the run budget is spent */ }
  return { c, findings };
}
