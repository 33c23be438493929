/**
 * Engine configurations drawn per run, restricted by the implementation's
 * {@link CapabilityProfile}: features it lacks are switched off and never generated.
 * @public
 */
import fc from 'fast-check';
import type { BusWidth, CapabilityProfile, Direction, EngineCaps, EngineConfig, ResidueGranularity, SlaveEntry } from '../../spec/api/index.ts';
import { INT_MAX } from '../../spec/api/index.ts';

/** Caps an implementation with this profile has (all optional ops it declares). @public */
export function capsFor(p: CapabilityProfile): EngineCaps {
  return {
    config: true, pause: p.pause, resume: p.resume, terminate: p.terminate, synchronize: p.synchronize,
    slaveSg: p.slaveSg, dmaVec: p.dmaVec, cyclic: p.cyclic, interleave: p.interleave, repeat: p.repeat && p.interleave,
    loadEot: p.repeat && p.interleave, descriptorReuse: p.reuse, metadataClient: p.metadata, metadataEngine: p.metadata,
    completionNoOrder: false,
  };
}

const DEFAULT_SLAVES: readonly SlaveEntry[] = [
  { name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 64 },
  { name: 'rx', directions: ['DEV_TO_MEM'], fifoDepth: 64 },
];

/** The configuration used for implementations that cannot vary it. @public */
export function defaultConfig(p: CapabilityProfile): EngineConfig {
  return {
    slaves: DEFAULT_SLAVES.slice(0, p.multiChannel ? 2 : 1),
    caps: capsFor(p),
    residueGranularity: 'burst',
    bytesPerUnit: 4,
    addrWidths: [1, 2, 4],
    maxBurst: 16,
    cookieInit: 1,
    maxTransferLen: 65536,
  };
}

const DIRS: fc.Arbitrary<readonly Direction[]> = fc.constantFrom<readonly Direction[]>(['MEM_TO_DEV'], ['DEV_TO_MEM'], ['MEM_TO_DEV', 'DEV_TO_MEM']);

/** Per-run configurations: caps switches, granularity, bytesPerUnit, FIFO depths, cookieInit near INT_MAX sometimes. @public */
export function configArb(p: CapabilityProfile): fc.Arbitrary<EngineConfig> {
  if (!p.configurableCaps) return fc.constant(defaultConfig(p));
  const full = capsFor(p);
  // Each optional feature is on most of the time (so it is exercised) and off sometimes.
  const sw = (on: boolean) => (on ? fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }) : fc.constant(false));
  const caps: fc.Arbitrary<EngineCaps> = fc.record({
    // Without device_config slave_config gives -ENOSYS (CFG-3) and nothing can be prepared: rare.
    config: fc.oneof({ arbitrary: fc.constant(true), weight: 15 }, { arbitrary: fc.constant(false), weight: 1 }), pause: sw(full.pause), resume: sw(full.resume), terminate: sw(full.terminate), synchronize: sw(full.synchronize),
    slaveSg: sw(full.slaveSg), dmaVec: sw(full.dmaVec), cyclic: sw(full.cyclic), interleave: sw(full.interleave), repeat: sw(full.repeat),
    loadEot: sw(full.loadEot), descriptorReuse: sw(full.descriptorReuse), metadataClient: sw(full.metadataClient), metadataEngine: sw(full.metadataEngine),
    completionNoOrder: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
  }).map((c) => ({
    ...c,
    repeat: c.repeat && c.interleave,
    loadEot: c.loadEot && c.interleave,
    // A slave engine has DMA_SLAVE or DMA_CYCLIC, else dma_get_slave_caps fails (CAPS-1, PROV-3).
    slaveSg: c.slaveSg || (!c.cyclic && full.slaveSg),
  }));
  const slave = (i: number) => fc.record({ directions: DIRS, fifoDepth: fc.constantFrom(8, 32, 64, 256) }).map((s) => ({ name: `chan${i}`, ...s }));
  const slaves = fc.integer({ min: 1, max: p.multiChannel ? 3 : 1 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => slave(i))));
  // Counted down from INT_MAX so it shrinks to INT_MAX: the first submit wraps (CK-2).
  const cookieInit = p.cookieInit
    ? fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 4 }).map((k) => INT_MAX - k), weight: 1 })
    : fc.constant(1);
  // A small hardware descriptor pool sometimes (EngineChoices.descSlots): full pools return NULL, leaks show (DESC-17).
  const descSlots = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constantFrom(1, 2), weight: 1 });
  return fc.record({
    slaves,
    caps,
    residueGranularity: fc.constantFrom<ResidueGranularity>('descriptor', 'segment', 'burst'),
    bytesPerUnit: fc.constantFrom(1, 4, 16, 64),
    addrWidths: fc.constantFrom<readonly BusWidth[]>([1, 2, 4], [4], [1, 2, 4, 8]),
    maxBurst: fc.constantFrom(1, 8, 16),
    cookieInit,
    maxTransferLen: fc.constantFrom(65536, 256),
    descSlots,
  }).map(({ descSlots: n, ...cfg }): EngineConfig => (n === 0 ? cfg : { ...cfg, choices: { descSlots: n } }));
}
