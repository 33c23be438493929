/**
 * The package entry for implementers and harness code: the contract types (so an
 * implementation written in TypeScript gets type checking), the data helpers of
 * docs/PROTOCOL.md §Data, and the adapters.
 * @public
 */
export type * from '../spec/api/index.ts';
export {
  DMA_CTRL_ACK, DMA_CTRL_REUSE, DMA_MIN_COOKIE, DMA_PREP_INTERRUPT, DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT,
  FNV_OFFSET, INT_MAX, fnv1a, fnvStep, memPatternByte, periphPatternByte,
} from '../spec/api/data.ts';
export { ImplError, isImplError } from './errors.ts';
export { resolveImplementation, type ResolveOptions } from './resolve.ts';
export { type BatchTrace, StdioImplementation, type StdioOptions } from './stdio/client.ts';
export { type InterpretedRun, type ProgramInterpreter, serveImplementation, type ServeOptions } from './stdio/server.ts';
export { splitCommandLine } from './stdio/split-command.ts';
export { EXT_BATCH, PROTOCOL_VERSION, type HarnessMsg, type ImplMsg } from './protocol/schema.ts';
