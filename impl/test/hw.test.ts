import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../spec/api/index.ts';
import { SimClock } from '../hw/clock.ts';
import { Peripheral } from '../hw/peripheral.ts';
import { DescList, type ListNode } from '../vchan/list.ts';
import { isComplete, nextCookie } from '../vchan/cookie.ts';
import { fnv, memPattern } from './rig.ts';

class Node implements ListNode<Node> {
  prev: Node | null = null;
  next: Node | null = null;
  list: DescList<Node> | null = null;
  constructor(readonly id: number) {}
}

describe('hardware and list building blocks', () => {
  it('the clock only moves forward, with a one-line error otherwise', () => {
    const c = new SimClock();
    c.advance(5);
    expect(c.now).toBe(5);
    expect(() => c.advance(-1)).toThrow(/^clock: cannot go backwards or by a fraction \(-1 units\)$/);
    expect(c.now).toBe(5);
  });

  it('the peripheral FIFO keeps byte order across its ring wrap', () => {
    const out: EngineEvent[] = [];
    const p = new Peripheral(0, 8, (e) => out.push(e));
    const src = Uint8Array.from(memPattern(3, 0, 12));
    p.push(src, 0, 6);
    p.drain(5);
    p.push(src, 6, 12);
    expect(p.free).toBe(1);
    p.drain(100);
    expect(out).toEqual([
      { ev: 'periph_rx', chan: 0, len: 5, sum: fnv(memPattern(3, 0, 5)) },
      { ev: 'periph_rx', chan: 0, len: 7, sum: fnv(memPattern(3, 5, 7)) },
    ]);
  });

  it('lists move nodes in O(1) and keep order through splices', () => {
    const a = new DescList<Node>('a');
    const b = new DescList<Node>('b');
    const n = [1, 2, 3, 4].map((i) => new Node(i));
    for (const x of n) a.pushTail(x);
    a.remove(n[1]!);
    b.pushTail(n[3]!); // list_move_tail from a
    b.spliceTail(a);
    expect(b.takeAll().map((x) => x.id)).toEqual([4, 1, 3]);
    expect([a.size, b.size, a.first, b.last]).toEqual([0, 0, null, null]);
  });

  it('cookie arithmetic: wrap to 1 and the two-branch completion test (CK-2, STAT-1)', () => {
    expect(nextCookie(0x7fffffff, false)).toBe(1);
    expect(nextCookie(0x7fffffff, true)).toBe(-0x80000000);
    expect(isComplete(5, 5, 7)).toBe('DMA_COMPLETE');
    expect(isComplete(6, 5, 7)).toBe('DMA_IN_PROGRESS');
    expect(isComplete(8, 5, 7)).toBe('DMA_COMPLETE');
    expect(isComplete(0x7fffffff, 0x7fffffff, 2)).toBe('DMA_COMPLETE');
    expect(isComplete(1, 0x7fffffff, 2)).toBe('DMA_IN_PROGRESS');
    expect(isComplete(100, 0x7fffffff, 2)).toBe('DMA_COMPLETE'); // an old cookie from before the wrap
  });
});
