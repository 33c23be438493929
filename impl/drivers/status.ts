/**
 * device_tx_status (bcm2835_dma_tx_status shape): dma_cookie_status first; for an
 * incomplete cookie the residue of *that* descriptor (STAT-6) at the configured
 * granularity: active = bytes left in the hardware, issued = its length, submitted = 0
 * (vchan_find_desc searches issued only, STAT-12). Paused channels report DMA_PAUSED.
 * @internal
 */
import type { Cookie, DmaStatus, TxState } from '../../spec/api/index.ts';
import { isComplete } from '../vchan/cookie.ts';
import type { SimDesc } from './sim-desc.ts';
import type { SimChan } from './sim-chan.ts';
import type { DriverState } from './state.ts';

export function txStatus(drv: DriverState, c: SimChan, cookie: Cookie, withState: boolean): TxState {
  const cfg = drv.host.cfg;
  const faults = drv.host.faults;
  const last = c.vc.completedCookie;
  const used = c.vc.cookie;
  if (cfg.caps.completionNoOrder) return stateOf('DMA_OUT_OF_ORDER', withState, last, used, 0); // idxd: cookie API invalid (CK-6)
  let status: DmaStatus = isComplete(cookie, last, used);
  if (faults.has('status-odd-cookie') && (cookie < 1 || (last <= used && cookie > used))) status = 'DMA_IN_PROGRESS';
  if (status === 'DMA_COMPLETE' || !withState) return stateOf(paused(c, status), withState, last, used, 0);
  c.vc.lock.acquire();
  const d = c.vc.findByCookie(cookie);
  // Mutant 'tx-status-leaks-lock': the not-found path returns early without the unlock (PROV-8).
  if (d === undefined && faults.has('tx-status-leaks-lock')) return stateOf(paused(c, status), true, last, used, 0);
  let residue = residueOf(drv, c, faults.has('residue-wrong-cookie') && c.current !== null ? c.current : d);
  if (faults.has('residue-growing') && d !== undefined) residue = d.drv.total - residue;
  if (cfg.residueGranularity === 'descriptor') residue = 0;
  c.vc.lock.release();
  return stateOf(paused(c, status), true, last, used, residue);
}

function paused(c: SimChan, status: DmaStatus): DmaStatus {
  return status === 'DMA_IN_PROGRESS' && c.paused ? 'DMA_PAUSED' : status;
}

/** Bytes of `d` not yet moved, as the hardware can tell at the configured granularity. */
function residueOf(drv: DriverState, c: SimChan, d: SimDesc | undefined): number {
  if (d === undefined) return 0;
  if (d === c.current) {
    return drv.host.cfg.residueGranularity === 'burst' ? c.hw.residueExact() : c.hw.residueSegments();
  }
  return d.list === c.vc.descIssued ? d.drv.total : 0;
}

function stateOf(status: DmaStatus, withState: boolean, last: Cookie, used: Cookie, residue: number): TxState {
  return withState ? { status, last, used, residue, inFlight: 0 } : { status };
}
