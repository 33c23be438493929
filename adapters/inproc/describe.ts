/**
 * One short phrase naming a request to an implementation, for the line that says it hung:
 * `call prep_slave_sg on chan 0`, `env irq on chan 1`, `reset`.
 * @internal
 */
import type { ClientCall, Ctx, EnvStep } from '../../spec/api/vocabulary.ts';

/** A request as the harness made it. @internal */
export type Request =
  | { readonly kind: 'reset' }
  | { readonly kind: 'call'; readonly call: ClientCall; readonly ctx: Ctx }
  | { readonly kind: 'env'; readonly step: EnvStep };

/** `call prep_slave_sg on chan 0 (from a callback)`. @internal */
export function describeRequest(r: Request): string {
  switch (r.kind) {
    case 'reset': return 'reset';
    case 'call': return `call ${r.call.op}${target(r.call)}${r.ctx === 'callback' ? ' (from a callback)' : ''}`;
    case 'env': return `env ${r.step.op}${target(r.step)}`;
  }
}

function target(x: ClientCall | EnvStep): string {
  if ('chan' in x && typeof x.chan === 'number') return ` on chan ${x.chan}`;
  if ('desc' in x && typeof x.desc === 'number') return ` on desc ${x.desc}`;
  return '';
}
