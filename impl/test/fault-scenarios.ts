/**
 * Short scenarios that together exercise every fault point; the faults test checks
 * that each fault changes the observable trace of at least one of them.
 * @internal
 */
import type { EngineCaps, EngineConfig } from '../../spec/api/index.ts';
import { ACK, INT, LOAD_EOT, REPEAT, REUSE, Rig, baseConfig } from './rig.ts';

export interface Scenario {
  readonly name: string;
  readonly cfg: EngineConfig;
  run(r: Rig): void;
}

const rx = (r: Rig, desc: number, off: number, len = 8): void => {
  r.call({ op: 'prep_slave_sg', chan: 1, desc, sgl: [{ buf: 1, offset: off, len }], dir: 'DEV_TO_MEM', flags: INT });
  r.call({ op: 'set_callback', desc, fn: desc % 2 === 0 ? 'callback_result' : 'callback', action: { kind: 'none' } });
  r.call({ op: 'submit', desc });
};

const status = (r: Rig, cookies: readonly number[]): void => {
  for (const cookie of cookies) r.call({ op: 'tx_status', chan: 1, cookie, withState: true });
};

const off = (caps: Partial<EngineCaps>): EngineConfig => baseConfig({}, caps);

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'queue',
    cfg: baseConfig(),
    run(r) {
      r.call({ op: 'request_chan', name: 'zz' });
      r.open('rx', 1, 1, 64);
      r.call({ op: 'request_chan', name: 'rx' });
      rx(r, 1, 0);
      status(r, [2]);
      rx(r, 2, 8);
      r.actions.set(1, (_i, rig) => rig.call({ op: 'tx_status', chan: 1, cookie: 2, withState: true }, 'callback'));
      r.actions.set(2, (_i, rig) => rig.call({ op: 'prep_slave_sg', chan: 1, desc: 9, sgl: [{ buf: 1, offset: 0, len: 4 }], dir: 'DEV_TO_MEM', flags: INT }, 'callback'));
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 1 });
      status(r, [2, 3, 0, -1, 99]);
      rx(r, 3, 16);
      r.env({ op: 'advance', units: 1 });
      r.env({ op: 'irq', chan: 1 });
      status(r, [2, 3, 4]);
      r.env({ op: 'advance', units: 1 });
      status(r, [3]);
      r.env({ op: 'tasklet', chan: 1 });
      r.env({ op: 'advance', units: 4 });
      r.service(1);
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 4 });
      r.service(1);
      status(r, [2, 3, 4]);
    },
  },
  {
    name: 'caps-off',
    cfg: off({ pause: false, resume: false, terminate: false, config: false, descriptorReuse: false }),
    run(r) {
      r.call({ op: 'request_chan', name: 'rx' });
      r.call({ op: 'alloc_buf', buf: 1, len: 8 });
      r.call({ op: 'get_slave_caps', chan: 1 });
      r.call({ op: 'slave_config', chan: 1, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } });
      r.call({ op: 'pause', chan: 1 });
      r.call({ op: 'resume', chan: 1 });
      r.call({ op: 'terminate_async', chan: 1 });
      r.call({ op: 'prep_slave_sg', chan: 1, desc: 1, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'DEV_TO_MEM', flags: INT });
      r.call({ op: 'desc_free', desc: 1 });
      r.call({ op: 'prep_slave_sg', chan: 1, desc: 2, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'DEV_TO_MEM', flags: INT });
      r.call({ op: 'set_reuse', desc: 2 });
      r.call({ op: 'desc_free', desc: 2 });
    },
  },
  {
    name: 'wrap',
    cfg: baseConfig({ cookieInit: 0x7fffffff - 1 }),
    run(r) {
      r.open('rx', 1, 1, 64);
      for (let d = 1; d <= 3; d++) rx(r, d, 0);
    },
  },
  {
    name: 'cyclic',
    cfg: baseConfig({ residueGranularity: 'segment' }),
    run(r) {
      r.open('rx', 1, 1, 64);
      r.call({ op: 'prep_cyclic', chan: 1, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'DEV_TO_MEM', flags: INT });
      r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
      r.call({ op: 'submit', desc: 1 });
      r.call({ op: 'issue_pending', chan: 1 });
      for (const units of [2, 4, 2, 8, 2]) {
        r.env({ op: 'advance', units });
        r.service(1);
        status(r, [2]);
      }
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'irq', chan: 1 });
      r.call({ op: 'release_channel', chan: 1 });
      r.env({ op: 'tasklet', chan: 1 });
    },
  },
  {
    name: 'terminate',
    cfg: baseConfig(),
    run(r) {
      r.open('rx', 1, 1, 64);
      for (let d = 1; d <= 4; d++) rx(r, d, (d - 1) * 8);
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'irq', chan: 1 }); // d1 completed, d2 active
      r.call({ op: 'synchronize', chan: 1 }); // runs d1's callback now
      r.env({ op: 'advance', units: 1 });
      r.call({ op: 'pause', chan: 1 });
      r.env({ op: 'advance', units: 4 });
      status(r, [3]);
      r.call({ op: 'resume', chan: 1 });
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'irq', chan: 1 }); // d2 done, d3 active
      r.call({ op: 'pause', chan: 1 });
      r.call({ op: 'terminate_async', chan: 1 });
      r.env({ op: 'tasklet', chan: 1 });
      r.call({ op: 'synchronize', chan: 1 });
      r.env({ op: 'advance', units: 8 });
      r.service(1);
      rx(r, 5, 0);
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 8 });
      r.service(1);
      rx(r, 6, 0);
      r.call({ op: 'pause', chan: 1 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.call({ op: 'resume', chan: 1 });
      r.env({ op: 'advance', units: 8 });
      r.service(1);
    },
  },
  {
    name: 'reuse+meta',
    cfg: baseConfig(),
    run(r) {
      r.open('duplex', 2, 1, 64);
      const prep = (desc: number, dir: 'MEM_TO_DEV' | 'DEV_TO_MEM'): void => {
        r.call({ op: 'prep_slave_sg', chan: 2, desc, sgl: [{ buf: 1, offset: 0, len: 8 }], dir, flags: INT });
        r.call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } });
      };
      prep(1, 'DEV_TO_MEM');
      r.call({ op: 'set_reuse', desc: 1 });
      r.call({ op: 'attach_metadata', desc: 1, len: 8 });
      r.call({ op: 'get_metadata_ptr', desc: 1 });
      r.call({ op: 'submit', desc: 1 });
      prep(2, 'DEV_TO_MEM');
      r.call({ op: 'submit', desc: 2 });
      r.actions.set(2, (_i, rig) => {
        rig.call({ op: 'get_metadata_ptr', desc: 2 }, 'callback');
        rig.call({ op: 'access_metadata', desc: 2, write: false }, 'callback');
      });
      r.call({ op: 'issue_pending', chan: 2 });
      for (let i = 0; i < 2; i++) {
        r.env({ op: 'advance', units: 2 });
        r.service(2);
      }
      r.call({ op: 'submit', desc: 1 });
    },
  },
  {
    name: 'repeat+config',
    cfg: off({ repeat: false }),
    run(r) {
      r.open('tx', 0, 1, 64);
      const xt = { dir: 'MEM_TO_DEV' as const, buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] };
      r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: INT | REPEAT });
      r.call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 1, offset: 0, len: 0 }, { buf: 1, offset: 0, len: 4 }], dir: 'MEM_TO_DEV', flags: INT });
      r.call({ op: 'prep_slave_sg', chan: 0, desc: 3, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: INT });
      r.call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 2, dstAddrWidth: 2, srcMaxburst: 1, dstMaxburst: 1 } });
      r.call({ op: 'submit', desc: 3 });
      r.call({ op: 'issue_pending', chan: 0 });
      r.env({ op: 'advance', units: 2 });
    },
  },
  {
    name: 'load-eot',
    cfg: baseConfig(),
    run(r) {
      r.open('tx', 0, 1, 64);
      const xt = { dir: 'MEM_TO_DEV' as const, buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] };
      r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: INT | REPEAT });
      r.call({ op: 'submit', desc: 1 });
      r.call({ op: 'issue_pending', chan: 0 });
      r.env({ op: 'advance', units: 1 });
      r.call({ op: 'prep_interleaved', chan: 0, desc: 2, xt, flags: INT | LOAD_EOT });
      r.call({ op: 'submit', desc: 2 });
      r.call({ op: 'issue_pending', chan: 0 });
      r.env({ op: 'drain', chan: 0, bytes: 16 });
      r.env({ op: 'advance', units: 4 });
      r.service(0);
    },
  },
  {
    // A period callback pending at terminate_async, then work prepared and submitted before synchronize (classes 17, 20, 23).
    name: 'after-terminate',
    cfg: baseConfig(),
    run(r) {
      r.open('rx', 1, 1, 64);
      r.call({ op: 'prep_cyclic', chan: 1, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'DEV_TO_MEM', flags: INT });
      r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
      r.call({ op: 'submit', desc: 1 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'irq', chan: 1 }); // period recorded, tasklet scheduled
      r.call({ op: 'terminate_async', chan: 1 });
      r.env({ op: 'tasklet', chan: 1 });
      rx(r, 3, 0);
      r.call({ op: 'synchronize', chan: 1 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 8 });
      r.service(1);
      status(r, [2, 3]);
      // a polled transfer (no DMA_PREP_INTERRUPT) still completes (class 14)
      r.call({ op: 'prep_slave_sg', chan: 1, desc: 4, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'DEV_TO_MEM', flags: 0 });
      r.call({ op: 'submit', desc: 4 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 8 });
      r.service(1);
      status(r, [4]);
    },
  },
  {
    // A two-slot descriptor pool (DESC-17), lock paths (PROV-8) and a second holder (CH-10).
    name: 'pool+locks+rerequest',
    cfg: baseConfig({ choices: { descSlots: 2 } }),
    run(r) {
      r.open('rx', 1, 1, 64);
      r.call({ op: 'terminate_async', chan: 1 }); // nothing to stop
      r.call({ op: 'synchronize', chan: 1 });
      const prep = (desc: number, flags = INT | ACK): void => {
        r.call({ op: 'prep_slave_sg', chan: 1, desc, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'DEV_TO_MEM', flags });
      };
      prep(1);
      prep(2);
      prep(3); // the pool is full: NULL
      r.call({ op: 'terminate_sync', chan: 1 }); // frees the two prepared ones
      prep(4, INT | ACK | REUSE);
      r.call({ op: 'set_reuse', desc: 4 });
      r.call({ op: 'submit', desc: 4 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 1 });
      r.call({ op: 'desc_free', desc: 4 }); // running: -EBUSY
      r.call({ op: 'terminate_sync', chan: 1 }); // the running one is aborted
      r.call({ op: 'tx_status', chan: 1, cookie: 2, withState: true });
      r.call({ op: 'desc_free', desc: 4 });
      prep(5);
      prep(6);
      r.call({ op: 'terminate_sync', chan: 1 });
      r.call({ op: 'pause', chan: 1 });
      r.call({ op: 'release_channel', chan: 1 });
      r.call({ op: 'request_chan', name: 'rx' });
      prep(7); // no slave config: the driver's default width
      r.call({ op: 'submit', desc: 7 });
      r.call({ op: 'issue_pending', chan: 1 });
      r.env({ op: 'advance', units: 4 });
      r.service(1);
    },
  },
];
