// `npm run build` (also run by `npm pack` through prepack): compiles the TypeScript
// sources to dist/ (tsconfig.build.json: JavaScript + declarations, `.ts` import
// specifiers rewritten to `.js`), then copies beside the compiled modules the files
// they load at run time by `new URL('...', import.meta.url)`, at the same relative
// places as in the sources. dist/ is emptied first so that a removed source leaves
// no stale module behind.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

/** Run-time files of the compiled modules, relative to the package root. */
const ASSETS = [
  'adapters/stdio/child-worker.mjs', // the stdio adapter's worker thread (adapters/stdio/session.ts)
  'kernel/agent', // the kernel module's C sources and Kbuild (kernel/host/setup.ts)
  'kernel/guest', // the guest's /init (kernel/host/run-batch.ts)
  'reports/schema/report.schema.json', // report.json's schema, for users validating reports
  'reports/schema/junit.xsd',
];

rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (r.status !== 0) {
  process.stderr.write(`build: tsc exited with status ${r.status ?? r.signal}\n`);
  process.exit(1);
}
for (const a of ASSETS) cpSync(`${root}${a}`, `${dist}${a}`, { recursive: true });
