/**
 * Prep-time validation and hardware program building for the four transfer modes.
 * Every failure is a NULL return (DESC-1): bad direction (DATA-6), empty lists, zero
 * or negative lengths, unknown buffers, ranges past a buffer's end, periods that do not
 * divide the buffer (CYC-2), sizes over maxTransferLen.
 * @internal
 */
import type { BusWidth, Direction, InterleavedTemplate, SgEntry, SlaveConfig } from '../../spec/api/index.ts';
import type { HwDir, HwLoop, HwSegment } from '../hw/job.ts';
import type { Memory } from '../hw/memory.ts';
import type { SimHw } from './sim-desc.ts';

/** What prep needs to know about the channel and engine. */
export interface PrepEnv {
  readonly memory: Memory;
  readonly directions: readonly Direction[];
  readonly config: SlaveConfig | null;
  readonly maxTransferLen: number;
  /** Fault 'prep-accepts-bad': skip the length and range checks. */
  readonly lax: boolean;
}

/** Upper bound on segments per descriptor, whatever the faults (keeps prep bounded). */
const MAX_SEGMENTS = 1_000_000;

function slaveDir(env: PrepEnv, dir: Direction): HwDir | null {
  if (dir !== 'MEM_TO_DEV' && dir !== 'DEV_TO_MEM') return null;
  return env.directions.includes(dir) ? dir : null;
}

function widthFor(env: PrepEnv, dir: HwDir): BusWidth {
  if (env.config === null || dir === 'MEM_TO_MEM') return 0;
  return dir === 'MEM_TO_DEV' ? env.config.dstAddrWidth : env.config.srcAddrWidth;
}

function isNat(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** A segment of an existing buffer, inside its bounds. */
function segmentOk(env: PrepEnv, s: HwSegment): boolean {
  if (typeof s.buf !== 'number') return false;
  const b = env.memory.get(s.buf);
  if (b === undefined || !isNat(s.offset) || !isNat(s.len)) return false;
  if (env.lax) return true;
  return s.len >= 1 && s.offset + s.len <= b.bytes.length;
}

function build(env: PrepEnv, kind: SimHw['kind'], dir: HwDir, segs: HwSegment[], loop: HwLoop, loadEot: boolean): SimHw | null {
  let total = 0;
  for (const s of segs) total += s.len;
  if (!env.lax && (segs.length === 0 || total > env.maxTransferLen)) return null;
  const meta = { clientLen: 0, enginePayload: 0, engineFreed: false };
  return { kind, dir, segs, total, loop, width: widthFor(env, dir), loadEot, meta, stage: 'prepared' };
}

/** device_prep_slave_sg / device_prep_peripheral_dma_vec. */
export function prepList(env: PrepEnv, kind: 'slave_sg' | 'dma_vec', list: readonly SgEntry[], dir: Direction, loadEot: boolean): SimHw | null {
  const d = slaveDir(env, dir);
  if (d === null || !Array.isArray(list)) return null;
  const segs: HwSegment[] = [];
  for (const e of list) {
    if (typeof e !== 'object' || e === null) return null;
    const s = { buf: e.buf, offset: e.offset, len: e.len };
    if (!segmentOk(env, s)) return null;
    segs.push(s);
  }
  return build(env, kind, d, segs, 'once', loadEot);
}

/** device_prep_dma_memcpy: a channel whose device has DMA_MEMCPY (MEM_TO_MEM among its directions). */
export function prepMemcpy(env: PrepEnv, dst: HwSegment, src: HwSegment): SimHw | null {
  if (!env.directions.includes('MEM_TO_MEM') || !segmentOk(env, src) || !segmentOk(env, dst) || src.len !== dst.len) return null;
  if (src.len > env.maxTransferLen) return null;
  const meta = { clientLen: 0, enginePayload: 0, engineFreed: false };
  return { kind: 'memcpy', dir: 'MEM_TO_MEM', segs: [src], total: src.len, loop: 'once', width: 0, loadEot: false, meta, dst, stage: 'prepared' };
}

/** device_prep_dma_cyclic: one segment per period. */
export function prepCyclic(env: PrepEnv, buf: number, bufLen: number, periodLen: number, dir: Direction): SimHw | null {
  const d = slaveDir(env, dir);
  if (d === null || !isNat(bufLen) || !isNat(periodLen) || periodLen === 0 || bufLen === 0) return null;
  if (bufLen % periodLen !== 0) return null;
  if (!segmentOk(env, { buf, offset: 0, len: bufLen })) return null;
  const segs: HwSegment[] = [];
  for (let at = 0; at < bufLen; at += periodLen) segs.push({ buf, offset: at, len: periodLen });
  if (bufLen > env.maxTransferLen) return null;
  return build(env, 'cyclic', d, segs, 'cyclic', false);
}

/** device_prep_interleaved_dma: `numf` frames of chunks, each chunk a segment. */
export function prepInterleaved(env: PrepEnv, xt: InterleavedTemplate, repeat: boolean, loadEot: boolean): SimHw | null {
  const d = slaveDir(env, xt.dir);
  if (d === null || !isNat(xt.numf) || xt.numf === 0 || !Array.isArray(xt.chunks) || xt.chunks.length === 0) return null;
  if (!isNat(xt.offset) || xt.numf * xt.chunks.length > MAX_SEGMENTS) return null;
  let frameBytes = 0;
  for (const c of xt.chunks) {
    if (typeof c !== 'object' || c === null) return null;
    if (!isNat(c.size) || !isNat(c.icg) || (c.size === 0 && !env.lax)) return null;
    frameBytes += c.size;
  }
  if (frameBytes * xt.numf > env.maxTransferLen && !env.lax) return null;
  const segs: HwSegment[] = [];
  let pos = xt.offset;
  for (let f = 0; f < xt.numf; f++) {
    for (const c of xt.chunks) {
      const s = { buf: xt.buf, offset: pos, len: c.size };
      if (!segmentOk(env, s)) return null;
      segs.push(s);
      pos += c.size + c.icg;
    }
  }
  return build(env, 'interleaved', d, segs, repeat ? 'repeat' : 'once', loadEot);
}
