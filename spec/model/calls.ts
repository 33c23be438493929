/**
 * Call dispatch: one arm per client op, each bound to its handler.
 * @internal
 */
import { match } from 'ts-pattern';
import type { ClientCall } from '../api/index.ts';
import { allocBuf, freeBuf, mapBuf, periphTeardown, unmapBuf } from './ops-buf.ts';
import { getSlaveCaps, metadataSupported, releaseChannel, requestChan, slaveConfig } from './ops-channel.ts';
import { descFree, setCallback, setReuse, submit } from './ops-desc.ts';
import { issuePending, pause, resume } from './ops-issue.ts';
import { accessMetadata, attachMetadata, getMetadataPtr, setMetadataLen } from './ops-meta.ts';
import { prep } from './ops-prep.ts';
import { txStatus } from './ops-status.ts';
import { synchronize, terminate } from './ops-terminate.ts';
import { bind, type Bound } from './ops.ts';

/** The handler of call `c`. */
export function handlerOf(c: ClientCall): Bound {
  return match(c)
    .with({ op: 'request_chan' }, (x) => bind(requestChan, x))
    .with({ op: 'release_channel' }, (x) => bind(releaseChannel, x))
    .with({ op: 'slave_config' }, (x) => bind(slaveConfig, x))
    .with({ op: 'get_slave_caps' }, (x) => bind(getSlaveCaps, x))
    .with({ op: 'alloc_buf' }, (x) => bind(allocBuf, x))
    .with({ op: 'free_buf' }, (x) => bind(freeBuf, x))
    .with({ op: 'map_buf' }, (x) => bind(mapBuf, x))
    .with({ op: 'unmap_buf' }, (x) => bind(unmapBuf, x))
    .with({ op: 'prep_slave_sg' }, (x) => bind(prep, x))
    .with({ op: 'prep_dma_vec' }, (x) => bind(prep, x))
    .with({ op: 'prep_cyclic' }, (x) => bind(prep, x))
    .with({ op: 'prep_interleaved' }, (x) => bind(prep, x))
    .with({ op: 'set_callback' }, (x) => bind(setCallback, x))
    .with({ op: 'set_reuse' }, (x) => bind(setReuse, x))
    .with({ op: 'desc_free' }, (x) => bind(descFree, x))
    .with({ op: 'metadata_supported' }, (x) => bind(metadataSupported, x))
    .with({ op: 'attach_metadata' }, (x) => bind(attachMetadata, x))
    .with({ op: 'get_metadata_ptr' }, (x) => bind(getMetadataPtr, x))
    .with({ op: 'set_metadata_len' }, (x) => bind(setMetadataLen, x))
    .with({ op: 'access_metadata' }, (x) => bind(accessMetadata, x))
    .with({ op: 'submit' }, (x) => bind(submit, x))
    .with({ op: 'issue_pending' }, (x) => bind(issuePending, x))
    .with({ op: 'tx_status' }, (x) => bind(txStatus, x))
    .with({ op: 'is_tx_complete' }, (x) => bind(txStatus, x))
    .with({ op: 'pause' }, (x) => bind(pause, x))
    .with({ op: 'resume' }, (x) => bind(resume, x))
    .with({ op: 'terminate_async' }, (x) => bind(terminate, x))
    .with({ op: 'terminate_sync' }, (x) => bind(terminate, x))
    .with({ op: 'terminate_all' }, (x) => bind(terminate, x))
    .with({ op: 'synchronize' }, (x) => bind(synchronize, x))
    .with({ op: 'periph_teardown' }, (x) => bind(periphTeardown, x))
    .exhaustive();
}
