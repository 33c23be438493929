/**
 * The command contract shared by the lockstep properties and the fuzzer: one class per
 * API call or environment step, implementing fast-check's `Command`. `check` tests only
 * the model precondition (it cannot change the model: `Readonly`); `run` resolves the
 * symbolic arguments (choice indices) into a concrete {@link Step} and executes it in
 * lockstep; `toString` prints the call like a kernel log line (`submit(d3) -> cookie 4`).
 * @public
 */
import type fc from 'fast-check';
import { describeStep } from '../counterexample/describe.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Misuse, Step } from '../lockstep/step.ts';
import type { Ret } from '../../spec/api/index.ts';

export type { Misuse } from '../lockstep/step.ts';

/** A step a command ran besides its own, kept to be printed (the text is built only when printed). @internal */
export interface Shown { readonly s: Step; readonly ret: Ret | undefined }

/** Run `s` and keep it to be printed. @internal */
export function execShown(r: Lockstep, s: Step): Shown {
  return { s, ret: r.exec(s) };
}

/** `toString` of a command that ran `own` then `more`: the log lines joined with `; `. @internal */
export function shownText(own: string, more: readonly Shown[]): string {
  let t = own;
  for (const x of more) t += `; ${describeStep(x.s, x.ret)}`;
  return t;
}

/** @public */
export abstract class DmaCommand implements fc.Command<Lockstep, Lockstep> {
  /** The step run and its return, kept for `toString` (the text is built only when printed). */
  private ranStep: Step | undefined;
  private ranRet: Ret | undefined;
  /** The op name (call or env step) this command generates. */
  abstract readonly op: string;
  /** Model precondition: is there something legal to apply this command to? */
  abstract check(m: Readonly<Lockstep>): boolean;
  /** Concrete step for the current state (may allocate fresh descriptor/buffer ids). */
  abstract resolve(m: Lockstep): Step;
  /**
   * Does `check` read this command's arguments? Almost no precondition does (it asks
   * whether there is anything to act on), so one command of the kind answers for all:
   * the fuzzer asks before drawing arguments. Override where the answer depends on them.
   */
  checkReadsArgs(): boolean {
    return false;
  }
  /** Set on misuse commands. */
  misuse(_m: Readonly<Lockstep>, _s: Step): Misuse | undefined {
    return undefined;
  }

  run(_m: Lockstep, r: Lockstep): void {
    const s0 = this.resolve(r);
    const mu = this.misuse(r, s0);
    const s: Step = mu && s0.k === 'call' ? { ...s0, misuse: mu } : s0;
    this.ranStep = s;
    this.ranRet = undefined;
    this.ranRet = r.exec(s);
  }

  toString(): string {
    return this.ranStep === undefined ? `${this.op}(?)` : describeStep(this.ranStep, this.ranRet);
  }
}
