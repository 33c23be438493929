/**
 * Regressions of legal-mode and misuse-mode generation found by `dmacheck fuzz` on the
 * built-in engine: each builds the state the fuzzer reached (fixed steps, no randomness),
 * shows the model rejects the step the generator used to offer, and checks the command's
 * precondition no longer offers it.
 */
import { describe, expect, it } from 'vitest';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import type { DmaCommand } from '../commands/base.ts';
import { FreeBuf } from '../commands/free-buf.ts';
import { TeardownWithData } from '../commands/misuse/teardown-with-data.ts';
import { MixMetadata } from '../commands/misuse/mix-metadata.ts';
import { PeriphTeardown } from '../commands/periph-teardown.ts';
import { Lockstep } from '../lockstep/runner.ts';
import { LockstepFailure, type Step, verdictLine } from '../lockstep/step.ts';
import { call, runAfter } from './harness.ts';

const INT_ACK = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;
const advance = (units: number): Step => ({ k: 'env', step: { op: 'advance', units } });

/** The steps `cmd` would run for every choice index it can draw (0..7), or [] if its precondition fails. */
function offered(r: Lockstep, make: (i: number) => DmaCommand): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < 8; i++) {
    const c = make(i);
    if (c.check(r)) out.push(c.resolve(r));
  }
  return out;
}

/** Run `s` and return the verdict line it ends with ('' if accepted). */
function verdictOf(r: Lockstep, s: Step): string {
  try {
    r.exec(s);
    return '';
  } catch (e) {
    if (e instanceof LockstepFailure) return verdictLine(e.verdict);
    throw e;
  }
}

describe('generator regressions (found by dmacheck fuzz)', () => {
  it('CB-15: free_buf keeps a buffer a pending callback chain will use', async () => {
    const setup = [
      call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: INT_ACK }),
      call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'chain', buf: 2, len: 4, dir: 'MEM_TO_DEV' } }),
      call({ op: 'submit', desc: 1 }),
      call({ op: 'unmap_buf', buf: 2 }),
    ];
    const r = await runAfter('legal', setup);
    expect(offered(r, (i) => new FreeBuf(i)).map((s) => s.k === 'call' && s.call.op === 'free_buf' && s.call.buf)).not.toContain(2);
    // The model does reject it (the precondition is not stricter than needed)...
    expect(verdictOf(await runAfter('legal', setup), call({ op: 'free_buf', buf: 2 }))).toMatch(/^undefined CB-15/);
    // ...and once the callback has run the buffer may go.
    for (const s of [call({ op: 'issue_pending', chan: 0 }), advance(64), { k: 'env', step: { op: 'irq', chan: 0 } }, { k: 'env', step: { op: 'tasklet', chan: 0 } }] as Step[]) r.exec(s);
    expect(offered(r, (i) => new FreeBuf(i)).some((s) => s.k === 'call' && s.call.op === 'free_buf' && s.call.buf === 2)).toBe(true);
  });

  it('META-1: mixing metadata modes is drawn only after checking the other mode is supported', async () => {
    const setup = [
      call({ op: 'metadata_supported', chan: 0, mode: 'client' }),
      call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: INT_ACK }),
      call({ op: 'attach_metadata', desc: 1, len: 4 }),
    ];
    const r = await runAfter('misuse', setup);
    expect(offered(r, (i) => new MixMetadata(i))).toEqual([]);
    // Unchecked, the mix is META-2 (undefined); the missing check itself is only an advisory (META-1, issue 15).
    expect(verdictOf(await runAfter('misuse', setup), call({ op: 'get_metadata_ptr', desc: 1 }))).toMatch(/META-2/);
    r.exec(call({ op: 'metadata_supported', chan: 0, mode: 'engine' }));
    const [mix] = offered(r, (i) => new MixMetadata(i));
    expect(mix).toMatchObject({ k: 'call', call: { op: 'get_metadata_ptr', desc: 1 } });
    // Run as the misuse command: the model names META-2, as the command declares.
    new MixMetadata(0).run(r, r);
    expect(r.failure, r.failure && verdictLine(r.failure)).toBeUndefined();
    expect(r.undefinedSeen.map((v) => v.kind === 'undefined' && v.rule)).toContain('META-2');
  });

  it('DATA-4: teardown with data is misuse only while the data is still owed (not after terminate)', async () => {
    const setup = [
      call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 64 }], dir: 'MEM_TO_DEV', flags: INT_ACK }),
      call({ op: 'submit', desc: 1 }),
      call({ op: 'issue_pending', chan: 0 }),
      advance(4),
    ];
    const r = await runAfter('misuse', setup);
    expect(r.model?.chan(r.state, 0)?.periphBytes).toBeGreaterThan(0);
    expect(offered(r, (i) => new TeardownWithData(i))).not.toEqual([]);
    const chansOf = (xs: Step[]) => xs.map((s) => s.k === 'call' && 'chan' in s.call && s.call.chan);
    expect(chansOf(offered(r, (i) => new PeriphTeardown(i, 'process')))).not.toContain(0);
    r.exec(call({ op: 'terminate_sync', chan: 0 }));
    expect(r.model?.chan(r.state, 0)?.periphBytes).toBeGreaterThan(0);
    expect(offered(r, (i) => new TeardownWithData(i))).toEqual([]);
    // Abandoned data: the legal teardown is offered and the model accepts it.
    expect(chansOf(offered(r, (i) => new PeriphTeardown(i, 'process')))).toContain(0);
    r.exec(call({ op: 'periph_teardown', chan: 0 }));
    expect(r.failure, r.failure && verdictLine(r.failure)).toBeUndefined();
  });
});
