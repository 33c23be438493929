/**
 * Encodes client programs into the agent's line format (kernel/README.md §Batch):
 *   P <index> <first id for descriptors chained by callbacks> <number of lines>
 *   c <op> <int>...      a call (op = OPS index; arguments per op below)
 *   a <op> <int>...      the same call made with a spinlock held, IRQs off (ctx atomic)
 *   h <op> <int>...      the same call made from a hard-IRQ handler (ctx hardirq)
 *   w <0 callback|1 complete> <desc> <count> <timeoutUs> <pollUs> <lines of onTimeout>
 *   s <us>
 * onTimeout steps follow their wait, flattened, so the agent runs a program as one
 * list: after a wait that did not time out it jumps over them. The flat list is kept
 * for the converter (a call record names its line).
 * @internal
 */
import type { SgEntry, SlaveConfig } from '../../spec/api/index.ts';
import type { ClientProgram, StepCtx } from '../../spec/api/program.ts';
import { ACTIONS, type AgentAction, type AgentCall, type AgentOp, type AgentStep, DIRECTIONS, MAX_BUFS, MAX_SEQ, MAX_SG, MAX_STEPS, OPS } from './agent-vocabulary.ts';

/** One line of the flattened program: the step it came from. */
export type FlatStep =
  | { readonly kind: 'call'; readonly call: AgentCall; readonly ctx: StepCtx | undefined }
  | { readonly kind: 'wait'; readonly wait: 'callback' | 'complete'; readonly desc: number }
  | { readonly kind: 'sleep'; readonly us: number };

export interface EncodedProgram {
  readonly text: string;
  readonly flat: readonly FlatStep[];
  /** Ids the agent gives descriptors that callbacks chain: firstChainDesc, +1, ... */
  readonly firstChainDesc: number;
}

export type EncodeResult = { readonly ok: true; readonly program: EncodedProgram } | { readonly ok: false; readonly reason: string };

class Unsupported extends Error {}

const dir = (d: string): number => {
  const i = DIRECTIONS.indexOf(d as (typeof DIRECTIONS)[number]);
  if (i < 0) throw new Unsupported(`unknown direction ${d}`);
  return i;
};

const op = (name: AgentOp): number => OPS.indexOf(name);

/** The line kind of a call step, by the context it is made from. */
const KIND: Readonly<Record<StepCtx | 'process', string>> = { process: 'c', atomic: 'a', hardirq: 'h' };

function sgl(entries: readonly SgEntry[]): number[] {
  if (entries.length === 0 || entries.length > MAX_SG) throw new Unsupported(`a scatterlist of ${entries.length} entries (the agent takes 1..${MAX_SG})`);
  return [entries.length, ...entries.flatMap((e) => [e.buf, e.offset, e.len])];
}

function config(c: SlaveConfig): number[] {
  return [c.direction === undefined ? -1 : dir(c.direction), c.srcAddrWidth, c.dstAddrWidth, c.srcMaxburst, c.dstMaxburst, c.deviceFc === undefined ? -1 : Number(c.deviceFc)];
}

/** Flattens an action into at most MAX_SEQ (kind, buf, len, dir) quadruples. */
function actions(a: AgentAction): number[][] {
  const one = (kind: (typeof ACTIONS)[number], buf = 0, len = 0, d = 0): number[][] => [[ACTIONS.indexOf(kind), buf, len, d]];
  switch (a.kind) {
    case 'none': case 'terminate_async': case 'synchronize': case 'terminate_sync':
    case 'read_metadata': case 'tx_status': case 'resubmit_self': case 'busy_wait_periph':
      return one(a.kind);
    case 'chain':
      return one('chain', a.buf, a.len, dir(a.dir));
    case 'unmap':
      return one('unmap', a.buf);
    case 'seq': {
      const all = a.actions.flatMap(actions);
      if (all.length > MAX_SEQ) throw new Unsupported(`a callback of ${all.length} actions (the agent runs at most ${MAX_SEQ})`);
      return all;
    }
  }
}

function callArgs(c: AgentCall): number[] {
  switch (c.op) {
    case 'request_chan': return [];
    case 'request_channel': return [['slave', 'memcpy', 'cyclic'].indexOf(c.mask)];
    case 'release_channel': case 'get_slave_caps': case 'issue_pending': case 'pause': case 'resume':
    case 'terminate_async': case 'terminate_sync': case 'terminate_all': case 'synchronize':
    case 'periph_teardown': case 'periph_enable':
      return [c.chan];
    case 'slave_config': return [c.chan, ...config(c.cfg)];
    case 'alloc_buf': return [c.buf, c.len];
    case 'free_buf': case 'give_back': return [c.buf];
    case 'map_buf': return [c.chan, c.buf, c.dev === 'client' ? 1 : 0];
    case 'unmap_buf': return [c.buf, -1];
    case 'prep_slave_sg': return [c.chan, c.desc, dir(c.dir), c.flags, ...sgl(c.sgl)];
    case 'prep_cyclic': return [c.chan, c.desc, c.buf, c.bufLen, c.periodLen, dir(c.dir), c.flags];
    case 'prep_memcpy': return [c.chan, c.desc, c.dst.buf, c.dst.offset, c.src.buf, c.src.offset, c.len, c.flags];
    case 'set_callback': {
      const acts = actions(c.action);
      return [c.desc, c.fn === 'callback_result' ? 1 : 0, acts.length, ...acts.flat()];
    }
    case 'set_reuse': case 'desc_free': case 'submit': case 'get_metadata_ptr': return [c.desc];
    case 'tx_status': return 'desc' in c ? [c.chan, 1, c.desc, Number(c.withState)] : [c.chan, 0, c.cookie, Number(c.withState)];
    case 'is_tx_complete': return 'desc' in c ? [c.chan, 1, c.desc] : [c.chan, 0, c.cookie];
    case 'metadata_supported': return [c.chan, c.mode === 'engine' ? 1 : 0];
    case 'attach_metadata': case 'set_metadata_len': return [c.desc, c.len];
    case 'access_metadata': return [c.desc, Number(c.write)];
    case 'prep_dma_vec': throw new Unsupported('prep_dma_vec: Linux 6.1 has no dmaengine_prep_peripheral_dma_vec');
    case 'prep_interleaved': throw new Unsupported('prep_interleaved: bcm2835-dma has no device_prep_interleaved_dma');
  }
}

function checkBufs(c: AgentCall): void {
  if ('buf' in c && typeof c.buf === 'number' && (c.buf < 0 || c.buf >= MAX_BUFS)) throw new Unsupported(`buffer id ${c.buf} (the agent has ids 0..${MAX_BUFS - 1})`);
}

function descIds(steps: readonly AgentStep[]): number[] {
  return steps.flatMap((s) => {
    if ('do' in s) return 'desc' in s.do && typeof s.do.desc === 'number' ? [s.do.desc] : [];
    if ('wait' in s) return [s.desc, ...descIds(s.onTimeout ?? [])];
    return [];
  });
}

function flatten(steps: readonly AgentStep[], lines: string[], flat: FlatStep[]): void {
  for (const s of steps) {
    if ('do' in s) {
      checkBufs(s.do);
      const args = callArgs(s.do); // throws for the ops the agent lacks, so the op is an AgentOp
      lines.push(`${KIND[s.ctx ?? 'process']} ${[op(s.do.op as AgentOp), ...args].join(' ')}`);
      flat.push({ kind: 'call', call: s.do, ctx: s.ctx });
    } else if ('wait' in s) {
      const at = lines.length;
      lines.push('');
      flat.push({ kind: 'wait', wait: s.wait, desc: s.desc });
      flatten(s.onTimeout ?? [], lines, flat);
      const count = s.wait === 'callback' ? (s.count ?? 1) : 1;
      const poll = s.wait === 'complete' ? (s.pollUs ?? 100) : 0;
      lines[at] = `w ${s.wait === 'callback' ? 0 : 1} ${s.desc} ${count} ${s.timeoutUs} ${poll} ${lines.length - at - 1}`;
    } else {
      lines.push(`s ${s.sleep}`);
      flat.push({ kind: 'sleep', us: s.sleep });
    }
  }
}

/** Encodes one program as the `index`-th of its batch, or says why the agent cannot run it. */
export function encodeProgram(p: ClientProgram | { readonly steps: readonly AgentStep[] }, index: number): EncodeResult {
  try {
    const lines: string[] = [];
    const flat: FlatStep[] = [];
    flatten(p.steps, lines, flat);
    if (lines.length > MAX_STEPS) throw new Unsupported(`${lines.length} steps (the agent takes at most ${MAX_STEPS})`);
    const firstChainDesc = Math.max(0, ...descIds(p.steps)) + 1;
    const text = `P ${index} ${firstChainDesc} ${lines.length}\n${lines.map((l) => `${l}\n`).join('')}`;
    return { ok: true, program: { text, flat, firstChainDesc } };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.message };
    throw e;
  }
}
