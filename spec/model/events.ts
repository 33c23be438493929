/**
 * Engine event dispatch: the generic checks (which frame owns the event, is the
 * channel held / poisoned / the one the step names), then one arm per event kind.
 * Raises Violation(CH-6, ISS-1, ISS-3, DATA-8, and those of events-hw/events-misc).
 * @internal
 */
import type { EngineEvent } from '../api/index.ts';
import { ch6_quietAfterRelease } from '../rules/channel.ts';
import { data8_bytes } from '../rules/data.ts';
import { iss1_onlyIssuedStart, iss3_order } from '../rules/issue.ts';
import { prov8_lockBalanced } from '../rules/provider.ts';
import type { Cx } from '../rules/require.ts';
import { complete, dmaFault, hwStart, metaCopied, period, xfer } from './events-hw.ts';
import { descFreed, irqRaised, metaFault, periphLost, periphRx, taskletScheduled } from './events-misc.ts';
import { EV_BIT, inCall } from './frames.ts';
import type { Out } from './ops.ts';
import type { Chan, Frame, ModelState } from './state.ts';
import { withCall, withEnv } from './records.ts';
import { ownerIndex, setFrame } from './store.ts';

/** Does the owning frame allow events of channel `ch` at all? */
function frameFail(cx: Cx, fr: Frame, ch: Chan): Out['fail'] {
  if (fr.k === 'env') {
    const st = fr.step;
    if (st.op === 'advance') return undefined;
    if (st.op === 'drain') return data8_bytes(cx, st.chan === ch.id, 'peripheral event of a channel the drain step does not name');
    return iss3_order(cx, st.chan === ch.id && fr.live, 'interrupt or tasklet work without a pending interrupt/tasklet');
  }
  if (fr.k === 'call') return iss1_onlyIssuedStart(cx, fr.chan === ch.id, 'engine event on a channel the call does not name');
  return undefined;
}

type EvHandler<E extends EngineEvent> = (cx: Cx, s: ModelState, ch: Chan, e: E, fr: Frame) => Out & { readonly own?: boolean };

/** One arm per event kind; the mapped type makes the table exhaustive. */
const ON: { readonly [K in EngineEvent['ev']]: EvHandler<Extract<EngineEvent, { ev: K }>> } = {
  irq_raised: (cx, s, ch, _e, fr) => irqRaised(cx, s, ch, fr),
  tasklet_scheduled: (cx, s, ch, _e, fr) => taskletScheduled(cx, s, ch, fr),
  hw_start: hwStart,
  xfer,
  periph_rx: periphRx,
  periph_lost: periphLost,
  complete,
  period,
  meta_copied: (cx, s, ch, e) => metaCopied(cx, s, ch, e),
  desc_freed: descFreed,
  dma_fault: (cx, s, ch, e) => dmaFault(cx, s, ch, e),
  meta_fault: (cx, s) => metaFault(cx, s),
  // The engine's own lock debugging caught a lock bug on this channel (PROV-8).
  lock_splat: (cx, s, _ch, e) => ({ s, fail: prov8_lockBalanced(cx, false, e.why) }),
};

/** An `ev` entry: generic checks, then the arm of its kind. @internal */
export function onEvent(cx: Cx, s: ModelState, ev: EngineEvent): Out {
  const i = ownerIndex(s);
  if (i < 0) return { s, fail: iss1_onlyIssuedStart(cx, false, 'engine event outside any call or step') };
  const fr = s.stack[i]!;
  const ch = s.chans[ev.chan];
  if (ch === undefined) return { s, fail: ch6_quietAfterRelease(cx, false) };
  if (ch.poisoned || (fr.k === 'call' && fr.loose && fr.chan === ch.id)) return { s };
  // The peripheral is not the DMA controller: it may drain (or lose) its FIFO after release (CH-6).
  const periph = ev.ev === 'periph_rx' || ev.ev === 'periph_lost';
  const held = periph ? undefined : ch6_quietAfterRelease(cx, ch.held || inCall(fr, ch.id, 'release_channel'));
  // A lock splat is judged where it happens, whatever frame it comes from (PROV-8).
  const ff = ev.ev === 'lock_splat' ? undefined : held ?? frameFail(cx, fr, ch);
  // xfer and period are most of a trace: direct calls rather than the table's megamorphic one.
  const out: Out & { readonly own?: boolean } = ff !== undefined ? { s, fail: ff }
    : ev.ev === 'xfer' ? xfer(cx, s, ch, ev, fr)
      : ev.ev === 'period' ? period(cx, s, ch, ev, fr)
        : (ON[ev.ev] as EvHandler<EngineEvent>)(cx, s, ch, ev, fr);
  const nfr = out.s.stack[i] ?? fr;
  if (nfr.k === 'cb') return out;
  const evs = nfr.evs | EV_BIT[ev.ev];
  const freedOwn = nfr.k === 'call' && out.own === true && !nfr.descFreed;
  const rx = nfr.k === 'env' && ev.ev === 'periph_rx';
  // The common case (another xfer / period in the same advance) changes nothing in the frame.
  if (evs === nfr.evs && !freedOwn && !rx) return out;
  const patched: Frame = nfr.k === 'call' ? withCall(nfr, { evs, descFreed: nfr.descFreed || out.own === true })
    : withEnv(nfr, { evs, delivered: nfr.delivered + (ev.ev === 'periph_rx' ? ev.len : 0) });
  return { s: setFrame(out.s, i, patched), fail: out.fail, chan: out.chan, bug: out.bug };
}
