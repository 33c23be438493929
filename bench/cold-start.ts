/**
 * Cold start of `dmacheck rules` (issue 14: ≤ 0.3 s for the installed package): wall time
 * of a whole process, median of N runs, for the compiled package (`npm run build`, then
 * bin/ + dist/ + package.json laid out as an install has them, no .ts sources, so bin runs
 * dist/) and for the checkout's path (bin runs the sources through tsx).
 * Run: `node --import tsx bench/cold-start.ts [runs]`.
 * @internal
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGET_S = 0.3;
const runs = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Wall time of one `node <bin> rules` in seconds; the output is discarded. */
function once(bin: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'rules'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${bin} rules exited with status ${r.status ?? r.signal}`);
  return (performance.now() - t0) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function measure(label: string, bin: string): number {
  once(bin); // warm the file cache (and tsx's transform cache)
  const times = Array.from({ length: runs }, () => once(bin));
  const m = median(times);
  console.log(`${label.padEnd(40)} median ${m.toFixed(3)} s  (min ${Math.min(...times).toFixed(3)}, max ${Math.max(...times).toFixed(3)}; ${runs} runs)`);
  return m;
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');
const pkg = mkdtempSync(join(tmpdir(), 'dmacheck-cold-'));
try {
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(pkg, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const compiled = measure('dmacheck rules, compiled (dist/)', join(pkg, 'bin/dmacheck.js'));
  const sources = measure('dmacheck rules, sources through tsx', join(root, 'bin/dmacheck.js'));
  console.log(`cold start: compiled ${compiled.toFixed(3)} s (target ≤ ${TARGET_S} s: ${compiled <= TARGET_S ? 'met' : 'NOT met'}), tsx ${sources.toFixed(3)} s, ×${(sources / compiled).toFixed(1)}`);
} finally {
  rmSync(pkg, { recursive: true, force: true });
}
