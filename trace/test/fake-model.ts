/**
 * A tiny stand-in model for the trace checker's own tests: it flags callbacks invoked
 * outside tasklet context (CB-1, engine) and submit from hardirq context (an invented
 * client rule), and at the end requires every `complete` to have had a `cb`.
 * @internal
 */
import type { Model } from '../../spec/api/model-api.ts';

interface S { readonly completed: number; readonly called: number }

export const fakeModel: Model<S> = {
  init: () => ({ completed: 0, called: 0 }),
  step: (s, e, index) => {
    if (e.k === 'cb' && e.cb.ctx !== 'tasklet') return { state: s, verdict: { kind: 'violation', rule: 'CB-1', step: index, msg: `callback from ${e.cb.ctx}` } };
    if (e.k === 'call' && e.call.op === 'submit' && e.ctx === 'hardirq') return { state: s, verdict: { kind: 'undefined', rule: 'TEST-1', step: index, msg: 'submit from hardirq' } };
    if (e.k === 'ev' && e.ev.ev === 'complete') return { state: { ...s, completed: s.completed + 1 } };
    if (e.k === 'cb') return { state: { ...s, called: s.called + 1 } };
    return { state: s };
  },
  end: (s, index) => (s.called < s.completed ? { state: s, verdict: { kind: 'violation', rule: 'CB-END', step: index, msg: 'completed without callback' } } : { state: s }),
  chan: () => undefined,
  desc: () => undefined,
  descsOf: () => [],
  buf: () => undefined,
  inCallback: () => undefined,
};
