/**
 * Loads the reference model (spec/model/index.ts, export `model`). Imported by URL so
 * that the trace checker does not depend on the model's module at type-check time;
 * a missing or malformed module is an internal error, not a verdict.
 * @internal
 */
import { ownModule } from '../io/own-module.ts';
import type { Model } from '../spec/api/model-api.ts';

const MODEL_URL = ownModule('../spec/model/index.ts', import.meta.url).href;

/** @internal */
export async function loadModel(): Promise<Model<unknown>> {
  const mod = (await import(MODEL_URL)) as { model?: Partial<Model<unknown>> };
  const m = mod.model;
  if (!m || typeof m.init !== 'function' || typeof m.step !== 'function' || typeof m.end !== 'function') {
    throw new Error('spec/model/index.ts does not export a model');
  }
  return m as Model<unknown>;
}
