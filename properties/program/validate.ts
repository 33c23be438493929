/**
 * Static checks of a client program beyond its schema: every id a step names was
 * introduced by an earlier step — a channel index by its request, a descriptor by its
 * prep, a buffer by its alloc_buf — and no descriptor id is prepared twice. A program that
 * breaks one is a bad program (exit 2, the JSON path in the message), not a client that
 * breaks a rule: at run time such steps would be skipped silently (docs/PROGRAM.md).
 * An `onTimeout` path counts as running where its wait is.
 * @public
 */
import type { CallbackAction, ClientProgram, ProgramCall, ProgramStep } from '../../spec/api/index.ts';

interface Known { chans: number; readonly descs: Set<number>; readonly bufs: Set<number> }

const PREPS = new Set<ProgramCall['op']>(['prep_slave_sg', 'prep_dma_vec', 'prep_cyclic', 'prep_interleaved', 'prep_memcpy']);

/** Buffers a call names (besides the one alloc_buf introduces). */
function bufsOf(c: ProgramCall): readonly [string, number][] {
  switch (c.op) {
    case 'map_buf': case 'unmap_buf': case 'free_buf': case 'give_back': return [['buf', c.buf]];
    case 'prep_slave_sg': return c.sgl.map((e, i) => [`sgl.${i}.buf`, e.buf]);
    case 'prep_dma_vec': return c.vecs.map((e, i) => [`vecs.${i}.buf`, e.buf]);
    case 'prep_cyclic': return [['buf', c.buf]];
    case 'prep_interleaved': return [['xt.buf', c.xt.buf]];
    case 'prep_memcpy': return [['src.buf', c.src.buf], ['dst.buf', c.dst.buf]];
    case 'set_callback': return actionBufs(c.action, 'action');
    default: return [];
  }
}

function actionBufs(a: CallbackAction, path: string): [string, number][] {
  switch (a.kind) {
    case 'chain': case 'unmap': return [[`${path}.buf`, a.buf]];
    case 'seq': return a.actions.flatMap((x, i) => actionBufs(x, `${path}.actions.${i}`));
    default: return [];
  }
}

/** The first problem of one call, as `path: reason`. */
function callProblem(c: ProgramCall, k: Known, at: string): string | undefined {
  if ('chan' in c && (c.chan < 0 || c.chan >= k.chans)) return `${at}.chan: channel ${c.chan} is not requested before this step (${k.chans} request(s) so far)`;
  for (const [p, b] of bufsOf(c)) if (!k.bufs.has(b)) return `${at}.${p}: buffer ${b} is not allocated before this step`;
  if ('desc' in c) {
    if (PREPS.has(c.op)) {
      if (k.descs.has(c.desc)) return `${at}.desc: descriptor ${c.desc} is prepared twice (ids are never reused)`;
    } else if (!k.descs.has(c.desc)) return `${at}.desc: descriptor ${c.desc} is not prepared before this step`;
  }
  return undefined;
}

function learn(c: ProgramCall, k: Known): void {
  if (c.op === 'request_chan' || c.op === 'request_channel') k.chans++;
  if (c.op === 'alloc_buf') k.bufs.add(c.buf);
  if (PREPS.has(c.op) && 'desc' in c) k.descs.add(c.desc);
}

function walk(steps: readonly ProgramStep[], k: Known, path: string): string | undefined {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const at = `${path}.${i}`;
    if ('do' in s) {
      const p = callProblem(s.do, k, `${at}.do`);
      if (p !== undefined) return p;
      learn(s.do, k);
    } else if ('wait' in s) {
      if (!k.descs.has(s.desc)) return `${at}.desc: descriptor ${s.desc} is not prepared before this wait`;
      const p = walk(s.onTimeout ?? [], k, `${at}.onTimeout`);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}

/** The first id a program names before introducing it, as `steps.4.do.chan: …`; undefined when none. @public */
export function programProblem(p: ClientProgram): string | undefined {
  return walk(p.steps, { chans: 0, descs: new Set(), bufs: new Set() }, 'steps');
}
