/** Re-exports shared by the command modules. @internal */
export { DmaCommand } from './base.ts';
export type { Misuse } from './base.ts';
export { allDescs, busyBufs, bufsMappedTo, callbackBufs, chanViews, descsOn, heldChans, IN_FLIGHT, LIVE, pick } from './view.ts';
export { ctxArb } from './ctx.ts';
