/** A small engine configuration for the adapter and trace tests. @internal */
import type { EngineConfig } from '../../spec/api/config.ts';

export const TEST_CONFIG: EngineConfig = {
  slaves: [
    { name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 64 },
    { name: 'rx', directions: ['DEV_TO_MEM'], fifoDepth: 64 },
  ],
  caps: {
    config: true, pause: false, resume: false, terminate: true, synchronize: true, slaveSg: true, dmaVec: false,
    cyclic: false, interleave: false, repeat: false, loadEot: false, descriptorReuse: false, metadataClient: false,
    metadataEngine: false, completionNoOrder: false,
  },
  residueGranularity: 'burst',
  bytesPerUnit: 16,
  addrWidths: [1, 2, 4],
  maxBurst: 16,
  cookieInit: 1,
  maxTransferLen: 65536,
};
