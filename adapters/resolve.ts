/**
 * Turns the command line's `--impl <spec>` / `--impl-cmd <cmdline>` into an
 * `Implementation`: `builtin` (default), `mutant:<name>`, a module path (`./x.ts`,
 * `./x.js`: default export or named `createImplementation` factory), or an external
 * command speaking the stdio protocol. Bad input raises a one-line UsageError.
 * @public
 */
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../io/errors.ts';
import { ownModule } from '../io/own-module.ts';
import type { Implementation } from '../spec/api/implementation.ts';
import { ImplError } from './errors.ts';
import { GuardedImplementation } from './inproc/guard.ts';
import { loadBoundMs, watchLoad } from './inproc/load-watchdog.ts';
import { CapabilityProfileSchema, describeZodError } from '../spec/api/schema.ts';
import { SpawnError, StdioImplementation } from './stdio/client.ts';
import { CommandLineError, splitCommandLine } from './stdio/split-command.ts';

/** @public */
export interface ResolveOptions {
  readonly impl?: string | undefined;
  readonly implCmd?: string | undefined;
  /** Per-request timeout for `implCmd` and for a module path (ms, default 5000). */
  readonly timeoutMs?: number | undefined;
  /** Directory a relative module path or `implCmd` is taken from (default: the current one). */
  readonly cwd?: string | undefined;
}

const BUILTIN_MODULE = ownModule('../impl/index.ts', import.meta.url).href;
const MUTANTS_MODULE = ownModule('../impl/mutants/index.ts', import.meta.url).href;
const LIST_HINT = 'list them with: dmacheck mutants --list';
/** `--timeout` when not given: per request, for a command and for a module alike. */
const DEFAULT_TIMEOUT_MS = 5000;

/** Raises UsageError (bad spec, missing file or export, unknown mutant, command not found). @public */
export async function resolveImplementation(opts: ResolveOptions): Promise<Implementation> {
  if (opts.impl !== undefined && opts.implCmd !== undefined) throw new UsageError('give either --impl or --impl-cmd, not both');
  if (opts.implCmd !== undefined) return startCommand(opts.implCmd, opts.timeoutMs, opts.cwd);
  const spec = opts.impl ?? 'builtin';
  if (spec === 'builtin') return checked(callFactory(await importModule(BUILTIN_MODULE, 'the built-in engine'), 'createBuiltinEngine', []), 'builtin');
  if (spec.startsWith('mutant:')) return loadMutant(spec.slice('mutant:'.length));
  if (/[\\/]/.test(spec) || /\.(c|m)?[jt]s$/.test(spec)) return loadModule(spec, opts.cwd, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  throw new UsageError(`unknown --impl '${spec}': expected builtin, mutant:<name> or a path to a .ts/.js module`);
}

function startCommand(cmdline: string, timeoutMs: number | undefined, cwd: string | undefined): Implementation {
  let argv: string[];
  try {
    argv = splitCommandLine(cmdline);
  } catch (e) {
    if (e instanceof CommandLineError) throw new UsageError(`--impl-cmd: ${e.message}`);
    throw e;
  }
  const [command, ...args] = argv as [string, ...string[]];
  try {
    return new StdioImplementation({ command, args, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, cwd });
  } catch (e) {
    if (e instanceof SpawnError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Imports a module of ours or the user's. User modules go through tsx's `tsImport`, which
 * loads them as ES modules wherever they are: a plain `import()` of a `.ts` outside this
 * package (no package.json with "type": "module" above it) is treated as CommonJS and
 * fails with "Cannot require() ES Module ... in a cycle".
 */
async function importModule(url: string, what: string, user = false): Promise<Record<string, unknown>> {
  try {
    if (user) {
      const { tsImport } = await import('tsx/esm/api');
      return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    }
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`cannot load ${what}: ${loadErrorLine(e)}`);
  }
}

/** One line for a load failure, keeping esbuild's `file:line:col: ERROR: ...` location of a syntax error. */
function loadErrorLine(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const lines = e.message.split('\n');
  const located = lines.find((l) => /:\d+:\d+: ERROR: /.test(l));
  return (located ?? lines[0] ?? e.message).trim();
}

function callFactory(mod: Record<string, unknown>, name: string, args: readonly unknown[]): unknown {
  const f = mod[name];
  if (typeof f !== 'function') throw new UsageError(`module has no ${name} export`);
  return (f as (...a: unknown[]) => unknown)(...args);
}

async function loadMutant(name: string): Promise<Implementation> {
  if (name === '') throw new UsageError(`--impl mutant:<name> needs a name (${LIST_HINT})`);
  const mod = await importModule(MUTANTS_MODULE, 'the mutants');
  let impl: unknown;
  try {
    impl = callFactory(mod, 'createMutant', [name]);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    impl = undefined;
  }
  if (impl === undefined || impl === null) throw new UsageError(`unknown mutant '${name}' (${LIST_HINT})`);
  return checked(impl, `mutant:${name}`);
}

/**
 * A user module runs in our thread under the per-request timeout (adapters/inproc): its
 * loading, its factory and every request are bounded; built-in and mutant engines are
 * ours and run unguarded, at full speed.
 */
async function loadModule(path: string, cwd: string | undefined, timeoutMs: number): Promise<Implementation> {
  const abs = resolvePath(cwd ?? process.cwd(), path);
  if (!existsSync(abs)) throw new UsageError(`--impl ${path}: no such file`);
  const mod = await watchLoad(path, loadBoundMs(timeoutMs), () => importModule(pathToFileURL(abs).href, path, true));
  const factory = typeof mod['default'] === 'function' ? mod['default'] : mod['createImplementation'];
  if (typeof factory !== 'function') throw new UsageError(`--impl ${path}: exports neither a default factory nor createImplementation`);
  return new GuardedImplementation(() => checked(callUserFactory(factory as () => unknown, path), path), timeoutMs, path);
}

function callUserFactory(factory: () => unknown, path: string): unknown {
  try {
    return factory();
  } catch (e) {
    throw new ImplError('throw', `factory of ${path} threw: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The object has the Implementation shape and a valid profile; else UsageError. */
function checked(x: unknown, what: string): Implementation {
  const o = x as Partial<Record<keyof Implementation, unknown>> | null;
  if (typeof o !== 'object' || o === null) throw new UsageError(`${what}: factory did not return an object`);
  for (const m of ['reset', 'call', 'env'] as const) {
    if (typeof o[m] !== 'function') throw new UsageError(`${what}: implementation has no ${m}() method`);
  }
  if (typeof o.name !== 'string') throw new UsageError(`${what}: implementation has no name`);
  const p = CapabilityProfileSchema.safeParse(o.profile);
  if (!p.success) throw new UsageError(`${what}: bad profile: ${describeZodError(p.error)}`);
  return x as Implementation;
}
