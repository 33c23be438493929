/**
 * The engine side of the batch extension (`batch/1`, docs/PROTOCOL.md): runs a whole
 * client program against an implementation with no model — properties/program/run.ts's
 * runner with an empty schedule (the default progress: waits and sleeps let time pass,
 * pending interrupts and tasklets are delivered, peripherals drain) — and returns the
 * trace it recorded. The harness judges that trace like a recorded one (trace/check.ts).
 * `dmacheck serve` passes it to adapters/stdio/server.ts.
 * @public
 */
import type { InterpretedRun } from '../../adapters/stdio/server.ts';
import type { ClientProgram, EngineConfig, Implementation } from '../../spec/api/index.ts';
import { runProgram } from '../program/run.ts';

/**
 * The peripheral's speed, a deterministic function of the program's name: half the
 * programs drain as soon as bytes arrive, half only when the DMA stalls (a callback then
 * runs with data still in the FIFO; docs/PROGRAM.md, check-client's engine choices).
 */
export function fastPeripheralFor(name: string): boolean {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return (h & 1) === 0;
}

/** Run `program` on `impl` reset with `config`; the trace ends where the implementation threw. @public */
export function interpretProgram(impl: Implementation, config: EngineConfig, program: ClientProgram): InterpretedRun {
  const r = runProgram({ model: null, impl, program, config, schedule: [], fastPeripheral: fastPeripheralFor(program.name) });
  const v = r.verdict;
  if (v === undefined) return { entries: r.trace, ended: true };
  // Without a model the only verdict is the implementation's own failure (it threw, or nested callbacks too deep).
  return { entries: r.trace, ended: false, error: v.msg };
}
