/**
 * Permission rules (DESC-2, STAT-7, CB-3): calls the API allows from any context. The
 * engine is held to the same return set there as in process context; a NULL or error
 * return the process-context rules would not allow, from a call made outside process
 * context, breaks the permission rule rather than the call's own rule.
 * @public
 */
import type { ClientOp, Ctx, RuleId } from '../api/index.ts';

const PREPS: ReadonlySet<ClientOp> = new Set<ClientOp>(['prep_slave_sg', 'prep_dma_vec', 'prep_cyclic', 'prep_interleaved']);

/**
 * The permission rule that a call of `op` from `ctx` relies on, if any.
 * CB-3: a completion callback may prep, submit and issue (CR §3 note).
 * DESC-2: prep from any context, including hard IRQ (provider.rst device_prep_dma_*).
 * STAT-7: tx_status / is_tx_complete from any context (provider.rst device_tx_status).
 */
export function permissionRule(op: ClientOp, ctx: Ctx): RuleId | undefined {
  if (ctx === 'process') return undefined;
  if (ctx === 'callback' && (PREPS.has(op) || op === 'submit' || op === 'issue_pending')) return 'CB-3';
  if (PREPS.has(op)) return 'DESC-2';
  return op === 'tx_status' || op === 'is_tx_complete' ? 'STAT-7' : undefined;
}
