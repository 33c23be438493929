/**
 * Misuse programs: clients that break the API in known ways, run by
 * `kernel certify --misuse KIND|all` to prove that the real path can fail — each must
 * be judged `undefined` naming one of its rules from the trace the real kernel
 * recorded. The rule lists name what the model says today and the reserved id that
 * replaces it (SYNC-7 for new work between terminate_async and synchronize).
 * @public
 */
import type { ClientProgram, ProgramStep } from '../../spec/api/program.ts';

/** @public */
export const MISUSE_KINDS = [
  'issue-after-terminate-async', 'touch-after-submit', 'unmap-before-sync', 'mapping-leak', 'terminate-sync-atomic', 'callback-sleeps',
] as const;
/** @public */
export type MisuseKind = (typeof MISUSE_KINDS)[number];

const M2D = 'MEM_TO_DEV' as const;
const setup: readonly ProgramStep[] = [
  { do: { op: 'request_chan', name: 'c0' } },
  { do: { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } } },
  { do: { op: 'alloc_buf', buf: 0, len: 4096 } },
  { do: { op: 'map_buf', chan: 0, buf: 0, dev: 'dma' } },
];
const prep = (desc: number): ProgramStep => ({ do: { op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 0, offset: 0, len: 4096 }], dir: M2D, flags: 3 } });
const cleanup: readonly ProgramStep[] = [
  { do: { op: 'terminate_sync', chan: 0 } },
  { do: { op: 'unmap_buf', buf: 0 } },
  { do: { op: 'free_buf', buf: 0 } },
  { do: { op: 'release_channel', chan: 0 } },
];
const wait = (desc: number): ProgramStep => ({ wait: 'callback', desc, timeoutUs: 20_000, onTimeout: [{ do: { op: 'terminate_sync', chan: 0 } }] });

interface MisuseSpec { readonly rules: readonly string[]; readonly note: string; readonly steps: readonly ProgramStep[] }

const SPECS: Record<MisuseKind, MisuseSpec> = {
  'issue-after-terminate-async': {
    rules: ['SYNC-3', 'SYNC-7'],
    note: 'new work (prep, submit, issue_pending) between terminate_async and synchronize',
    steps: [
      ...setup, prep(1), { do: { op: 'submit', desc: 1 } }, { do: { op: 'issue_pending', chan: 0 } },
      { do: { op: 'terminate_async', chan: 0 } },
      prep(2), { do: { op: 'submit', desc: 2 } }, { do: { op: 'issue_pending', chan: 0 } },
      { do: { op: 'synchronize', chan: 0 } }, ...cleanup,
    ],
  },
  'touch-after-submit': {
    rules: ['DESC-3', 'DESC-5'],
    note: 'the callback is set on a descriptor after dmaengine_submit handed it to the engine',
    steps: [
      ...setup, prep(1), { do: { op: 'submit', desc: 1 } },
      { do: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } } },
      { do: { op: 'issue_pending', chan: 0 } }, wait(1), ...cleanup,
    ],
  },
  'unmap-before-sync': {
    rules: ['TERM-8', 'DATA-3', 'DESC-7'],
    note: 'the buffer is unmapped between terminate_async and synchronize',
    // QEMU finishes an issued transfer inside issue_pending, so d2 stays queued (submitted,
    // not issued) to be the work terminate_async throws away while its buffer is mapped.
    steps: [
      ...setup, prep(1), { do: { op: 'submit', desc: 1 } }, { do: { op: 'issue_pending', chan: 0 } },
      prep(2), { do: { op: 'submit', desc: 2 } },
      { do: { op: 'terminate_async', chan: 0 } }, { do: { op: 'unmap_buf', buf: 0 } },
      { do: { op: 'synchronize', chan: 0 } }, { do: { op: 'free_buf', buf: 0 } }, { do: { op: 'release_channel', chan: 0 } },
    ],
  },
  'mapping-leak': {
    rules: ['DATA-9'],
    note: 'the buffer is never unmapped: the program ends with its dma_map_single mapping still held',
    steps: [
      ...setup, prep(1), { do: { op: 'submit', desc: 1 } }, { do: { op: 'issue_pending', chan: 0 } },
      { do: { op: 'terminate_sync', chan: 0 } }, { do: { op: 'release_channel', chan: 0 } },
    ],
  },
  // The agent records the terminate_sync from atomic context and does not make it (it would
  // sleep with interrupts off): the trace ends inside that call.
  'terminate-sync-atomic': {
    rules: ['TERM-5'],
    note: 'work queued under a spinlock, then dmaengine_terminate_sync called with the lock still held',
    steps: [
      ...setup, { ...prep(1), ctx: 'atomic' }, { do: { op: 'submit', desc: 1 }, ctx: 'atomic' },
      { do: { op: 'issue_pending', chan: 0 }, ctx: 'atomic' }, { do: { op: 'terminate_sync', chan: 0 }, ctx: 'atomic' }, ...cleanup,
    ],
  },
  // Last in a batch: dmaengine_synchronize from the tasklet waits for the tasklet itself
  // (vchan_synchronize -> tasklet_kill), so the guest may hang after the call is recorded.
  'callback-sleeps': {
    rules: ['CB-6'],
    note: 'a completion callback calls dmaengine_synchronize, which sleeps (tasklet_kill) in softirq context',
    steps: [
      ...setup, prep(1), { do: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'synchronize' } } },
      { do: { op: 'submit', desc: 1 } }, { do: { op: 'issue_pending', chan: 0 } }, wait(1), ...cleanup,
    ],
  },
};

/** The misuse program of `kind`; `expect` names the rules that may judge it. @public */
export function misuseProgram(kind: MisuseKind): ClientProgram {
  const s = SPECS[kind];
  return {
    format: 'dmacheck-program/1', name: `misuse-${kind}`, steps: s.steps,
    slaves: [{ name: 'c0', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 }],
    source: { kernel: [], note: s.note },
    expect: { verdict: 'undefined', rules: s.rules },
  };
}

/** `all` or one kind → the programs, in the safe order of {@link MISUSE_KINDS}. @public */
export function misusePrograms(which: MisuseKind | 'all'): ClientProgram[] {
  return (which === 'all' ? MISUSE_KINDS : [which]).map(misuseProgram);
}

/** @public */
export function isMisuseKind(s: string): s is MisuseKind {
  return (MISUSE_KINDS as readonly string[]).includes(s);
}
