/**
 * The program generator: legal programs (checked by the independent static check of
 * kernel/gen/legality.ts), valid dmacheck-program/1, deterministic per seed, and varied
 * enough to reach every call and callback action the bcm2835 profile allows; misuse
 * programs break exactly their rule.
 */
import { describe, expect, it } from 'vitest';
import { ClientProgramSchema } from '../../spec/api/program-schema.ts';
import type { ProgramStep } from '../../spec/api/program.ts';
import { generatePrograms } from '../gen/generate.ts';
import { checkLegality } from '../gen/legality.ts';
import { MISUSE_KINDS, misuseProgram } from '../gen/misuse.ts';
import { KERNEL_PROFILE, UNSUPPORTED } from '../gen/profile.ts';

const SEED = 20261206;
const programs = generatePrograms(SEED, 400);

function flat(steps: readonly ProgramStep[]): ProgramStep[] {
  return steps.flatMap((s) => ('wait' in s ? [s, ...flat(s.onTimeout ?? [])] : [s]));
}

describe('kernel program generator', () => {
  it('generates legal, schema-valid programs', () => {
    for (const p of programs) {
      expect(ClientProgramSchema.safeParse(p).success, p.name).toBe(true);
      expect(checkLegality(p), p.name).toBeUndefined();
    }
  });

  it('is deterministic per seed, and the seed matters', () => {
    expect(generatePrograms(SEED, 50)).toEqual(programs.slice(0, 50));
    expect(generatePrograms(SEED, 20, 30)).toEqual(programs.slice(30, 50));
    expect(JSON.stringify(generatePrograms(SEED + 1, 50))).not.toEqual(JSON.stringify(programs.slice(0, 50)));
  });

  it('reaches every call, wait and callback action of the profile', () => {
    const seen = new Set<string>();
    for (const s of programs.flatMap((p) => flat(p.steps))) {
      if ('sleep' in s) seen.add('sleep');
      else if ('wait' in s) seen.add(`wait ${s.wait}${s.wait === 'callback' && s.count ? ` x${s.count}` : ''}`);
      else {
        seen.add(s.do.op);
        if (s.ctx !== undefined) seen.add(`${s.do.op} ${s.ctx}`);
        if (s.do.op === 'set_callback') seen.add(`${s.do.fn}:${s.do.action.kind}`);
        if (s.do.op === 'tx_status') seen.add(`tx_status state=${s.do.withState}`);
        if (s.do.op === 'slave_config') seen.add(`slave_config ${s.do.cfg.direction ?? 'no direction'} burst ${s.do.cfg.dstMaxburst}`);
        if (s.do.op === 'prep_slave_sg') seen.add(`${s.do.dir} flags ${s.do.flags} sg ${s.do.sgl.length}`);
      }
    }
    const want = [
      'request_chan', 'slave_config', 'get_slave_caps', 'pause', 'alloc_buf', 'map_buf', 'unmap_buf', 'give_back', 'free_buf', 'release_channel',
      'submit', 'issue_pending', 'set_reuse', 'desc_free', 'terminate_sync', 'terminate_async', 'synchronize',
      'tx_status state=true', 'tx_status state=false', 'is_tx_complete',
      'slave_config no direction burst 1', 'slave_config MEM_TO_DEV burst 8', 'slave_config DEV_TO_MEM burst 4', 'wait callback', 'wait callback x2', 'wait complete', 'sleep',
      'callback:none', 'callback:tx_status', 'callback:chain', 'callback:terminate_async', 'callback_result:none', 'callback_result:chain',
      'MEM_TO_DEV flags 2 sg 1', 'MEM_TO_DEV flags 3 sg 4', 'DEV_TO_MEM flags 2 sg 1', 'DEV_TO_MEM flags 3 sg 4',
      // From atomic and hard-IRQ context (DESC-2, STAT-7, TERM-4).
      'prep_slave_sg atomic', 'prep_slave_sg hardirq', 'set_callback hardirq', 'set_reuse atomic', 'submit hardirq', 'issue_pending atomic',
      'issue_pending hardirq', 'tx_status hardirq', 'terminate_async atomic', 'terminate_async hardirq',
    ];
    expect(want.filter((w) => !seen.has(w))).toEqual([]);
    // Never generated on this target: cyclic (QEMU hangs), resume (CAPS-3), dma_vec, metadata.
    for (const op of ['prep_cyclic', 'resume', 'prep_dma_vec', 'prep_interleaved', 'attach_metadata', 'terminate_all']) expect(seen.has(op), op).toBe(false);
    // Never from atomic context: what may sleep (TERM-5, SYNC-2, CH-3) or allocates.
    for (const op of ['terminate_sync', 'synchronize', 'request_chan', 'release_channel', 'alloc_buf', 'slave_config']) {
      for (const ctx of ['atomic', 'hardirq']) expect(seen.has(`${op} ${ctx}`), `${op} ${ctx}`).toBe(false);
    }
  });

  it('misuse programs break exactly their rule, and only at the misuse', () => {
    for (const kind of MISUSE_KINDS) {
      const p = misuseProgram(kind);
      const bad = checkLegality(p);
      expect(bad, kind).toBeDefined();
      expect(p.expect?.rules, kind).toContain(bad!.rule);
    }
  });

  it('profile: every feature switched off says why', () => {
    const off = Object.entries(KERNEL_PROFILE).filter(([, on]) => !on).map(([f]) => f).sort();
    expect(UNSUPPORTED.map((u) => u.feature).sort()).toEqual(off);
    for (const u of UNSUPPORTED) expect(u.reason.length).toBeGreaterThan(20);
  });
});
