/**
 * `npm run bench -- counterexample-size`: per mutant, the size of the counterexample
 * `dmacheck certify --impl mutant:<name> --seed 42` prints, counting every printed trace
 * entry and every top-level call/step (set-up included), against its known minimum: the
 * mutant's declared trigger (impl/mutants) behind the set-up it needs (the channels and
 * buffers the trigger names). `--checkout DIR` measures another checkout's CLI (e.g. the
 * main branch, for a before/after table); the counting is this checkout's, for both.
 * Printed, not asserted.
 * @internal
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMutant, MUTANTS, type MutantSpec } from '../impl/mutants/index.ts';
import { triggerConfig } from '../mutants/trigger.ts';
import { counterexampleCounts } from '../properties/counterexample/counts.ts';
import { stepNames } from '../properties/counterexample/objects.ts';
import { printedEntryCount } from '../properties/counterexample/text.ts';
import { preludeSteps } from '../properties/lockstep/prelude.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';
import type { Step } from '../properties/lockstep/step.ts';
import type { Counterexample, RunResult } from '../reports/result.ts';
import type { Model } from '../spec/api/index.ts';
import { loadModel } from '../trace/load-model.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--checkout');
const checkout = at >= 0 && args[at + 1] !== undefined ? resolve(args[at + 1]!) : fileURLToPath(new URL('..', import.meta.url));
const only = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));

interface Size { readonly steps: number; readonly entries: number }

/** The known minimum: the trigger behind the probe steps that name its channels and buffers. */
function knownMinimum(spec: MutantSpec, model: Model<unknown>): Size & { readonly rule: string | null } {
  const impl = createMutant(spec.name)!;
  const cfg = triggerConfig(spec, impl);
  const trigger = spec.trigger.steps as readonly Step[];
  const chans = new Set(trigger.flatMap((s) => stepNames(s).chans));
  const bufs = new Set(trigger.flatMap((s) => stepNames(s).bufs));
  const names = new Set([...chans].map((c) => cfg.slaves[c]?.name));
  const setup = preludeSteps(cfg).filter((s) => {
    const n = stepNames(s);
    return (n.slave !== undefined && names.has(n.slave)) || (n.bufs.length > 0 ? n.bufs.some((b) => bufs.has(b)) : n.chans.some((c) => chans.has(c)));
  });
  const r = replaySteps(model, impl, cfg, 'legal', [...setup, ...trigger]);
  const v = r.failure;
  const rule = v && (v.kind === 'violation' || v.kind === 'undefined') ? v.rule : null;
  return { steps: setup.length + trigger.length, entries: printedEntryCount(r.trace, v?.step ?? r.trace.length), rule };
}

/** The counterexamples `checkout`'s certify prints for the mutant. */
function certified(name: string): readonly Counterexample[] {
  const dir = mkdtempSync(join(tmpdir(), 'cx-size-'));
  try {
    const r = spawnSync(process.execPath, [join(checkout, 'bin/dmacheck.js'), 'certify', '--impl', `mutant:${name}`, '--seed', '42', '--json', '--cx-dir', dir],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.stdout.trim() === '') throw new Error(`certify ${name}: no output (${r.stderr.split('\n')[0] ?? ''})`);
    return (JSON.parse(r.stdout) as RunResult).counterexamples;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const model = await loadModel();
const rows: string[] = [`${'mutant'.padEnd(28)}${'rule'.padEnd(9)}${'steps'.padStart(6)}${'entries'.padStart(9)}${'min steps'.padStart(11)}${'min entries'.padStart(13)}  within min+1 (steps)`];
let within = 0;
let total = 0;
for (const spec of MUTANTS.filter((m) => only.length === 0 || only.includes(m.name))) {
  const min = knownMinimum(spec, model);
  const cxs = certified(spec.name);
  if (cxs.length === 0) { rows.push(`${spec.name.padEnd(28)}(not killed)`); continue; }
  const c = cxs[0]!;
  const n = counterexampleCounts(c);
  total++;
  const ok = n.steps <= min.steps + 1;
  if (ok) within++;
  rows.push(`${spec.name.padEnd(28)}${(c.rule ?? c.kind).padEnd(9)}${String(n.steps).padStart(6)}${String(n.entries).padStart(9)}${String(min.steps).padStart(11)}${String(min.entries).padStart(13)}  ${ok ? 'yes' : 'NO'}${cxs.length > 1 ? ` (+${cxs.length - 1} more cx)` : ''}`);
}
process.stdout.write(`checkout: ${checkout}\n${rows.join('\n')}\nwithin known minimum + 1 step: ${within}/${total}\n`);
