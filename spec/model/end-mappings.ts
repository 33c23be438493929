/**
 * DATA-9, the client's end obligation for a whole program: every dma mapping was
 * unmapped (a buffer freed while mapped, or still mapped at the end, leaked it). Kept
 * apart from `Model.end`: generated sequences keep their probe mappings to the end on
 * purpose, a client program (check-client) must not.
 * Raises Undefined(DATA-9).
 * @public
 */
import type { StepResult } from '../api/index.ts';
import { data9_mappingReleased } from '../rules/data.ts';
import type { ModelState } from './state.ts';

/** DATA-9 at the end of a client program; names the first leaked buffer. @public */
export function endMappings(s: ModelState, index: number): StepResult<ModelState> {
  const leaked = s.bufs.find((b) => b.mapped !== 'no');
  const f = data9_mappingReleased({ cov: undefined }, leaked !== undefined);
  if (f === undefined || leaked === undefined) return { state: s };
  return { state: s, verdict: { kind: f.kind, rule: f.rule, step: index, msg: `${f.msg}: buffer ${leaked.id}${leaked.freed ? ' freed while mapped' : ''}` } };
}
