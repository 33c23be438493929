/**
 * A synchronous time bound on JavaScript of our own thread: `runTimed(ms, fn)` runs `fn`
 * inside a `vm` script with a `timeout`, so V8 interrupts it after `ms` even in an
 * endless loop (ERR_SCRIPT_EXECUTION_TIMEOUT), which no try/catch or timer can do.
 * The interrupted code gets no `catch` or `finally`: whatever it was doing is abandoned.
 * Each call starts a watchdog thread (tens of µs), so callers bound coarse units.
 * @internal
 */
import vm from 'node:vm';

/** What `runTimed` gives back: the value, or `timedOut` (the body was interrupted). @internal */
export type Timed<T> = { readonly timedOut: false; readonly value: T } | { readonly timedOut: true };

const slot: { fn: (() => unknown) | undefined; value: unknown } = { fn: undefined, value: undefined };
const context = vm.createContext({ run: () => { slot.value = (slot.fn as () => unknown)(); } });
const script = new vm.Script('run()', { filename: 'dmacheck-time-bound' });

/** Runs `fn` and interrupts it after `ms`; its own exceptions pass through. Nests. @internal */
export function runTimed<T>(ms: number, fn: () => T): Timed<T> {
  const outer = slot.fn;
  slot.fn = fn;
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) });
    return { timedOut: false, value: slot.value as T };
  } catch (e) {
    if (isTimeout(e)) return { timedOut: true };
    throw e;
  } finally {
    slot.fn = outer;
    slot.value = undefined;
  }
}

function isTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}
