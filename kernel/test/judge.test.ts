/**
 * Judging a real-kernel run: the model's check plus the program's end obligation
 * DATA-9, on agent logs recorded from bcm2835-dma (kernel/host/fixtures).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageCounter } from '../../properties/certify/coverage.ts';
import type { Model } from '../../spec/api/model-api.ts';
import { parseProgram } from '../../spec/api/program-schema.ts';
import { loadModel } from '../../trace/load-model.ts';
import { decisive, judgeRun } from '../certify/judge.ts';
import { convertProgram } from '../host/convert.ts';
import { encodeProgram } from '../host/encode.ts';

const KERNEL = { release: '6.1.0-57-arm64', version: '6.1.192-3' };
let model: Model<unknown>;
beforeAll(async () => { model = await loadModel(); });

/** The fixture's run, with the records of the step lines in `drop` removed (calls the agent did not make), then `edit`ed. */
function run(name: string, drop: readonly number[] = [], edit: (records: string[]) => string[] = (r) => r) {
  const program = parseProgram(JSON.parse(readFileSync(new URL(`../host/fixtures/${name}.program.json`, import.meta.url), 'utf8')));
  const lines = readFileSync(new URL(`../host/fixtures/${name}.log`, import.meta.url), 'utf8').trim().split('\n');
  const records = edit(lines.filter((l, i) => !(drop.some((d) => l.startsWith(`C ${d} `)) || (i > 0 && drop.some((d) => lines[i - 1]!.startsWith(`C ${d} `))))));
  const enc = encodeProgram(program, 0);
  if (!enc.ok) throw new Error(enc.reason);
  const cv = convertProgram({ index: 0, records, overflow: false, us: 1, intact: true }, enc.program, name, KERNEL);
  return { name, trace: cv.trace, complete: cv.complete };
}

describe('judgeRun on real-kernel runs', () => {
  it('judges calls from hard-IRQ and atomic context conformant, exercising DESC-2, TERM-4 and DATA-9', () => {
    const cov = new CoverageCounter();
    const j = judgeRun(run('irq-ctx'), model, cov);
    expect(j.ok && j.check.verdicts).toEqual([]);
    for (const id of ['DESC-2', 'TERM-4', 'STAT-7', 'DATA-9']) expect(cov.count(id), id).toBeGreaterThan(0);
  });

  it('finds the mapping left at the end of the program (DATA-9), as check-client does', () => {
    // Lines 15 and 16 are unmap_buf and free_buf: without them the buffer stays mapped.
    const j = judgeRun(run('irq-ctx', [15, 16]), model);
    expect(decisive(j)).toMatchObject({ kind: 'undefined', rule: 'DATA-9' });
  });

  it('judges a terminate_sync from atomic context as TERM-5, though the trace ends inside it', () => {
    const j = judgeRun(run('misuse-terminate-sync-atomic'), model);
    expect(decisive(j)).toMatchObject({ kind: 'undefined', rule: 'TERM-5' });
  });

  // F-1 (docs/FINDINGS.md): gen-42-2217 shrunk, seed 42. The tasklet still pending from the
  // last interrupt ran inside the second terminate_sync (step line 29), before its desc_freed.
  it('judges a tasklet nested in terminate_sync before its frees conformant: it took d4 before the lock (CB-13)', () => {
    const j = judgeRun(run('cb13-nested-tasklet'), model);
    expect(j.ok && j.trace.entries).toContainEqual({ k: 'cb', cb: { chan: 0, desc: 4, period: false, ctx: 'tasklet', locksHeld: false, fn: 'callback_result', result: 'DMA_TRANS_NOERROR', residue: 0 } });
    expect(decisive(j)).toBeUndefined();
    expect(j.ok && j.run.complete).toBe(true);
  });

  it('still judges CB-13 when the nested tasklet delivers d4 after the terminate freed it', () => {
    // Hand-edited: the terminate frees d4, d5 and recycles d6 (REUSE) before the tasklet runs.
    const freedFirst = (r: string[]): string[] => {
      const at = r.indexOf('C 29 0 0');
      return [...r.slice(0, at + 1), 'Ef 0 4 0', 'Ef 0 5 0', 'Ef 0 6 1', ...r.slice(at + 1)];
    };
    expect(decisive(judgeRun(run('cb13-nested-tasklet', [], freedFirst), model))).toMatchObject({ kind: 'violation', rule: 'CB-13' });
  });
});
