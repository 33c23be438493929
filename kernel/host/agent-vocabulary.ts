/**
 * What the agent runs: the program vocabulary (spec/api/program.ts), numbered as the
 * agent numbers it (kernel/agent/agent.h `enum agent_op`, `enum agent_action`): change
 * both together.
 * @internal
 */
import type { CallbackAction, Direction } from '../../spec/api/index.ts';
import type { ProgramCall, ProgramStep } from '../../spec/api/program.ts';

/** What the agent runs: a program's calls and callback actions (the vocabulary of spec/api). */
export type AgentCall = ProgramCall;
export type AgentAction = CallbackAction;
export type AgentStep = ProgramStep;

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
