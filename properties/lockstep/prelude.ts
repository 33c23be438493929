/**
 * The probe a real client driver does before any transfer: request every channel,
 * configure it (CFG-1) and allocate and map two buffers for it (DATA-1). Generated
 * sequences start after it, so shrunk counterexamples show only the interesting part.
 * @public
 */
import type { EngineConfig } from '../../spec/api/index.ts';
import type { Step } from './step.ts';

/** The prelude steps for a configuration (deterministic). @public */
export function preludeSteps(cfg: EngineConfig): Step[] {
  const steps: Step[] = [];
  const w = cfg.addrWidths.includes(4) ? 4 : (cfg.addrWidths[0] ?? 4);
  const burst = Math.min(8, Math.max(1, cfg.maxBurst));
  let buf = 1;
  cfg.slaves.forEach((s, chan) => {
    steps.push({ k: 'call', call: { op: 'request_chan', name: s.name }, ctx: 'process' });
    steps.push({ k: 'call', call: { op: 'slave_config', chan, cfg: { srcAddrWidth: w, dstAddrWidth: w, srcMaxburst: burst, dstMaxburst: burst } }, ctx: 'process' });
    for (const len of [64, 256]) {
      steps.push({ k: 'call', call: { op: 'alloc_buf', buf, len }, ctx: 'process' });
      steps.push({ k: 'call', call: { op: 'map_buf', chan, buf, dev: 'dma' }, ctx: 'process' });
      buf++;
    }
  });
  return steps;
}
