/** Shared helpers of the end-to-end certify tests: run certify on an implementation spec. @internal */
import { resolveImplementation, type ResolveOptions } from '../../adapters/resolve.ts';
import type { Implementation, Model } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { certify, type CertifyOptions, type CertifyOutcome } from '../certify/certify.ts';

/** `bin/dmacheck.js`, for `--impl-cmd "node bin/dmacheck.js serve"` and CLI runs. */
export const BIN = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
/** The repository root (example paths are relative to it). */
export const ROOT = new URL('../../', import.meta.url).pathname;
/** A command line running node on `args` (quoted: paths may hold spaces). */
export const nodeCmd = (...args: string[]): string => [process.execPath, ...args].map((a) => `"${a}"`).join(' ');

let model: Model<unknown> | undefined;

/** Certify the implementation `which` with `runs` sequences and `seed`; disposes it. */
export async function certifyWith(which: ResolveOptions, runs: number, seed: number, extra: Partial<CertifyOptions> = {}): Promise<CertifyOutcome & { readonly impl: Implementation }> {
  model ??= await loadModel();
  const impl = await resolveImplementation(which);
  try {
    return { ...(await certify({ model, impl, seed, runs, version: 'test', ...extra })), impl };
  } finally {
    impl.dispose?.();
  }
}

/** Is a process with this pid still alive? */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
