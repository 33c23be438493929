/**
 * Counterexamples' public surface (package export `dmacheck/properties/counterexample`):
 * files, the numbered trace text, counts, the client as C, the replay codec.
 * @public
 */
export { COUNTEREXAMPLE_FORMAT, loadCounterexample, saveCounterexample, type CounterexampleFile, type Loaded } from './file.ts';
export { printedEntryCount, traceText } from './text.ts';
export { counterexampleCounts, countsText, type CounterexampleCounts } from './counts.ts';
export { cClient, cKunitFile, cModuleFile } from './c-client.ts';
export { decodeReplay, encodeReplay, type ReplayPoint } from './replay-codec.ts';
