/**
 * `mkdir -p` that always terminates. Node's recursive mkdir spins for ever on paths
 * under procfs (`/proc/self/x`: the parent exists but refuses children with an error
 * the recursion retries), so the path is created one component at a time and every
 * failure becomes an {@link OutputError} naming the component.
 * @public
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from './errors.ts';

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/** Components from the root down to `dir` (absolute). */
function chain(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    out.unshift(d);
    if (dirname(d) === d) return out;
  }
}

/** Create `dir` and its missing parents; throws OutputError if any component is not a usable directory. */
export function ensureDir(dir: string): void {
  for (const d of chain(dir)) {
    let st;
    try { st = statSync(d); } catch { st = undefined; }
    if (st !== undefined) {
      if (!st.isDirectory()) throw new OutputError(`${d}: not a directory`);
      continue;
    }
    try { mkdirSync(d); } catch (err) {
      if (errnoOf(err) === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw new OutputError(`cannot create directory ${d}: ${errnoOf(err)}`);
    }
  }
}

/**
 * Throws OutputError unless {@link ensureDir} could create `dir`: every existing
 * component is a directory and the deepest existing one is writable. Run before a
 * long run so a bad output path costs nothing.
 */
export function checkDirCreatable(dir: string): void {
  for (const d of chain(dir).reverse()) {
    let st;
    try { st = statSync(d); } catch { continue; }
    if (!st.isDirectory()) throw new OutputError(`${d}: not a directory`);
    try { accessSync(d, constants.W_OK); } catch { throw new OutputError(`${d}: not writable`); }
    // procfs/sysfs say "writable" to root but refuse new entries.
    if (d === '/proc' || d.startsWith('/proc/') || d === '/sys' || d.startsWith('/sys/')) {
      if (d !== resolve(dir)) throw new OutputError(`cannot create directory under ${d}`);
    }
    return;
  }
}
