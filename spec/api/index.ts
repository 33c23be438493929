/**
 * The public contract of dmacheck: vocabulary, configuration, adapter, traces,
 * verdicts and the model interface. Implementers import types from here.
 * @public
 */
export type * from './vocabulary.ts';
export type * from './config.ts';
export type * from './implementation.ts';
export type * from './trace.ts';
export type * from './model-api.ts';
export type * from './program.ts';
export * from './data.ts';
export { traceLine } from './trace.ts';
