/**
 * A program plan: the random choices behind one generated client program, drawn by
 * fast-check. build.ts turns a plan into a legal program; keeping the two apart keeps
 * the choices simple (plain records) and the legality rules in one pure function.
 * @public
 */
import fc from 'fast-check';

/** What a callback does (the subset bcm2835 under QEMU can run safely; CB-3, CB-5). @public */
export type PlanAction = 'none' | 'tx_status' | 'chain' | 'terminate_async';

/** One scatterlist entry: buffer index within its channel, offset and length in 4-byte words. @public */
export interface PlanSg { readonly buf: number; readonly offsetWords: number; readonly lenWords: number }

/** @public */
export interface PlanDesc {
  readonly dir: 'MEM_TO_DEV' | 'DEV_TO_MEM';
  readonly sg: readonly PlanSg[];
  /** Which callback pointer is set, if any (CB-7). */
  readonly cb: 'none' | 'callback' | 'callback_result';
  readonly action: PlanAction;
  /** DMA_PREP_INTERRUPT without a callback (with a callback it is always set, DESC-8). */
  readonly interrupt: boolean;
  readonly reuse: boolean;
  /** tx_status of the new cookie before issue_pending (IN_PROGRESS on virt-dma). */
  readonly statusBeforeIssue: boolean;
}

/**
 * How a round ends: `wait` for every callback (or poll the status of descriptors
 * without one), `sleep` and go on, or abort at once with terminate_sync or
 * terminate_async + synchronize.
 * @public
 */
export type PlanRoundEnd = 'wait' | 'sleep' | 'abort_sync' | 'abort_async';

/** @public */
export interface PlanRound {
  readonly chan: number;
  readonly descs: readonly PlanDesc[];
  readonly end: PlanRoundEnd;
  readonly sleepUs: number;
  readonly statusWithState: boolean;
  /** After the waits: hand a REUSE descriptor back with desc_free (else release does, DESC-14). */
  readonly freeReuse: boolean;
  /** A new slave_config before the round's preps (CFG-2), with this burst. */
  readonly reconfig: 0 | 1 | 2 | 4 | 8;
  /** Ask the status after the waits with dma_async_is_tx_complete instead of tx_status (STAT-10). */
  readonly isTxComplete: boolean;
  /** issue_pending once more after an aborting round, with nothing submitted (ISS-4). */
  readonly idleIssue: boolean;
  /** Status queries between terminate_async and synchronize (STAT-3: aborted cookies). */
  readonly statusWhileTerminating: boolean;
  /** issue_pending twice in a row (ISS-2: starting what is already started). */
  readonly doubleIssue: boolean;
  /**
   * Where the round queues its work (preps, callbacks, REUSE, submits, issue_pending) and,
   * when it aborts with terminate_async, terminates and asks the status: from process
   * context, with a spinlock held (`atomic`) or from a hard-IRQ handler (DESC-2, TERM-4).
   */
  readonly ctx: PlanCtx;
}

/** @public */
export type PlanCtx = 'process' | 'atomic' | 'hardirq';

/** @public */
export interface PlanChan {
  readonly burst: 1 | 2 | 4 | 8;
  readonly caps: boolean;
  /** Call dmaengine_pause once to record the driver's -ENOSYS (PAUSE-1). */
  readonly pauseProbe: boolean;
  /** Buffer lengths in 4-byte words. */
  readonly bufWords: readonly number[];
  /** End of program: terminate_sync, or terminate_async then synchronize. */
  readonly finish: 'sync' | 'async';
  /** Hand the buffers to their owner (give_back) after unmapping them, before freeing (DATA-10). */
  readonly giveBack: boolean;
  /** Fill the deprecated dma_slave_config.direction (CFG-4: the prep's direction counts). */
  readonly cfgDirection: 'none' | 'MEM_TO_DEV' | 'DEV_TO_MEM';
}

/** @public */
export interface ProgramPlan {
  readonly chans: readonly PlanChan[];
  readonly rounds: readonly PlanRound[];
  /**
   * The client keeps its channels at the end (a driver that stays bound): the recorded
   * run ends with them held, so the end-of-run obligations on held channels apply
   * (DESC-4, DESC-14); the agent releases them after the recording.
   */
  readonly keepChannels: boolean;
}

/** Mostly small, sometimes large: a transfer above 64 KiB spans several control blocks (bcm2835_dma_create_cb_chain). */
const words = (small: number, large: number): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: small }), weight: 9 }, { arbitrary: fc.integer({ min: small + 1, max: large }), weight: 1 });

const sgArb: fc.Arbitrary<PlanSg> = fc.record({
  buf: fc.nat({ max: 2 }), offsetWords: fc.nat({ max: 255 }), lenWords: words(256, 40_000),
});

const descArb: fc.Arbitrary<PlanDesc> = fc.record({
  dir: fc.constantFrom('MEM_TO_DEV' as const, 'DEV_TO_MEM' as const),
  sg: fc.array(sgArb, { minLength: 1, maxLength: 4 }),
  cb: fc.constantFrom('none' as const, 'callback' as const, 'callback' as const, 'callback_result' as const),
  action: fc.constantFrom<PlanAction>('none', 'none', 'tx_status', 'chain', 'terminate_async'),
  interrupt: fc.boolean(),
  reuse: fc.nat({ max: 3 }).map((n) => n === 0),
  statusBeforeIssue: fc.boolean(),
});

const roundArb: fc.Arbitrary<PlanRound> = fc.record({
  chan: fc.nat({ max: 2 }),
  descs: fc.array(descArb, { minLength: 1, maxLength: 3 }),
  end: fc.constantFrom<PlanRoundEnd>('wait', 'wait', 'wait', 'sleep', 'abort_sync', 'abort_async'),
  sleepUs: fc.integer({ min: 10, max: 300 }),
  statusWithState: fc.boolean(),
  freeReuse: fc.boolean(),
  reconfig: fc.constantFrom(0 as const, 0 as const, 0 as const, 1 as const, 2 as const, 4 as const, 8 as const),
  isTxComplete: fc.nat({ max: 3 }).map((n) => n === 0),
  idleIssue: fc.boolean(),
  statusWhileTerminating: fc.boolean(),
  doubleIssue: fc.nat({ max: 4 }).map((n) => n === 0),
  ctx: fc.constantFrom<PlanCtx>('process', 'process', 'atomic', 'hardirq'),
});

const chanArb: fc.Arbitrary<PlanChan> = fc.record({
  burst: fc.constantFrom(1 as const, 2 as const, 4 as const, 8 as const),
  caps: fc.boolean(),
  pauseProbe: fc.nat({ max: 9 }).map((n) => n === 0),
  bufWords: fc.array(words(1024, 40_000).map((w) => Math.max(16, w)), { minLength: 1, maxLength: 3 }),
  finish: fc.constantFrom('sync' as const, 'async' as const),
  giveBack: fc.boolean(),
  cfgDirection: fc.constantFrom('none' as const, 'none' as const, 'MEM_TO_DEV' as const, 'DEV_TO_MEM' as const),
});

/** Plans of 1–3 channels and 1–5 rounds of 1–3 descriptors each. @public */
export const planArb: fc.Arbitrary<ProgramPlan> = fc.record({
  chans: fc.array(chanArb, { minLength: 1, maxLength: 3 }),
  rounds: fc.array(roundArb, { minLength: 1, maxLength: 5 }),
  keepChannels: fc.nat({ max: 4 }).map((n) => n === 0),
});
