/**
 * The executable reference model of the dmaengine slave API: a pure trace acceptor
 * implementing {@link Model} (spec/api/model-api.ts).
 * @public
 */
import type { Model } from '../api/index.ts';
import { end } from './end.ts';
import type { ModelState } from './state.ts';
import { step } from './step.ts';
import { initial } from './store.ts';
import { bufView, chanView, descsOf, descViewOf, inCallback } from './views.ts';

export type { ModelState } from './state.ts';
export { allowedRets } from './allowed.ts';
export type { Allowed, RetSpec, RetAlt, StatusSpec, StatusAlt, ResidueSpec } from '../rules/ret-spec.ts';
export { altText } from '../rules/ret-spec.ts';

/** The reference model. `step` never mutates its input. */
export const model: Model<ModelState> = {
  init: initial,
  step,
  end,
  chan: chanView,
  desc: descViewOf,
  descsOf,
  buf: bufView,
  inCallback,
};
