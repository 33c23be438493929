/**
 * Handler: request_channel (dma_request_channel by capability mask). The core walks its
 * channels in order and hands out the first free one whose device has the capability
 * (drivers/dma/dmaengine.c (__dma_request_channel, private_candidate)); NULL when none.
 * Raises Undefined(CH-3, CB-6), Violation(CH-4: a channel when none was free, NULL when one was).
 * @internal
 */
import type { ClientCall, DmaCapMask, EngineConfig } from '../api/index.ts';
import { cb6_noSleepInCallback } from '../rules/callback.ts';
import { ch3_processContext } from '../rules/channel.ts';
import type { OpHandler } from './ops.ts';
import { takeChan } from './ops-channel.ts';
import type { ModelState } from './state.ts';
import { setChan } from './store.ts';

type Call = Extract<ClientCall, { op: 'request_channel' }>;

const SLAVE_DIRS = ['MEM_TO_DEV', 'DEV_TO_MEM', 'DEV_TO_DEV'] as const;

/** Does channel `chan` of `cfg` have the capability `mask` asks for? (memcpy: MEM_TO_MEM in its directions.) @public */
export function hasCapability(cfg: EngineConfig, chan: number, mask: DmaCapMask): boolean {
  const dirs = cfg.slaves[chan]?.directions ?? [];
  switch (mask) {
    case 'memcpy': return dirs.includes('MEM_TO_MEM');
    case 'slave': return SLAVE_DIRS.some((d) => dirs.includes(d));
    case 'cyclic': return cfg.caps.cyclic && SLAVE_DIRS.some((d) => dirs.includes(d));
  }
}

/** The channel dma_request_channel(mask) hands out: the first free capable one. @internal */
export function candidate(s: ModelState, mask: DmaCapMask): number | undefined {
  return s.chans.find((ch) => !ch.held && hasCapability(s.cfg, ch.id, mask))?.id;
}

/** request_channel: process context; the first free capable channel, or NULL. @internal */
export const requestChannel: OpHandler<Call> = {
  judge(cx, _s, _c, ctx) {
    const ch = candidate(_s, _c.mask);
    const ub = cb6_noSleepInCallback(cx, ctx) ?? ch3_processContext(cx, ctx);
    return {
      chan: ch, ub,
      spec: ch === undefined
        ? { rule: 'CH-4', msg: 'dma_request_channel with no free capable channel returns NULL', alts: [{ t: 'null' }] }
        : { rule: 'CH-4', msg: 'dma_request_channel hands out the first free capable channel', alts: [{ t: 'ok' }] },
    };
  },
  leave(_cx, s, c, _ctx, r) {
    const id = candidate(s, c.mask);
    const ch = id === undefined ? undefined : s.chans[id];
    return ch === undefined || r.t !== 'ok' ? { s } : { s: setChan(s, takeChan(ch)) };
  },
};
