/**
 * `npm run bench`: runs every benchmark script in bench/ one after another, each in
 * its own Node process (so one's heap and JIT state do not skew the next), and prints
 * their figures. `npm run bench -- engine lockstep` runs only those.
 * @internal
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ALL = ['model', 'engine', 'lockstep', 'inproc', 'fuzz', 'mutants', 'stdio', 'reports', 'check-client', 'kernel', 'counterexample-size', 'cold-start'] as const;

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')} (have: ${ALL.join(', ')})\n`);
  process.exit(2);
}

let failed = 0;
for (const name of wanted.length > 0 ? wanted : ALL) {
  const file = `${dir}${name}.ts`;
  if (!existsSync(file)) {
    process.stdout.write(`\n== ${name}: no bench/${name}.ts\n`);
    continue;
  }
  process.stdout.write(`\n== ${name} (bench/${name}.ts)\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`== ${name}: exited with status ${r.status ?? r.signal}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
