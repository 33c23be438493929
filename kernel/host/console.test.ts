import { describe, expect, it } from 'vitest';
import { ConsoleReader, fnv1a } from './console.ts';

const block = (index: number, records: readonly string[], sum = fnv1a(records.map((r) => `${r}\n`).join(''))): string[] =>
  [`~P ${index}`, ...records, `~E ${index} 0 ${records.length} 120 ${sum}`];

describe('ConsoleReader', () => {
  it('reads the markers and a program block whose checksum matches', () => {
    const r = new ConsoleReader();
    const events = ['[    0.000000] Booting Linux', '~I 6.1.0-57-arm64', '~L', ...block(0, ['C 0 0', 'Ro', 'Q 1']), '~D', '~Z'].flatMap((l) => r.push(l));
    expect(events).toEqual([
      { kind: 'init', release: '6.1.0-57-arm64' },
      { kind: 'loaded' },
      { kind: 'program', log: { index: 0, records: ['C 0 0', 'Ro', 'Q 1'], overflow: false, us: 120, intact: true } },
      { kind: 'batch_done' },
      { kind: 'end' },
    ]);
  });

  it('keeps console noise out of the records and flags a block whose bytes changed', () => {
    const r = new ConsoleReader();
    const lines = block(3, ['C 0 0', 'Ro']);
    lines.splice(2, 0, '[   17.1] random: crng init done');
    const damaged = block(4, ['C 0 0', 'Rv'], 1);
    const events = [...lines, ...damaged].flatMap((l) => r.push(l));
    expect(events.map((e) => (e.kind === 'program' ? [e.log.index, e.log.records, e.log.intact] : e.kind))).toEqual([[3, ['C 0 0', 'Ro'], true], [4, ['C 0 0', 'Rv'], false]]);
  });

  it('names the kernel messages of a dying guest', () => {
    const r = new ConsoleReader();
    expect(r.push('[   17.09] Internal error: Oops - BUG: 00000000f2000800 [#1] SMP')).toEqual([{ kind: 'oops', line: '[   17.09] Internal error: Oops - BUG: 00000000f2000800 [#1] SMP' }]);
    expect(r.push('[   17.21] Kernel panic - not syncing: Fatal exception')).toHaveLength(1);
    expect(r.push('~M insmod failed')).toEqual([{ kind: 'load_failed', line: '~M insmod failed' }]);
    expect(r.tail()).toHaveLength(3);
  });
});
