import { checkLockstep } from './check.ts';
import { createBuiltinEngine } from '../impl/index.ts';
import { loadModel } from '../trace/load-model.ts';
const model = await loadModel();
const cases: [string, 'legal' | 'misuse', string | undefined][] = JSON.parse(process.argv[2]!);
for (const [seed, mode, focus] of cases) {
  const out = checkLockstep({ model, impl: createBuiltinEngine(), mode, focus, numRuns: 300, seed: Number(seed) });
  console.log('=====', seed, mode, focus, out.counterexample?.kind, out.counterexample?.rule, out.counterexample?.msg);
  if (out.counterexample) { const t = out.counterexample.text.split('\n'); console.log(t.filter((l) => !/^ +\d+  (alloc_buf|map_buf|slave_config|request_chan)/.test(l)).join('\n')); console.log(JSON.stringify(out.counterexample.config.caps), out.counterexample.config.residueGranularity, out.counterexample.config.bytesPerUnit); }
}
