/**
 * Configuration and capability rules (CFG, CAPS). Fact sheet §1.2, §2.3, §2.4.
 * @public
 */
import type { BusWidth, Direction, EngineConfig, SlaveCaps, SlaveConfig, SlaveEntry } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

/**
 * CFG-1: configure the slave parameters before preparing descriptors that depend on them.
 * Source: CR §2.
 */
export const cfg1_configuredBeforePrep = (cx: Cx, configured: boolean): Fail | undefined =>
  client(cx, configured, 'CFG-1', 'prep before slave_config');

/**
 * CFG-2: a configuration affects only descriptors prepared afterwards (xfer width = width at prep).
 * Source: PR (device_config).
 */
export const cfg2_widthFromPrep = (cx: Cx, width: BusWidth, atPrep: BusWidth): Fail | undefined =>
  engine(cx, width === atPrep, 'CFG-2', 'xfer width differs from the config in force at prep');

/**
 * CFG-3: dmaengine_slave_config returns -ENOSYS without device_config, else 0 (or -EINVAL for a config the engine rejects).
 * Source: DH (dmaengine_slave_config).
 */
export function cfg3_configRets(e: EngineConfig, c: SlaveConfig): RetSpec {
  if (!e.caps.config) return { rule: 'CFG-3', msg: 'slave_config without device_config must return ENOSYS', alts: [{ t: 'err', e: ['ENOSYS'] }] };
  const okW = (w: BusWidth): boolean => w === 0 || e.addrWidths.includes(w);
  const valid = okW(c.srcAddrWidth) && okW(c.dstAddrWidth) && c.srcMaxburst <= e.maxBurst && c.dstMaxburst <= e.maxBurst;
  return valid
    ? { rule: 'CFG-3', msg: 'slave_config of a supported config must return 0', alts: [{ t: 'int', v: 0 }] }
    : { rule: 'CFG-3', msg: 'slave_config returns 0 or EINVAL', alts: [{ t: 'int', v: 0 }, { t: 'err', e: ['EINVAL'] }] };
}

/**
 * CFG-4: the prep direction is authoritative, not dma_slave_config.direction.
 * Source: CR §2; DH (struct dma_slave_config).
 */
export const cfg4_prepDirection = (cx: Cx, usedConfigDir: boolean): Fail | undefined =>
  engine(cx, !usedConfigDir, 'CFG-4', 'engine moved data in slave_config.direction, not the prep direction');

/**
 * CFG-5: MEM_TO_DEV uses the dst_* fields, DEV_TO_MEM the src_* fields; they must be set.
 * Source: DH (struct dma_slave_config).
 */
export const cfg5_deviceSideWidth = (cx: Cx, width: BusWidth, dir: Direction): Fail | undefined =>
  client(cx, width !== 0 || (dir !== 'MEM_TO_DEV' && dir !== 'DEV_TO_MEM'), 'CFG-5', 'device-side width not configured for this direction');

/**
 * CAPS-1/CAPS-2: dma_get_slave_caps fails with -ENXIO without DMA_SLAVE/DMA_CYCLIC or when directions is 0, else reports the device's caps; cmd_* mirror the ops.
 * Source: DC (dma_get_slave_caps).
 */
export function caps1_slaveCapsRets(e: EngineConfig, slave: SlaveEntry): RetSpec {
  // DMA_SLAVE is set by a slave_sg or dma_vec prep op; without it and without DMA_CYCLIC there is no slave channel.
  const slaveCap = e.caps.slaveSg || e.caps.dmaVec || e.caps.cyclic;
  if (!slaveCap) return { rule: 'CAPS-1', msg: 'get_slave_caps without DMA_SLAVE or DMA_CYCLIC must return ENXIO', alts: [{ t: 'err', e: ['ENXIO'] }] };
  if (slave.directions.length === 0) return { rule: 'CAPS-1', msg: 'get_slave_caps without directions must return ENXIO', alts: [{ t: 'err', e: ['ENXIO'] }] };
  // dma_get_slave_caps copies the device's fields (dmaengine.c): directions as declared (MEM_TO_MEM
  // included on bcm2835-dma), max_burst = EngineConfig.maxBurst (0 when the driver sets none).
  // min_burst and max_sg_burst are device fields the EngineConfig does not declare: capsEqual
  // (ret-spec.ts) leaves them out, so bcm2835-dma's min_burst 0 is accepted as any other value.
  const caps: SlaveCaps = {
    srcAddrWidths: e.addrWidths, dstAddrWidths: e.addrWidths, directions: slave.directions,
    minBurst: 1, maxBurst: e.maxBurst, maxSgBurst: 0, residueGranularity: e.residueGranularity,
    descriptorReuse: e.caps.descriptorReuse, cmdPause: e.caps.pause, cmdResume: e.caps.resume, cmdTerminate: e.caps.terminate,
  };
  return { rule: 'CAPS-1', msg: 'get_slave_caps reports caps different from the device', alts: [{ t: 'caps', caps }] };
}

/**
 * CAPS-2: cmd_pause, cmd_resume, cmd_terminate equal the presence of the ops.
 * Source: DC (dma_get_slave_caps).
 */
export const caps2_cmdFlags = (cx: Cx, got: SlaveCaps, e: EngineConfig): Fail | undefined =>
  engine(cx, got.cmdPause === e.caps.pause && got.cmdResume === e.caps.resume && got.cmdTerminate === e.caps.terminate,
    'CAPS-2', 'cmd_pause/cmd_resume/cmd_terminate differ from the device ops');

/**
 * CAPS-3: use resume only if cmd_resume is set (pause may exist without resume).
 * Source: DH (struct dma_slave_caps); pl330.c; pcm_dmaengine.c.
 */
export const caps3_resumeNeedsCap = (cx: Cx, capResume: boolean): Fail | undefined =>
  client(cx, capResume, 'CAPS-3', 'resume without cmd_resume');

/**
 * CAPS-4: with DESCRIPTOR granularity the residue is always 0 (interpret residue per granularity).
 * Source: DH (enum dma_residue_granularity).
 */
export const CAPS4_DESCRIPTOR_RESIDUE = 'CAPS-4';

/**
 * CAPS-5: use DMA_CTRL_REUSE only if caps.descriptor_reuse.
 * Source: DH (dmaengine_desc_set_reuse); PR (DMA_CTRL_REUSE).
 */
export const caps5_reuseNeedsCap = (cx: Cx, capReuse: boolean): Fail | undefined =>
  client(cx, capReuse, 'CAPS-5', 'DMA_CTRL_REUSE without caps.descriptor_reuse');
