import { describe, expect, it } from 'vitest';
import type { TraceEntry, Verdict } from '../api/index.ts';
import { cbNone, P1, RUN, S, SI } from '../rules/cases-a.ts';
import { endMappings } from './end-mappings.ts';
import { call, config, NULL, OK, prepSg, runTrace, tasklet, VOID, ZERO } from './trace-builder.ts';

/** The first failing verdict of the entries themselves (end obligations aside: these traces stop early). */
function first(t: readonly TraceEntry[], cfg = config()): Verdict | undefined {
  const r = runTrace(cfg, t);
  return r.verdicts.find((v) => v.kind !== 'advisory' && v !== r.endVerdict);
}
const memcpyCfg = config({ slaves: [{ name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 64 }, { name: 'm2m', directions: ['MEM_TO_MEM'], fifoDepth: 0 }] });
const teardown = (discard?: true): TraceEntry[] =>
  call({ op: 'periph_teardown', chan: 0, ...(discard ? { discard } : {}) }, VOID, { ev: 'periph_lost', chan: 0, len: 16 });

describe('vocabulary of client programs (issue 15 item 5)', () => {
  it('periph_teardown with discard is an intentional abort: no DATA-4 for the bytes still in the FIFO', () => {
    const lost = [...S, ...P1, ...SI, ...RUN, ...tasklet(0, 1)];
    expect(first([...lost, ...teardown()])).toMatchObject({ kind: 'undefined', rule: 'DATA-4' });
    expect(first([...lost, ...teardown(true)])).toBeUndefined();
  });

  it('unmap_buf with another device than the mapping\'s is DATA-1; with the same one it is fine', () => {
    expect(first([...S, ...call({ op: 'unmap_buf', buf: 1, dev: 'client' }, VOID)])).toMatchObject({ kind: 'undefined', rule: 'DATA-1' });
    expect(first([...S, ...call({ op: 'unmap_buf', buf: 1, dev: 'dma' }, VOID)])).toBeUndefined();
  });

  it('request_channel hands out the first free capable channel, NULL when there is none (CH-4)', () => {
    const req = call({ op: 'request_channel', mask: 'memcpy' }, OK);
    expect(first(req, memcpyCfg)).toBeUndefined();
    expect(first([...req, ...call({ op: 'request_channel', mask: 'memcpy' }, NULL)], memcpyCfg)).toBeUndefined();
    expect(first([...req, ...call({ op: 'request_channel', mask: 'memcpy' }, OK)], memcpyCfg)).toMatchObject({ kind: 'violation', rule: 'CH-4' });
    expect(first(call({ op: 'request_channel', mask: 'memcpy' }, OK))).toMatchObject({ kind: 'violation', rule: 'CH-4' });
  });

  it('prep_memcpy needs the memcpy capability (DESC-1) and mapped buffers (DATA-1), not a slave config', () => {
    const bufs = [...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO), ...call({ op: 'alloc_buf', buf: 2, len: 64 }, ZERO)];
    const map = (chan: number) => [...call({ op: 'map_buf', chan, buf: 1, dev: 'dma' }, ZERO), ...call({ op: 'map_buf', chan, buf: 2, dev: 'dma' }, ZERO)];
    const memcpy = (chan: number) => ({ op: 'prep_memcpy', chan, desc: 1, dst: { buf: 2, offset: 0 }, src: { buf: 1, offset: 0 }, len: 64, flags: 3 }) as const;
    const onM2m = [...call({ op: 'request_chan', name: 'm2m' }, OK), ...bufs, ...map(1)];
    expect(first([...onM2m, ...call(memcpy(1), OK)], memcpyCfg)).toBeUndefined();
    const onTx = [...call({ op: 'request_chan', name: 'tx' }, OK), ...bufs, ...map(0)];
    expect(first([...onTx, ...call(memcpy(0), OK)], memcpyCfg)).toMatchObject({ kind: 'violation', rule: 'DESC-1' });
    const unmapped = [...call({ op: 'request_chan', name: 'm2m' }, OK), ...bufs, ...call({ op: 'map_buf', chan: 1, buf: 1, dev: 'dma' }, ZERO)];
    expect(first([...unmapped, ...call(memcpy(1), NULL)], memcpyCfg)).toMatchObject({ kind: 'undefined', rule: 'DATA-1' });
  });

  it('give_back of a DEV_TO_MEM buffer still mapped is DATA-10; after unmap it is fine', () => {
    const rx = [...S, ...prepSg(0, 1, 1, 16, 'DEV_TO_MEM'), ...cbNone(1), ...SI];
    expect(first([...rx, ...call({ op: 'give_back', buf: 1 }, VOID)])).toMatchObject({ kind: 'undefined', rule: 'DATA-10' });
    expect(first([...S, ...call({ op: 'unmap_buf', buf: 1 }, VOID), ...call({ op: 'give_back', buf: 1 }, VOID)])).toBeUndefined();
  });

  it('slave_config with a legacy slaveId takes its widths from the controller: no CFG-5 for undefined widths', () => {
    const cfg = (slaveId?: number) => call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 0, dstAddrWidth: 0, srcMaxburst: 1, dstMaxburst: 1, ...(slaveId === undefined ? {} : { slaveId }) } }, ZERO);
    const t = (slaveId?: number): TraceEntry[] => [...call({ op: 'request_chan', name: 'tx' }, OK), ...cfg(slaveId),
      ...call({ op: 'alloc_buf', buf: 1, len: 16 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }, ZERO), ...prepSg(0, 1, 1, 16)];
    expect(first(t())).toMatchObject({ kind: 'undefined', rule: 'CFG-5' });
    expect(first(t(7))).toBeUndefined();
  });

  it('DATA-9 at the end of a program: a buffer still mapped or freed while mapped; none once unmapped', () => {
    const end = (t: readonly TraceEntry[]) => endMappings(runTrace(config(), t).state, t.length).verdict;
    expect(end(S)).toMatchObject({ kind: 'undefined', rule: 'DATA-9' });
    expect(end([...S, ...call({ op: 'free_buf', buf: 1 }, VOID)])?.msg).toMatch(/freed while mapped/);
    expect(end([...S, ...call({ op: 'unmap_buf', buf: 1 }, VOID), ...call({ op: 'free_buf', buf: 1 }, VOID)])).toBeUndefined();
  });
});
