/**
 * What the agent runs: the program vocabulary (spec/api/program.ts) plus the reserved
 * additions of HELPERS-BRIEF (request_channel, prep_memcpy, periph_enable, give_back;
 * busy_wait_periph, seq and unmap callback actions) so programs using them run before
 * and after those names land in spec/api. The numbering is the agent's (kernel/agent/agent.h
 * `enum agent_op`, `enum agent_action`): change both together.
 * @internal
 */
import type { BufId, CallbackAction, ChanId, DescId, Direction, PrepFlags } from '../../spec/api/index.ts';
import type { ProgramCall, ProgramStep } from '../../spec/api/program.ts';

/** Calls reserved in HELPERS-BRIEF §Vocabulary additions. */
export type ReservedCall =
  | { readonly op: 'request_channel'; readonly mask: 'slave' | 'memcpy' | 'cyclic' }
  | { readonly op: 'prep_memcpy'; readonly chan: ChanId; readonly desc: DescId; readonly dst: { readonly buf: BufId; readonly offset: number }; readonly src: { readonly buf: BufId; readonly offset: number }; readonly len: number; readonly flags: PrepFlags }
  | { readonly op: 'periph_enable'; readonly chan: ChanId }
  | { readonly op: 'give_back'; readonly buf: BufId }
  /** set_callback whose action may be one of the reserved actions. */
  | { readonly op: 'set_callback'; readonly desc: DescId; readonly fn: 'callback' | 'callback_result'; readonly action: AgentAction };

export type AgentCall = ProgramCall | ReservedCall;

export type AgentAction =
  | CallbackAction
  | { readonly kind: 'busy_wait_periph' }
  | { readonly kind: 'unmap'; readonly buf: BufId }
  | { readonly kind: 'seq'; readonly actions: readonly AgentAction[] };

/** A step as the agent sees it: a program step whose call may be a reserved one. */
export type AgentStep = ProgramStep | { readonly do: ReservedCall };

/** enum agent_op: index = the number on the wire. */
export const OPS = [
  'request_chan', 'request_channel', 'release_channel', 'slave_config',
  'get_slave_caps', 'alloc_buf', 'free_buf', 'map_buf', 'unmap_buf',
  'prep_slave_sg', 'prep_cyclic', 'prep_memcpy', 'set_callback',
  'set_reuse', 'desc_free', 'submit', 'issue_pending', 'tx_status',
  'is_tx_complete', 'pause', 'resume', 'terminate_async',
  'terminate_sync', 'terminate_all', 'synchronize', 'periph_teardown',
  'periph_enable', 'give_back', 'metadata_supported',
  'attach_metadata', 'get_metadata_ptr', 'set_metadata_len',
  'access_metadata',
] as const;
export type AgentOp = (typeof OPS)[number];

/** enum agent_action. */
export const ACTIONS = [
  'none', 'chain', 'terminate_async', 'synchronize', 'terminate_sync',
  'read_metadata', 'tx_status', 'resubmit_self', 'busy_wait_periph', 'unmap',
] as const;
export type AgentActionKind = (typeof ACTIONS)[number];

/** enum dma_transfer_direction. */
export const DIRECTIONS: readonly Direction[] = ['MEM_TO_MEM', 'MEM_TO_DEV', 'DEV_TO_MEM', 'DEV_TO_DEV'];

/** The agent runs at most this many actions per callback (AGENT_MAX_SEQ). */
export const MAX_SEQ = 4;
/** Scatterlist entries per prep (SG_MAX in exec.c). */
export const MAX_SG = 16;
/** Steps per program (AGENT_MAX_STEPS). */
export const MAX_STEPS = 1024;
/** Buffer ids are 0 .. MAX_BUFS-1 (AGENT_MAX_BUFS). */
export const MAX_BUFS = 64;
