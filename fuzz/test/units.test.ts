import { describe, expect, it } from 'vitest';
import type { ChanView } from '../../spec/api/index.ts';
import { INT_MAX } from '../../spec/api/index.ts';
import { createBuiltinEngine } from '../../impl/index.ts';
import { chao1, CoverageMap, figures } from '../coverage.ts';
import { commandOf } from '../guidance.ts';
import { Progress } from '../progress.ts';
import { racyBoost, SIT, situation } from '../racy.ts';
import { FuzzRng } from '../rng.ts';
import { drawSwarm, supportedSpecs } from '../swarm.ts';

const view = (o: Partial<ChanView>): ChanView => ({
  chan: 0, held: true, poisoned: false, configured: true, rerequested: false, paused: false, terminating: false, issuedSinceTerminate: false,
  irqPending: false, taskletPending: false, periphBytes: 0, used: 1, last: 1, ...o,
});

describe('coverage figures', () => {
  it('Chao1 adds f1²/(2·f2) unseen pairs and equals the visited count once nothing is a singleton', () => {
    expect(chao1([1, 1, 2, 5])).toBe(4 + 4 / 2);
    expect(chao1([2, 3, 9])).toBe(3);
    expect(chao1([1, 1, 1])).toBe(3 + 3);
    const c = new CoverageMap();
    c.pair('idle', 'call:submit'); c.pair('idle', 'call:submit'); c.rule('SUB-1');
    const f = figures(c, new Set(['SUB-1', 'SUB-2']));
    expect(f).toEqual({ pairsVisited: 1, pairsReachable: 1, rulesExercised: 1, rulesExercisable: 2 });
  });

  it('counts first sightings through onNew, and adds snapshots', () => {
    const c = new CoverageMap();
    let fresh = 0;
    c.onNew = () => { fresh++; };
    c.pair('a', 'x'); c.pair('a', 'x'); c.rule('CB-1'); c.rule('CB-1');
    expect(fresh).toBe(2);
    const d = new CoverageMap();
    d.add(c.snapshot()); d.add(c.snapshot());
    expect(d.pairs.get('a|x')).toBe(4);
    expect(d.rules.get('CB-1')).toBe(4);
  });
});

describe('generation weights', () => {
  it('map model pair ops to the commands that cause them', () => {
    const known = new Set(['submit', 'advance', 'irq', 'tasklet']);
    expect(commandOf('call:submit', known)).toBe('submit');
    expect(commandOf('ev:xfer', known)).toBe('advance');
    expect(commandOf('ev:complete', known)).toBe('irq');
    expect(commandOf('cb:period', known)).toBe('tasklet');
    expect(commandOf('ret', known)).toBeUndefined();
  });

  it('boost terminate and synchronize while a completion is pending, submit near the cookie wrap', () => {
    const m = situation([view({ irqPending: true }), view({ used: INT_MAX - 1 }), undefined]);
    expect(m).toBe(SIT.irq | SIT.nearWrap);
    expect(racyBoost('terminate_async', m)).toBeGreaterThan(1);
    expect(racyBoost('synchronize', m)).toBeGreaterThan(1);
    expect(racyBoost('submit', m)).toBeGreaterThan(1);
    expect(racyBoost('alloc_buf', m)).toBe(1);
    expect(situation([view({ held: false, irqPending: true })])).toBe(0);
  });

  it('swarms keep the core kinds and one prep kind, and vary the rest (seed 77)', () => {
    const profile = createBuiltinEngine().profile;
    const rng = new FuzzRng(77);
    const all = supportedSpecs(profile, 'legal').length;
    const sizes = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const s = drawSwarm(rng, profile, 'legal');
      const ops = s.specs.map((x) => x.op);
      for (const core of ['advance', 'irq', 'tasklet', 'submit', 'issue_pending']) expect(ops).toContain(core);
      expect(ops.some((o) => o.startsWith('prep_'))).toBe(true);
      expect(s.callbackKinds.has('none')).toBe(true);
      sizes.add(ops.length);
    }
    expect(sizes.size).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(all);
  });
});

describe('progress', () => {
  const snap = () => ({ elapsedMs: 2000, busyMs: 2000, sequences: 10, commands: 5000, findings: 1, failures: 2, figures: { pairsVisited: 9, pairsReachable: 10, rulesExercised: 3, rulesExercisable: 4 } });

  it('rewrites one status line on a terminal and clears it before a message', () => {
    let out = '';
    const p = new Progress({ write: (s: string) => { out += s; } }, true, 10_000);
    p.update(snap, true);
    p.message('fuzz: found');
    expect(out).toBe(`\r\x1b[2Kfuzz: 2.0s  10 seq  2,500 cmd/s  pairs 9/~10 (90.0%), rules 3/4 (75.0%)  1 finding(s) (2 failing seq)\r\x1b[2Kfuzz: found\n`);
  });

  it('prints plain lines elsewhere, at most one per interval', () => {
    const lines: string[] = [];
    const p = new Progress({ write: (s: string) => { lines.push(s); } }, false, 60_000);
    p.update(snap, true);
    p.update(snap);
    expect(lines.length).toBe(1);
    expect(lines[0]!.endsWith('\n') && !lines[0]!.includes('\r')).toBe(true);
  });
});
