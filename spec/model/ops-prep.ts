/**
 * Handlers of the four prep calls. A successful prep creates a `prepared` descriptor
 * that captures the slave config in force (CFG-2) and its byte sequence (DESC-6).
 * Raises Undefined(CH-8, CFG-5, CAPS-5, DATA-1, DATA-2, DATA-7, CYC-2, DESC-5), Advisory(CFG-1, DESC-9),
 * Violation(DESC-1, DESC-17, DATA-6, CYC-6).
 * @internal
 */
import { DMA_CTRL_REUSE, DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../api/index.ts';
import type { BusWidth, ClientCall, Direction, DescKind, RuleId, SlaveConfig } from '../api/index.ts';
import { cfg1_configuredBeforePrep, cfg5_deviceSideWidth, caps5_reuseNeedsCap } from '../rules/config.ts';
import { cyc2_periodMultiple, CYC6_REPEAT_CAP } from '../rules/cyclic.ts';
import { data1_dmaDevice, data2_nonEmptyList, data7_vecLengths, DATA6_SLAVE_DIRECTION } from '../rules/data.ts';
import { desc17_resourcesComeBack, desc1_prepRets, desc5_noDerefAfterSubmit, desc9_ack } from '../rules/desc.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { heldChan } from './guards.ts';
import type { OpHandler } from './ops.ts';
import type { Chan, Desc, ModelState, PrepDone, Seg } from './state.ts';
import { bufOf, findDesc, putDesc, setChan } from './store.ts';
import { withChan } from './records.ts';

type PrepCall = Extract<ClientCall, { op: 'prep_slave_sg' | 'prep_dma_vec' | 'prep_cyclic' | 'prep_interleaved' }>;

interface PrepInfo {
  readonly kind: DescKind;
  readonly dir: Direction;
  readonly segs: readonly Seg[];
  readonly len: number;
  readonly periodLen: number;
}

function info(c: PrepCall): PrepInfo {
  const sum = (segs: readonly Seg[]): number => segs.reduce((a, g) => a + g.len, 0);
  switch (c.op) {
    case 'prep_slave_sg': return { kind: 'slave_sg', dir: c.dir, segs: c.sgl, len: sum(c.sgl), periodLen: 0 };
    case 'prep_dma_vec': return { kind: 'dma_vec', dir: c.dir, segs: c.vecs, len: sum(c.vecs), periodLen: 0 };
    case 'prep_cyclic': return { kind: 'cyclic', dir: c.dir, segs: [{ buf: c.buf, offset: 0, len: c.bufLen }], len: c.bufLen, periodLen: c.periodLen };
    case 'prep_interleaved': {
      const segs: Seg[] = [];
      let off = c.xt.offset;
      for (let f = 0; f < c.xt.numf; f++) {
        for (const k of c.xt.chunks) { segs.push({ buf: c.xt.buf, offset: off, len: k.size }); off += k.size + k.icg; }
      }
      return { kind: 'interleaved', dir: c.xt.dir, segs, len: sum(segs), periodLen: 0 };
    }
  }
}

/** Device-side bus width the config gives this direction (CFG-2, CFG-5). */
function widthFor(cfg: SlaveConfig | undefined, dir: Direction): BusWidth {
  if (cfg === undefined) return 0;
  return dir === 'MEM_TO_DEV' ? cfg.dstAddrWidth : dir === 'DEV_TO_MEM' ? cfg.srcAddrWidth : 0;
}

/** Every extent lies in a live mapped buffer (DATA-1; the mapping device is DATA-11, judged at map time). @internal */
export function buffersOk(cx: Cx, s: ModelState, segs: readonly Seg[]): Fail | undefined {
  for (const g of segs) {
    const b = bufOf(s, g.buf);
    const f = data1_dmaDevice(cx, b !== undefined && !b.freed && b.mapped !== 'no', 'buffer not mapped before prep')
      ?? data1_dmaDevice(cx, b !== undefined && g.offset >= 0 && g.offset + g.len <= b.len, 'extent outside its buffer');
    if (f !== undefined) return f;
  }
  return undefined;
}

/** Why the engine must refuse this prep, if it must (DESC-1, DATA-6, CYC-6). */
function invalidRule(s: ModelState, c: PrepCall, p: PrepInfo): RuleId | undefined {
  const caps = s.cfg.caps;
  const hasOp = c.op === 'prep_slave_sg' ? caps.slaveSg : c.op === 'prep_dma_vec' ? caps.dmaVec : c.op === 'prep_cyclic' ? caps.cyclic : caps.interleave;
  if (p.dir === 'MEM_TO_MEM') return DATA6_SLAVE_DIRECTION;
  if (c.op === 'prep_interleaved' && (c.flags & DMA_PREP_REPEAT) !== 0 && !caps.repeat) return CYC6_REPEAT_CAP;
  const slave = s.cfg.slaves[c.chan];
  if (!hasOp || slave === undefined || !slave.directions.includes(p.dir) || p.len <= 0 || p.len > s.cfg.maxTransferLen) return 'DESC-1';
  return undefined;
}

/** List entries, periods or chunks of a prep (what a driver turns into hardware descriptors). */
function entriesOf(c: PrepCall): number {
  switch (c.op) {
    case 'prep_slave_sg': return c.sgl.length;
    case 'prep_dma_vec': return c.vecs.length;
    case 'prep_cyclic': return c.periodLen > 0 ? Math.ceil(c.bufLen / c.periodLen) : 1;
    case 'prep_interleaved': return c.xt.chunks.length * c.xt.numf;
  }
}

function doneOf(c: PrepCall, p: PrepInfo): PrepDone {
  return { op: c.op, dir: p.dir, flags: c.flags, len: p.len, entries: entriesOf(c) };
}

/** `big` asks at least as much as `small`: same op, direction and flags, no fewer bytes or entries. */
function covers(big: PrepDone, small: PrepDone): boolean {
  return big.op === small.op && big.dir === small.dir && big.flags === small.flags && big.len >= small.len && big.entries >= small.entries;
}

/**
 * DESC-17 applies: no descriptor anywhere on the engine (every channel judged, none
 * poisoned) and an earlier success on this channel covers this prep.
 */
function mustSucceedAgain(s: ModelState, ch: Chan, now: PrepDone): boolean {
  if (!ch.preps.some((x) => covers(x, now))) return false;
  return s.chans.every((x) => x.descs.length === 0 && !x.poisoned);
}

/** The four prep calls. @internal */
export const prep: OpHandler<PrepCall> = {
  judge(cx, s, c) {
    const ch = heldChan(cx, s, c.chan);
    const p = info(c);
    const entries = c.op === 'prep_cyclic' ? 1 : entriesOf(c);
    const ub = ch.fail
      ?? desc5_noDerefAfterSubmit(cx, findDesc(s, c.desc) === undefined)
      ?? cfg1_configuredBeforePrep(cx, ch.ch?.cfg !== undefined)
      // CFG-5 judges a configuration the client gave; none at all is CFG-1 (advisory: BAM-DMA needs none).
      // A legacy slave_id: the controller's own request-line table supplies the widths (CFG-5 does not apply).
      ?? (ch.ch?.cfg === undefined || ch.ch.cfg.slaveId !== undefined ? undefined : cfg5_deviceSideWidth(cx, widthFor(ch.ch.cfg, p.dir), p.dir))
      ?? desc9_ack(cx, c.flags)
      ?? caps5_reuseNeedsCap(cx, (c.flags & DMA_CTRL_REUSE) === 0 || s.cfg.caps.descriptorReuse)
      ?? data2_nonEmptyList(cx, entries)
      ?? (c.op === 'prep_dma_vec' ? data7_vecLengths(cx, c.vecs.every((v) => v.len > 0)) : data2_nonEmptyList(cx, p.segs.every((g) => g.len > 0) ? 1 : 0))
      ?? (c.op === 'prep_cyclic' ? cyc2_periodMultiple(cx, c.bufLen, c.periodLen) : undefined)
      ?? buffersOk(cx, s, p.segs);
    const bad = invalidRule(s, c, p);
    const again = bad === undefined && ub === undefined && ch.ch !== undefined && mustSucceedAgain(s, ch.ch, doneOf(c, p));
    return { chan: c.chan, ub, spec: again ? desc17_resourcesComeBack(c.op === 'prep_interleaved') : desc1_prepRets(bad, c.op === 'prep_interleaved') };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch0 = s.chans[c.chan];
    if (ch0 === undefined || r.t !== 'ok') return { s };
    const p = info(c);
    const done = doneOf(c, p);
    // Remember the largest successes only (DESC-17 asks whether one covers a later prep).
    const ch = ch0.preps.some((x) => covers(x, done)) ? ch0 : withChan(ch0, { preps: [...ch0.preps.filter((x) => !covers(done, x)), done] });
    const d = preparedDesc({
      id: c.desc, chan: c.chan, kind: p.kind, dir: p.dir, len: p.len, segs: p.segs, periodLen: p.periodLen,
      flags: c.flags, width: widthFor(ch.cfg, p.dir), cfgDir: ch.cfg?.direction,
      cyclic: p.kind === 'cyclic', repeat: p.kind === 'interleaved' && (c.flags & DMA_PREP_REPEAT) !== 0 && s.cfg.caps.repeat,
    });
    return { s: setChan(s, putDesc(ch, d)) };
  },
};

/** What a prep decides about its descriptor; the rest starts the same for every prep. */
type PrepFields = Pick<Desc, 'id' | 'chan' | 'kind' | 'dir' | 'len' | 'segs' | 'periodLen' | 'flags' | 'width' | 'cfgDir' | 'cyclic' | 'repeat'>;

/** Metadata of a fresh descriptor (records are never mutated: one shared value). */
const NO_META: Desc['meta'] = { mode: 'none', ptr: 'none', copied: false };

/**
 * A freshly prepared descriptor (phase `prepared`, no callback, nothing moved). A literal in
 * the field order of {@link Desc} (as records.ts builds them): a spread of `p` gave the
 * descriptors another hidden class and cost a tenth of the model's time (bench/model.ts).
 * @internal
 */
export function preparedDesc(p: PrepFields): Desc {
  return {
    id: p.id, chan: p.chan, kind: p.kind, dir: p.dir, len: p.len, segs: p.segs, periodLen: p.periodLen, flags: p.flags,
    width: p.width, cfgDir: p.cfgDir, cyclic: p.cyclic, repeat: p.repeat, loadEot: (p.flags & DMA_PREP_LOAD_EOT) !== 0,
    eotSince: undefined, phase: 'prepared', seq: 0, cookie: 0, reuse: (p.flags & DMA_CTRL_REUSE) !== 0, hasCallback: false,
    hasCallbackResult: false, action: undefined, meta: NO_META, moved: 0, periodEvents: 0, periodCbPending: false,
    compOrder: 0, abortedFrom: undefined, calledBack: false,
  };
}
