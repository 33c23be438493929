/**
 * Expands a descriptor's {@link CallbackAction} into the nested calls its callback
 * makes (ctx `callback`). A careful client's own guards apply: it does not chain new
 * work on a channel it is stopping (that would make the later synchronize undefined,
 * SYNC-3) or releasing (CH-6), nor into a buffer it no longer has mapped (DATA-3), and it
 * reads ENGINE metadata only where its own check said the mode is supported (META-1; a
 * minimized counterexample may have lost the check step).
 * @internal
 */
import type { CallbackAction, CallbackInvocation } from '../../spec/api/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import type { ClientDesc } from './client.ts';
import type { Lockstep } from './runner.ts';

/** Run the action of `inv.desc`'s callback through `r`. @internal */
export function runCallbackAction(r: Lockstep, inv: CallbackInvocation): void {
  const cl = r.client;
  const d = cl.descs.get(inv.desc);
  const a = d?.action;
  if (!d || !a) return;
  runAction(r, inv, d, a);
}

function runAction(r: Lockstep, inv: CallbackInvocation, d: ClientDesc, a: CallbackAction): void {
  const cl = r.client;
  const chan = inv.chan;
  switch (a.kind) {
    case 'none':
      return;
    case 'chain': {
      const b = cl.bufs.get(a.buf);
      if (cl.stopping.has(chan) || cl.releasing.has(chan) || !cl.held.has(chan) || !b || b.mapped !== chan || a.len > b.len) return;
      const desc = cl.nextDesc++;
      const p = r.call({ op: 'prep_slave_sg', chan, desc, sgl: [{ buf: a.buf, offset: 0, len: a.len }], dir: a.dir, flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }, 'callback');
      if (p.t !== 'ok') return;
      r.call({ op: 'submit', desc }, 'callback');
      r.call({ op: 'issue_pending', chan }, 'callback');
      return;
    }
    case 'terminate_async':
      r.call({ op: 'terminate_async', chan }, 'callback');
      return;
    case 'synchronize':
      r.call({ op: 'synchronize', chan }, 'callback');
      return;
    case 'terminate_sync':
      r.call({ op: 'terminate_sync', chan }, 'callback');
      return;
    case 'read_metadata': {
      if (!cl.metaSupported(chan, 'engine')) return;
      const p = r.call({ op: 'get_metadata_ptr', desc: inv.desc }, 'callback');
      if (p.t === 'metaptr') r.call({ op: 'access_metadata', desc: inv.desc, write: false }, 'callback');
      return;
    }
    case 'tx_status':
      if (d.cookie > 0 && !r.config.caps.completionNoOrder) r.call({ op: 'tx_status', chan, cookie: d.cookie, withState: true }, 'callback');
      return;
    case 'resubmit_self':
      r.call({ op: 'submit', desc: inv.desc }, 'callback');
      return;
    case 'busy_wait_periph':
      // Spin until the peripheral sent everything on: the peripheral drains while the CPU waits.
      for (let n = cl.periphBytes.get(chan) ?? 0; n > 0 && !r.failure; n = cl.periphBytes.get(chan) ?? 0) r.env({ op: 'drain', chan, bytes: n });
      return;
    case 'seq':
      for (const x of a.actions) runAction(r, inv, d, x);
      return;
    case 'unmap':
      r.call({ op: 'unmap_buf', buf: a.buf }, 'callback');
      return;
  }
}
