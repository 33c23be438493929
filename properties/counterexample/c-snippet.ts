/**
 * A trace as C-like dmaengine calls, so a kernel developer recognises the sequence:
 * `desc = dmaengine_prep_slave_sg(chan, ...); cookie = dmaengine_submit(desc); ...`.
 * Nested calls made by a callback appear inside a `/* callback ... *\/` block.
 * @public
 */
import type { ClientCall, Direction, Ret, TraceEntry } from '../../spec/api/index.ts';
import { actionText, flagsText } from './describe.ts';

const DIR: Record<Direction, string> = { MEM_TO_MEM: 'DMA_MEM_TO_MEM', MEM_TO_DEV: 'DMA_MEM_TO_DEV', DEV_TO_MEM: 'DMA_DEV_TO_MEM', DEV_TO_DEV: 'DMA_DEV_TO_DEV' };
const cflags = (f: number): string => flagsText(f).split('|').map((n) => ({ INT: 'DMA_PREP_INTERRUPT', ACK: 'DMA_CTRL_ACK', REUSE: 'DMA_CTRL_REUSE', REPEAT: 'DMA_PREP_REPEAT', LOAD_EOT: 'DMA_PREP_LOAD_EOT' })[n] ?? n).join(' | ');

function retComment(r: Ret | undefined): string {
  if (!r) return '';
  switch (r.t) {
    case 'int': return r.v === 0 ? '' : ` /* ${r.v} */`;
    case 'err': return ` /* -${r.e} */`;
    case 'null': return ' /* NULL */';
    case 'cookie': return ` /* ${r.v} */`;
    case 'bool': return ` /* ${r.v} */`;
    case 'status': return ` /* ${r.st.status}${r.st.residue !== undefined ? `, residue ${r.st.residue}` : ''} */`;
    default: return '';
  }
}

/** One C statement for a call. @public */
export function cCall(c: ClientCall, names: readonly string[] = []): string {
  switch (c.op) {
    case 'request_chan': { const i = names.indexOf(c.name); return `chan${i >= 0 ? i : ''} = dma_request_chan(dev, "${c.name}");`; }
    case 'release_channel': return `dma_release_channel(chan${c.chan});`;
    case 'slave_config': return `dmaengine_slave_config(chan${c.chan}, &(struct dma_slave_config){ .src_addr_width = ${c.cfg.srcAddrWidth}, .dst_addr_width = ${c.cfg.dstAddrWidth}, .src_maxburst = ${c.cfg.srcMaxburst}, .dst_maxburst = ${c.cfg.dstMaxburst} });`;
    case 'get_slave_caps': return `dma_get_slave_caps(chan${c.chan}, &caps);`;
    case 'alloc_buf': return `buf${c.buf} = kmalloc(${c.len}, GFP_KERNEL);`;
    case 'free_buf': return `kfree(buf${c.buf});`;
    case 'map_buf': return `dma${c.buf} = dma_map_single(${c.dev === 'dma' ? `dmaengine_get_dma_device(chan${c.chan})` : 'dev'}, buf${c.buf}, len, dir);`;
    case 'unmap_buf': return `dma_unmap_single(${c.dev === 'client' ? 'dev' : 'dmadev'}, dma${c.buf}, len, dir);`;
    case 'prep_slave_sg': return `d${c.desc} = dmaengine_prep_slave_sg(chan${c.chan}, sgl /* ${c.sgl.map((e) => `buf${e.buf}+${e.offset}:${e.len}`).join(', ')} */, ${c.sgl.length}, ${DIR[c.dir]}, ${cflags(c.flags)});`;
    case 'prep_dma_vec': return `d${c.desc} = dmaengine_prep_peripheral_dma_vec(chan${c.chan}, vecs /* ${c.vecs.map((e) => `buf${e.buf}+${e.offset}:${e.len}`).join(', ')} */, ${c.vecs.length}, ${DIR[c.dir]}, ${cflags(c.flags)});`;
    case 'prep_cyclic': return `d${c.desc} = dmaengine_prep_dma_cyclic(chan${c.chan}, dma${c.buf}, ${c.bufLen}, ${c.periodLen}, ${DIR[c.dir]}, ${cflags(c.flags)});`;
    case 'prep_interleaved': return `d${c.desc} = dmaengine_prep_interleaved_dma(chan${c.chan}, &xt /* buf${c.xt.buf}, ${c.xt.numf} frames, ${DIR[c.xt.dir]} */, ${cflags(c.flags)});`;
    case 'set_callback': return `d${c.desc}->${c.fn} = cb; /* does: ${actionText(c.action)} */`;
    case 'set_reuse': return `dmaengine_desc_set_reuse(d${c.desc});`;
    case 'desc_free': return `dmaengine_desc_free(d${c.desc});`;
    case 'metadata_supported': return `dmaengine_is_metadata_mode_supported(chan${c.chan}, DESC_METADATA_${c.mode.toUpperCase()});`;
    case 'attach_metadata': return `dmaengine_desc_attach_metadata(d${c.desc}, md, ${c.len});`;
    case 'get_metadata_ptr': return `md = dmaengine_desc_get_metadata_ptr(d${c.desc}, &payload_len, &max_len);`;
    case 'set_metadata_len': return `dmaengine_desc_set_metadata_len(d${c.desc}, ${c.len});`;
    case 'access_metadata': return c.write ? `memset(md, 0, max_len); /* d${c.desc} */` : `memcpy(out, md, payload_len); /* d${c.desc} */`;
    case 'submit': return `cookie = dmaengine_submit(d${c.desc});`;
    case 'issue_pending': return `dma_async_issue_pending(chan${c.chan});`;
    case 'tx_status': return `status = dmaengine_tx_status(chan${c.chan}, ${c.cookie}, ${c.withState ? '&state' : 'NULL'});`;
    case 'is_tx_complete': return `status = dma_async_is_tx_complete(chan${c.chan}, ${c.cookie}, &last, &used);`;
    case 'pause': return `dmaengine_pause(chan${c.chan});`;
    case 'resume': return `dmaengine_resume(chan${c.chan});`;
    case 'terminate_async': return `dmaengine_terminate_async(chan${c.chan});`;
    case 'terminate_sync': return `dmaengine_terminate_sync(chan${c.chan});`;
    case 'terminate_all': return `dmaengine_terminate_all(chan${c.chan});`;
    case 'synchronize': return `dmaengine_synchronize(chan${c.chan});`;
    case 'periph_teardown': return `periph_disable(periph${c.chan}); /* FIFO contents ${c.discard === true ? 'discarded on purpose' : 'lost'} */`;
    case 'request_channel': return `chan = dma_request_channel(mask /* DMA_${c.mask.toUpperCase()} */, NULL, NULL);`;
    case 'prep_memcpy': return `d${c.desc} = dmaengine_prep_dma_memcpy(chan${c.chan}, dma${c.dst.buf} + ${c.dst.offset}, dma${c.src.buf} + ${c.src.offset}, ${c.len}, ${cflags(c.flags)});`;
    case 'periph_enable': return `periph_enable(periph${c.chan});`;
    case 'give_back': return `complete_request(buf${c.buf}); /* still mapped */`;
  }
}

/** The C-like rendering of a whole trace (calls, environment steps as comments). @public */
export function cSnippet(trace: readonly TraceEntry[], names: readonly string[] = []): string {
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    const pad = '    '.repeat(depth);
    switch (e.k) {
      case 'call': {
        const ret = trace.slice(i + 1).find((x) => x.k === 'ret');
        const ctx = e.ctx === 'atomic' ? ' /* under spin_lock_irqsave */' : e.ctx === 'hardirq' ? ' /* in the IRQ handler */' : '';
        out.push(`${pad}${cCall(e.call, names)}${ret?.k === 'ret' ? retComment(ret.ret) : ''}${ctx}`);
        break;
      }
      case 'env': {
        const s = e.step;
        out.push(`${pad}/* ${s.op === 'advance' ? `hardware runs for ${s.units} units` : s.op === 'irq' ? `IRQ of chan${s.chan}` : s.op === 'tasklet' ? `tasklet of chan${s.chan} runs` : `peripheral of chan${s.chan} drains ${s.bytes} bytes`} */`);
        break;
      }
      case 'cb':
        out.push(`${pad}/* ${e.cb.fn}(d${e.cb.desc}) called from ${e.cb.ctx}${e.cb.locksHeld ? ' with the channel lock held' : ''}: */`);
        depth++;
        break;
      case 'cb_ret':
        depth = Math.max(0, depth - 1);
        break;
      default:
        break;
    }
  }
  return out.join('\n');
}
