/** Re-exports shared by the command modules. @internal */
export { DmaCommand, shownText } from './base.ts';
export type { Misuse, Shown } from './base.ts';
export { allDescs, busyBufs, bufsMappedTo, callbackBufs, chanViews, descsOn, heldChans, IN_FLIGHT, LIVE, pick } from './view.ts';
export { ctxArb } from './ctx.ts';
