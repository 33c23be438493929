/**
 * A fixed command sequence exercising the slave_sg profile, with callbacks that make
 * nested (re-entrant) calls: used to compare an implementation in-process and over the
 * stdio protocol, and by bench/stdio.ts. The hooks are a tiny stand-in for the
 * lockstep runner: callbacks query their cookie's status and chain one more transfer.
 * @internal
 */
import type { EngineConfig } from '../../spec/api/config.ts';
import type { Implementation } from '../../spec/api/implementation.ts';
import type { ClientCall, EnvStep } from '../../spec/api/vocabulary.ts';

type Step = { readonly call: ClientCall } | { readonly env: EnvStep };

const setup: readonly ClientCall[] = [
  { op: 'request_chan', name: 'tx' },
  { op: 'request_chan', name: 'rx' },
  { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 8, dstMaxburst: 8 } },
  { op: 'slave_config', chan: 1, cfg: { srcAddrWidth: 2, dstAddrWidth: 2, srcMaxburst: 4, dstMaxburst: 4 } },
  { op: 'alloc_buf', buf: 1, len: 96 },
  { op: 'alloc_buf', buf: 2, len: 80 },
  { op: 'map_buf', chan: 0, buf: 1, dev: 'dma' },
  { op: 'map_buf', chan: 1, buf: 2, dev: 'dma' },
];

function transfer(chan: number, desc: number, buf: number, len: number, withCb: boolean): Step[] {
  const dir = chan === 0 ? 'MEM_TO_DEV' : 'DEV_TO_MEM';
  const steps: Step[] = [
    { call: { op: 'prep_slave_sg', chan, desc, sgl: [{ buf, offset: 0, len: len - 8 }, { buf, offset: len - 8, len: 8 }], dir, flags: 3 } },
  ];
  if (withCb) steps.push({ call: { op: 'set_callback', desc, fn: desc % 2 === 0 ? 'callback' : 'callback_result', action: { kind: 'tx_status' } } });
  steps.push({ call: { op: 'submit', desc } });
  return steps;
}

/** The sequence (top level). Descriptor ids 1..6; callbacks chain descriptors 100+. */
export function scriptSteps(): Step[] {
  return [
    ...setup.map((call) => ({ call })),
    ...transfer(0, 1, 1, 40, true),
    ...transfer(1, 2, 2, 32, true),
    ...transfer(0, 3, 1, 24, false),
    { call: { op: 'tx_status', chan: 0, cookie: 2, withState: true } },
    { call: { op: 'issue_pending', chan: 0 } },
    { call: { op: 'issue_pending', chan: 1 } },
    { env: { op: 'advance', units: 1 } },
    { call: { op: 'tx_status', chan: 0, cookie: 2, withState: true } },
    { env: { op: 'advance', units: 4 } },
    { env: { op: 'irq', chan: 0 } },
    { env: { op: 'irq', chan: 1 } },
    { env: { op: 'drain', chan: 0, bytes: 30 } },
    { env: { op: 'tasklet', chan: 0 } },
    { env: { op: 'tasklet', chan: 1 } },
    { env: { op: 'advance', units: 8 } },
    { env: { op: 'irq', chan: 0 } },
    { env: { op: 'irq', chan: 1 } },
    { env: { op: 'tasklet', chan: 0 } },
    { env: { op: 'tasklet', chan: 1 } },
    ...transfer(1, 4, 2, 64, true),
    { call: { op: 'issue_pending', chan: 1 } },
    { env: { op: 'advance', units: 2 } },
    { call: { op: 'terminate_async', chan: 1 } },
    { call: { op: 'synchronize', chan: 1 } },
    { env: { op: 'drain', chan: 0, bytes: 200 } },
    { call: { op: 'is_tx_complete', chan: 0, cookie: 3 } },
    { call: { op: 'terminate_sync', chan: 0 } }, // nothing outstanding at release (CH-7)
    { call: { op: 'release_channel', chan: 0 } },
    { call: { op: 'release_channel', chan: 1 } },
  ];
}

/** Runs the script once against `impl` with `config`; returns the number of top-level commands. */
export function runScript(impl: Implementation, config: EngineConfig): number {
  let chained = 100;
  impl.reset(config, {
    event: () => {},
    callback: (inv) => {
      if (inv.period) return;
      impl.call({ op: 'tx_status', chan: inv.chan, cookie: 2, withState: false }, 'callback');
      if (chained < 102) {
        const desc = chained++;
        impl.call({ op: 'prep_slave_sg', chan: inv.chan, desc, sgl: [{ buf: inv.chan + 1, offset: 0, len: 16 }], dir: inv.chan === 0 ? 'MEM_TO_DEV' : 'DEV_TO_MEM', flags: 3 }, 'callback');
        impl.call({ op: 'submit', desc }, 'callback');
        impl.call({ op: 'issue_pending', chan: inv.chan }, 'callback');
      }
    },
  });
  const steps = scriptSteps();
  for (const s of steps) {
    if ('call' in s) impl.call(s.call, 'process');
    else impl.env(s.env);
  }
  return steps.length;
}
