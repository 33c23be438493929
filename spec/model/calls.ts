/**
 * Call dispatch: one handler per client op, bound to the call.
 * @internal
 */
import type { ClientCall, ClientOp } from '../api/index.ts';
import { allocBuf, freeBuf, mapBuf, periphTeardown, unmapBuf } from './ops-buf.ts';
import { getSlaveCaps, metadataSupported, releaseChannel, requestChan, slaveConfig } from './ops-channel.ts';
import { descFree, setCallback, setReuse, submit } from './ops-desc.ts';
import { issuePending, pause, resume } from './ops-issue.ts';
import { accessMetadata, attachMetadata, getMetadataPtr, setMetadataLen } from './ops-meta.ts';
import { prepMemcpy } from './ops-memcpy.ts';
import { giveBack, periphEnable } from './ops-periph.ts';
import { prep } from './ops-prep.ts';
import { requestChannel } from './ops-request-mask.ts';
import { txStatus } from './ops-status.ts';
import { synchronize, terminate } from './ops-terminate.ts';
import type { OpHandler } from './ops.ts';

/** One handler per client op; the mapped type makes the table exhaustive (a missing op does not compile). */
const HANDLERS: { readonly [K in ClientOp]: OpHandler<Extract<ClientCall, { op: K }>> } = {
  request_chan: requestChan, release_channel: releaseChannel, slave_config: slaveConfig, get_slave_caps: getSlaveCaps,
  alloc_buf: allocBuf, free_buf: freeBuf, map_buf: mapBuf, unmap_buf: unmapBuf,
  prep_slave_sg: prep, prep_dma_vec: prep, prep_cyclic: prep, prep_interleaved: prep,
  set_callback: setCallback, set_reuse: setReuse, desc_free: descFree,
  metadata_supported: metadataSupported, attach_metadata: attachMetadata, get_metadata_ptr: getMetadataPtr,
  set_metadata_len: setMetadataLen, access_metadata: accessMetadata,
  submit, issue_pending: issuePending, tx_status: txStatus, is_tx_complete: txStatus,
  pause, resume, terminate_async: terminate, terminate_sync: terminate, terminate_all: terminate,
  synchronize, periph_teardown: periphTeardown,
  request_channel: requestChannel, prep_memcpy: prepMemcpy, periph_enable: periphEnable, give_back: giveBack,
};

/**
 * The handler of call `c`. A table rather than a 36-arm match: this is the model's
 * hottest path; `HANDLERS[c.op]` is the handler of exactly `c`'s op, which the
 * compiler cannot correlate through the union, hence the widening.
 */
export function handlerOf(c: ClientCall): OpHandler<ClientCall> {
  return HANDLERS[c.op] as OpHandler<ClientCall>;
}
