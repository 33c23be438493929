/**
 * The command table: every client call and environment step of the vocabulary, with
 * the arbitrary that generates it, the rule groups it exercises (for focused
 * properties) and the capability it needs. Shared by properties/ and fuzz/.
 * @public
 */
import type fc from 'fast-check';
import type { CapabilityProfile } from '../../spec/api/index.ts';
import { accessMetadataArb } from './access-metadata.ts';
import { advanceArb } from './advance.ts';
import { allocBufArb } from './alloc-buf.ts';
import type { DmaCommand } from './base.ts';
import { descFreeArb } from './desc-free.ts';
import { drainArb } from './drain.ts';
import { finishAndReleaseArb } from './finish-and-release.ts';
import { freeBufArb } from './free-buf.ts';
import { giveBackArb } from './give-back.ts';
import { getMetadataPtrArb } from './get-metadata-ptr.ts';
import { getSlaveCapsArb } from './get-slave-caps.ts';
import { irqArb } from './irq.ts';
import { isTxCompleteArb } from './is-tx-complete.ts';
import { issuePendingArb } from './issue-pending.ts';
import { mapBufArb } from './map-buf.ts';
import { attachMetadataArb } from './attach-metadata.ts';
import { metadataSupportedArb } from './metadata-supported.ts';
import { pauseArb } from './pause.ts';
import { periphTeardownArb } from './periph-teardown.ts';
import { prepCyclicArb } from './prep-cyclic.ts';
import { prepDmaVecArb } from './prep-dma-vec.ts';
import { prepInterleavedArb } from './prep-interleaved.ts';
import { prepSlaveSgArb } from './prep-slave-sg.ts';
import { releaseChannelArb } from './release-channel.ts';
import { requestChanArb } from './request-chan.ts';
import { resumeArb } from './resume.ts';
import { setCallbackArb } from './set-callback.ts';
import { setMetadataLenArb } from './set-metadata-len.ts';
import { setReuseArb } from './set-reuse.ts';
import { slaveConfigArb } from './slave-config.ts';
import { submitArb } from './submit.ts';
import { synchronizeArb } from './synchronize.ts';
import { taskletArb } from './tasklet.ts';
import { terminateAsyncArb } from './terminate-async.ts';
import { terminateSyncArb } from './terminate-sync.ts';
import { txStatusArb } from './tx-status.ts';
import { unmapBufArb } from './unmap-buf.ts';

export { DmaCommand } from './base.ts';
export type { Misuse } from './base.ts';

/** One row of the table. @public */
export interface CommandSpec {
  readonly op: string;
  readonly arb: fc.Arbitrary<DmaCommand>;
  /** Base weight in mixed generation. */
  readonly weight: number;
  /** Rule groups whose clauses this command mostly exercises. */
  readonly groups: readonly string[];
  /** Capability the implementation must declare for this command to be generated. */
  readonly needs?: keyof CapabilityProfile;
}

/** Every call and environment step. @public */
export const COMMANDS: readonly CommandSpec[] = [
  { op: 'request_chan', arb: requestChanArb, weight: 3, groups: ['CH'] },
  { op: 'release_channel', arb: releaseChannelArb, weight: 1, groups: ['CH', 'SYNC'] },
  { op: 'finish_and_release', arb: finishAndReleaseArb, weight: 1, groups: ['CH', 'CB'] },
  { op: 'slave_config', arb: slaveConfigArb, weight: 3, groups: ['CFG'] },
  { op: 'get_slave_caps', arb: getSlaveCapsArb, weight: 1, groups: ['CAPS'] },
  { op: 'alloc_buf', arb: allocBufArb, weight: 3, groups: ['DATA'] },
  { op: 'free_buf', arb: freeBufArb, weight: 1, groups: ['DATA'] },
  { op: 'map_buf', arb: mapBufArb, weight: 3, groups: ['DATA'] },
  { op: 'unmap_buf', arb: unmapBufArb, weight: 1, groups: ['DATA'] },
  { op: 'give_back', arb: giveBackArb, weight: 1, groups: ['DATA'] },
  { op: 'prep_slave_sg', arb: prepSlaveSgArb, weight: 6, groups: ['DESC', 'DATA'], needs: 'slaveSg' },
  { op: 'prep_dma_vec', arb: prepDmaVecArb, weight: 2, groups: ['DESC', 'DATA'], needs: 'dmaVec' },
  { op: 'prep_cyclic', arb: prepCyclicArb, weight: 3, groups: ['CYC', 'CB', 'TERM'], needs: 'cyclic' },
  { op: 'prep_interleaved', arb: prepInterleavedArb, weight: 2, groups: ['CYC', 'DESC'], needs: 'interleave' },
  { op: 'set_callback', arb: setCallbackArb, weight: 4, groups: ['CB'], needs: 'callbacks' },
  { op: 'set_reuse', arb: setReuseArb, weight: 1, groups: ['DESC'], needs: 'reuse' },
  { op: 'desc_free', arb: descFreeArb, weight: 1, groups: ['DESC'] },
  { op: 'metadata_supported', arb: metadataSupportedArb, weight: 1, groups: ['META'] },
  { op: 'attach_metadata', arb: attachMetadataArb, weight: 1, groups: ['META'], needs: 'metadata' },
  { op: 'get_metadata_ptr', arb: getMetadataPtrArb, weight: 1, groups: ['META'], needs: 'metadata' },
  { op: 'set_metadata_len', arb: setMetadataLenArb, weight: 1, groups: ['META'], needs: 'metadata' },
  { op: 'access_metadata', arb: accessMetadataArb, weight: 1, groups: ['META'], needs: 'metadata' },
  { op: 'submit', arb: submitArb, weight: 6, groups: ['CK', 'SUB', 'DESC'] },
  { op: 'issue_pending', arb: issuePendingArb, weight: 5, groups: ['ISS'] },
  { op: 'tx_status', arb: txStatusArb, weight: 3, groups: ['STAT', 'CK'] },
  { op: 'is_tx_complete', arb: isTxCompleteArb, weight: 1, groups: ['STAT', 'CK'] },
  { op: 'pause', arb: pauseArb, weight: 2, groups: ['PAUSE'], needs: 'pause' },
  { op: 'resume', arb: resumeArb, weight: 2, groups: ['PAUSE'], needs: 'resume' },
  { op: 'terminate_async', arb: terminateAsyncArb, weight: 1, groups: ['TERM', 'SYNC', 'CYC'], needs: 'terminate' },
  { op: 'terminate_sync', arb: terminateSyncArb, weight: 1, groups: ['TERM', 'SYNC', 'CYC'], needs: 'terminate' },
  { op: 'synchronize', arb: synchronizeArb, weight: 1, groups: ['SYNC'], needs: 'synchronize' },
  { op: 'periph_teardown', arb: periphTeardownArb, weight: 1, groups: ['DATA'] },
  { op: 'advance', arb: advanceArb, weight: 7, groups: [] },
  { op: 'irq', arb: irqArb, weight: 5, groups: ['CB', 'STAT'] },
  { op: 'tasklet', arb: taskletArb, weight: 3, groups: ['CB'] },
  { op: 'drain', arb: drainArb, weight: 2, groups: ['DATA'] },
];
