/**
 * Kernel-log-like one-liners for calls, returns, events, callbacks and steps, used by
 * command `toString()` and the numbered counterexample trace.
 * @public
 */
import type {
  CallbackAction, CallbackInvocation, ClientCall, EngineEvent, EnvStep, PrepFlags, Ret, SgEntry, TraceEntry,
} from '../../spec/api/index.ts';
import type { Step } from '../lockstep/step.ts';

const FLAG_NAMES: readonly [number, string][] = [[1, 'INT'], [2, 'ACK'], [64, 'REUSE'], [256, 'REPEAT'], [512, 'LOAD_EOT']];

/** `INT|ACK` for prep flags. */
export function flagsText(f: PrepFlags): string {
  const names = FLAG_NAMES.filter(([bit]) => (f & bit) !== 0).map(([, n]) => n);
  return names.length ? names.join('|') : '0';
}

const sg = (es: readonly SgEntry[]): string => `[${es.map((e) => `b${e.buf}+${e.offset}:${e.len}`).join(', ')}]`;

/** The callback action as the client wrote it. */
export function actionText(a: CallbackAction): string {
  switch (a.kind) {
    case 'chain': return `chain(b${a.buf}, ${a.len}, ${a.dir})`;
    case 'seq': return `seq(${a.actions.map(actionText).join(', ')})`;
    case 'unmap': return `unmap(b${a.buf})`;
    default: return a.kind;
  }
}

/** `submit(d3)`. */
export function callText(c: ClientCall): string {
  switch (c.op) {
    case 'request_chan': return `request_chan("${c.name}")`;
    case 'slave_config': return `slave_config(ch${c.chan}, width ${c.cfg.srcAddrWidth}/${c.cfg.dstAddrWidth}, burst ${c.cfg.srcMaxburst}/${c.cfg.dstMaxburst})`;
    case 'alloc_buf': return `alloc_buf(b${c.buf}, ${c.len})`;
    case 'free_buf': case 'give_back': return `${c.op}(b${c.buf})`;
    case 'unmap_buf': return `unmap_buf(b${c.buf}${c.dev === undefined ? '' : `, ${c.dev}`})`;
    case 'request_channel': return `request_channel(${c.mask})`;
    case 'prep_memcpy': return `prep_memcpy(ch${c.chan}, d${c.desc}, b${c.dst.buf}+${c.dst.offset} <- b${c.src.buf}+${c.src.offset}, ${c.len}, ${flagsText(c.flags)})`;
    case 'map_buf': return `map_buf(ch${c.chan}, b${c.buf}, ${c.dev})`;
    case 'prep_slave_sg': return `prep_slave_sg(ch${c.chan}, d${c.desc}, ${sg(c.sgl)}, ${c.dir}, ${flagsText(c.flags)})`;
    case 'prep_dma_vec': return `prep_dma_vec(ch${c.chan}, d${c.desc}, ${sg(c.vecs)}, ${c.dir}, ${flagsText(c.flags)})`;
    case 'prep_cyclic': return `prep_cyclic(ch${c.chan}, d${c.desc}, b${c.buf}, ${c.bufLen}, period ${c.periodLen}, ${c.dir}, ${flagsText(c.flags)})`;
    case 'prep_interleaved': {
      const x = c.xt;
      return `prep_interleaved(ch${c.chan}, d${c.desc}, b${x.buf}+${x.offset} ${x.numf}x[${x.chunks.map((k) => `${k.size}/${k.icg}`).join(',')}], ${x.dir}, ${flagsText(c.flags)})`;
    }
    case 'set_callback': return `set_${c.fn}(d${c.desc}, ${actionText(c.action)})`;
    case 'set_reuse': case 'desc_free': case 'get_metadata_ptr': case 'submit': return `${c.op}(d${c.desc})`;
    case 'attach_metadata': case 'set_metadata_len': return `${c.op}(d${c.desc}, ${c.len})`;
    case 'access_metadata': return `access_metadata(d${c.desc}, ${c.write ? 'write' : 'read'})`;
    case 'metadata_supported': return `metadata_supported(ch${c.chan}, ${c.mode})`;
    case 'tx_status': return `tx_status(ch${c.chan}, cookie ${c.cookie}${c.withState ? ', &state' : ''})`;
    case 'is_tx_complete': return `is_tx_complete(ch${c.chan}, cookie ${c.cookie})`;
    case 'release_channel': case 'get_slave_caps': case 'issue_pending': case 'pause': case 'resume':
    case 'terminate_async': case 'terminate_sync': case 'terminate_all': case 'synchronize': case 'periph_enable':
      return `${c.op}(ch${c.chan})`;
    case 'periph_teardown': return `periph_teardown(ch${c.chan}${c.discard === true ? ', discard' : ''})`;
  }
}

/** `-> cookie 4`, `-> -EINVAL`, `-> NULL`; empty for void. */
export function retText(r: Ret): string {
  switch (r.t) {
    case 'void': return '';
    case 'int': return ` -> ${r.v}`;
    case 'err': return ` -> -${r.e}`;
    case 'null': return ' -> NULL';
    case 'ok': return ' -> ok';
    case 'bool': return ` -> ${r.v}`;
    case 'cookie': return ` -> cookie ${r.v}`;
    case 'status': {
      const st = r.st;
      const extra = st.residue !== undefined ? ` residue ${st.residue}` : '';
      const lu = st.last !== undefined ? ` last ${st.last} used ${st.used}` : '';
      return ` -> ${st.status}${extra}${lu}`;
    }
    case 'caps': return ` -> caps{${r.caps.directions.join('|')}, ${r.caps.residueGranularity}${r.caps.cmdPause ? ', pause' : ''}}`;
    case 'metaptr': return ` -> metaptr(len ${r.payloadLen}/${r.maxLen})`;
  }
}

/** `advance(8)`, `irq(ch0)`. */
export function envText(s: EnvStep): string {
  switch (s.op) {
    case 'advance': return `advance(${s.units})`;
    case 'irq': case 'tasklet': return `${s.op}(ch${s.chan})`;
    case 'drain': return `drain(ch${s.chan}, ${s.bytes})`;
  }
}

/** `complete d3 cookie 4 (ch0)`. */
export function eventText(e: EngineEvent): string {
  switch (e.ev) {
    case 'irq_raised': case 'tasklet_scheduled': return `${e.ev} ch${e.chan}`;
    case 'hw_start': case 'period': case 'meta_copied': case 'meta_fault': return `${e.ev} d${e.desc} (ch${e.chan})`;
    case 'xfer': return `xfer d${e.desc} [${e.offset}, ${e.offset + e.len}) sum ${e.sum.toString(16)} width ${e.width} (ch${e.chan})`;
    case 'periph_rx': return `periph_rx ch${e.chan} ${e.len} bytes sum ${e.sum.toString(16)}`;
    case 'periph_lost': return `periph_lost ch${e.chan} ${e.len} bytes`;
    case 'lock_splat': return `lock_splat ch${e.chan} ${e.why}`;
    case 'complete': return `complete d${e.desc} cookie ${e.cookie} (ch${e.chan})`;
    case 'desc_freed': return `desc_freed d${e.desc}${e.recycled ? ' (recycled)' : ''} (ch${e.chan})`;
    case 'dma_fault': return `dma_fault d${e.desc} b${e.buf} ${e.why} (ch${e.chan})`;
  }
}

/** `callback d3 [tasklet]`. */
export function cbText(c: CallbackInvocation): string {
  const res = c.result ? ` ${c.result} residue ${c.residue ?? 0}` : '';
  return `${c.fn}(d${c.desc}${c.period ? ', period' : ''}${res}) from ${c.ctx}${c.locksHeld ? ' with lock held' : ''} (ch${c.chan})`;
}

/** A top-level step with its return, e.g. `submit(d3) -> cookie 4`, `[atomic] pause(ch0) -> 0`. */
export function describeStep(s: Step, ret: Ret | undefined): string {
  if (s.k === 'env') return envText(s.step);
  const ctx = s.ctx === 'process' ? '' : `[${s.ctx}] `;
  return `${ctx}${callText(s.call)}${ret ? retText(ret) : ''}`;
}

/** One trace entry as text (without numbering or indentation). */
export function entryText(e: TraceEntry): string {
  switch (e.k) {
    case 'call': return `${e.ctx === 'process' ? '' : `[${e.ctx}] `}${callText(e.call)}`;
    case 'ret': return `ret${retText(e.ret) || ' (void)'}`;
    case 'env': return envText(e.step);
    case 'env_end': return 'end';
    case 'ev': return eventText(e.ev);
    case 'cb': return cbText(e.cb);
    case 'cb_ret': return 'callback returns';
  }
}
