/**
 * The client objects a step names (channels, buffers, descriptors) and the closure of a
 * drop: removing a channel removes every step that names it, the descriptors prepared
 * on it and the buffers mapped for it, and so on until nothing names a removed object.
 * Used by the last shrinking pass (minimize.ts) to drop whole channels and buffers of
 * the probe with everything that depends on them, and to drop a slave from the
 * configuration (renumbering the channels after it).
 * @public
 */
import type { BufId, CallbackAction, ChanId, ClientCall, DescId, Direction, EngineConfig, SgEntry } from '../../spec/api/index.ts';
import type { Step } from '../lockstep/step.ts';

/** The objects one step names; `defines` is the descriptor a prep creates. @public */
export interface Names {
  readonly chans: readonly ChanId[];
  readonly bufs: readonly BufId[];
  readonly descs: readonly DescId[];
  readonly defines?: DescId;
  /** request_chan names its channel by slave name. */
  readonly slave?: string;
}

function actionBufs(a: CallbackAction): BufId[] {
  switch (a.kind) {
    case 'chain': case 'unmap': return [a.buf];
    case 'seq': return a.actions.flatMap(actionBufs);
    default: return [];
  }
}

function callNames(c: ClientCall): Names {
  switch (c.op) {
    case 'request_chan': return { chans: [], bufs: [], descs: [], slave: c.name };
    case 'request_channel': return { chans: [], bufs: [], descs: [] };
    case 'alloc_buf': case 'free_buf': case 'unmap_buf': case 'give_back': return { chans: [], bufs: [c.buf], descs: [] };
    case 'map_buf': return { chans: [c.chan], bufs: [c.buf], descs: [] };
    case 'prep_slave_sg': return { chans: [c.chan], bufs: c.sgl.map((e) => e.buf), descs: [], defines: c.desc };
    case 'prep_dma_vec': return { chans: [c.chan], bufs: c.vecs.map((e) => e.buf), descs: [], defines: c.desc };
    case 'prep_cyclic': return { chans: [c.chan], bufs: [c.buf], descs: [], defines: c.desc };
    case 'prep_interleaved': return { chans: [c.chan], bufs: [c.xt.buf], descs: [], defines: c.desc };
    case 'prep_memcpy': return { chans: [c.chan], bufs: [c.src.buf, c.dst.buf], descs: [], defines: c.desc };
    case 'set_callback': return { chans: [], bufs: actionBufs(c.action), descs: [c.desc] };
    case 'set_reuse': case 'desc_free': case 'attach_metadata': case 'get_metadata_ptr': case 'set_metadata_len':
    case 'access_metadata': case 'submit':
      return { chans: [], bufs: [], descs: [c.desc] };
    case 'release_channel': case 'slave_config': case 'get_slave_caps': case 'metadata_supported': case 'issue_pending':
    case 'tx_status': case 'is_tx_complete': case 'pause': case 'resume': case 'terminate_async': case 'terminate_sync':
    case 'terminate_all': case 'synchronize': case 'periph_teardown': case 'periph_enable':
      return { chans: [c.chan], bufs: [], descs: [] };
  }
}

/** What `s` names. @public */
export function stepNames(s: Step): Names {
  if (s.k === 'call') return callNames(s.call);
  return s.step.op === 'advance' ? { chans: [], bufs: [], descs: [] } : { chans: [s.step.chan], bufs: [], descs: [] };
}

/** Objects to remove. @public */
export interface Drop {
  readonly chans?: readonly ChanId[];
  readonly bufs?: readonly BufId[];
  readonly descs?: readonly DescId[];
}

/**
 * The indices of the steps to remove with `drop`: every step naming a removed object,
 * the descriptors prepared by a removed step and the buffers mapped for a removed
 * channel join the removed objects, to a fixpoint. @public
 */
export function dropClosure(steps: readonly Step[], config: EngineConfig, drop: Drop): Set<number> {
  const chans = new Set(drop.chans ?? []);
  const bufs = new Set(drop.bufs ?? []);
  const descs = new Set(drop.descs ?? []);
  const slaves = new Set<string>();
  const gone = new Set<number>();
  const names = steps.map(stepNames);
  for (let grew = true; grew;) {
    grew = false;
    for (const ch of chans) { const n = config.slaves[ch]?.name; if (n !== undefined) slaves.add(n); }
    names.forEach((n, i) => {
      if (gone.has(i)) return;
      const hit = n.chans.some((c) => chans.has(c)) || n.bufs.some((b) => bufs.has(b)) || n.descs.some((d) => descs.has(d))
        || (n.defines !== undefined && descs.has(n.defines)) || (n.slave !== undefined && slaves.has(n.slave));
      if (!hit) return;
      gone.add(i);
      grew = true;
      if (n.defines !== undefined) descs.add(n.defines);
      const s = steps[i]!;
      if (s.k === 'call' && s.call.op === 'map_buf' && chans.has(s.call.chan)) bufs.add(s.call.buf);
    });
  }
  return gone;
}

/** Every channel, buffer and descriptor the steps name (the candidates for a whole-object drop). @public */
export function namedObjects(steps: readonly Step[], config: EngineConfig): { chans: ChanId[]; bufs: BufId[]; descs: DescId[] } {
  const chans = new Set<ChanId>();
  const bufs = new Set<BufId>();
  const descs = new Set<DescId>();
  for (const s of steps) {
    const n = stepNames(s);
    n.chans.forEach((c) => chans.add(c));
    n.bufs.forEach((b) => bufs.add(b));
    n.descs.forEach((d) => descs.add(d));
    if (n.defines !== undefined) descs.add(n.defines);
    if (n.slave !== undefined) { const i = config.slaves.findIndex((x) => x.name === n.slave); if (i >= 0) chans.add(i); }
  }
  const asc = (a: number, b: number) => a - b;
  return { chans: [...chans].sort(asc), bufs: [...bufs].sort(asc), descs: [...descs].sort(asc) };
}

function renumberCall(c: ClientCall, map: (ch: ChanId) => ChanId): ClientCall {
  return 'chan' in c ? { ...c, chan: map(c.chan) } : c;
}

/**
 * Remove slave `k` from the configuration when no step names it (not requested by name,
 * no `request_channel` that could pick it), the channels after it moving down by one.
 * Generated slave names follow their index (`chan0`, `chan1`, ...): those are renamed
 * with it, so `request_chan("chan0")` still hands out ch0. @public
 */
export function dropSlave(config: EngineConfig, steps: readonly Step[], k: ChanId): { config: EngineConfig; steps: Step[] } | undefined {
  const name = config.slaves[k]?.name;
  if (name === undefined || config.slaves.length <= 1) return undefined;
  const named = steps.some((s) => {
    const n = stepNames(s);
    return n.chans.includes(k) || n.slave === name || (s.k === 'call' && s.call.op === 'request_channel');
  });
  if (named) return undefined;
  const map = (ch: ChanId) => (ch > k ? ch - 1 : ch);
  const indexed = config.slaves.every((s, i) => s.name === `chan${i}`);
  const rename = (name: string): string => {
    const i = indexed ? config.slaves.findIndex((s) => s.name === name) : -1;
    return i > k ? `chan${i - 1}` : name;
  };
  const moved = steps.map((s): Step => {
    if (s.k === 'call') return { ...s, call: s.call.op === 'request_chan' ? { ...s.call, name: rename(s.call.name) } : renumberCall(s.call, map) };
    return s.step.op === 'advance' ? s : { k: 'env', step: { ...s.step, chan: map(s.step.chan) } };
  });
  const slaves = config.slaves.filter((_, i) => i !== k).map((s) => ({ ...s, name: rename(s.name) }));
  return { config: { ...config, slaves }, steps: moved };
}

/** Simpler callback actions for a `set_callback` step, simplest first (none; a `seq` without one of its parts). @public */
export function simplerActions(a: CallbackAction): CallbackAction[] {
  if (a.kind === 'none') return [];
  const out: CallbackAction[] = [{ kind: 'none' }];
  if (a.kind === 'seq') {
    a.actions.forEach((_, i) => {
      const rest = a.actions.filter((__, j) => j !== i);
      out.push(rest.length === 1 ? rest[0]! : { kind: 'seq', actions: rest });
    });
  }
  return out;
}

/**
 * Simpler forms of one call, simplest first: a cyclic, vector or interleaved prep as the
 * plain one-shot `prep_slave_sg` over the same bytes (the non-cyclic family first: its
 * rules name the cause, the cyclic ones restate them), REPEAT and LOAD_EOT flags
 * dropped, a cyclic ring of one period, shorter transfers. @public
 */
export function simplerCalls(c: ClientCall): ClientCall[] {
  const REPEAT_LOAD_EOT = 256 | 512;
  const out: ClientCall[] = [];
  const sg = (chan: ChanId, desc: DescId, sgl: readonly SgEntry[], dir: Direction, flags: number): ClientCall =>
    ({ op: 'prep_slave_sg', chan, desc, sgl, dir, flags: flags & ~REPEAT_LOAD_EOT });
  switch (c.op) {
    case 'prep_cyclic':
      out.push(sg(c.chan, c.desc, [{ buf: c.buf, offset: 0, len: c.periodLen }], c.dir, c.flags));
      if (c.bufLen > c.periodLen) out.push({ ...c, bufLen: c.periodLen });
      if (c.periodLen > 1 && c.periodLen % 2 === 0 && c.bufLen % 2 === 0) out.push({ ...c, bufLen: c.bufLen >> 1, periodLen: c.periodLen >> 1 });
      break;
    case 'prep_dma_vec':
      out.push(sg(c.chan, c.desc, c.vecs, c.dir, c.flags));
      break;
    case 'prep_interleaved': {
      const size = c.xt.chunks.reduce((s, k) => s + k.size, 0) * c.xt.numf;
      if (c.xt.dir !== 'MEM_TO_MEM') out.push(sg(c.chan, c.desc, [{ buf: c.xt.buf, offset: c.xt.offset, len: size }], c.xt.dir, c.flags));
      if ((c.flags & REPEAT_LOAD_EOT) !== 0) out.push({ ...c, flags: c.flags & ~REPEAT_LOAD_EOT });
      break;
    }
    case 'prep_slave_sg':
      if (c.sgl.length > 1) out.push({ ...c, sgl: [c.sgl[0]!] });
      if (c.sgl.some((e) => e.len > 1)) out.push({ ...c, sgl: c.sgl.map((e) => ({ ...e, len: Math.max(1, e.len >> 1) })) });
      break;
    default:
      break;
  }
  return out;
}
