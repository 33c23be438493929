/**
 * An intrusive doubly linked list (the kernel's list_head): O(1) append, unlink and
 * splice, so queues of 10,000 descriptors cost the same per operation as queues of 1.
 * A node is on at most one list at a time.
 * @internal
 */

/** Fields a list node carries. */
export interface ListNode<T extends ListNode<T>> {
  prev: T | null;
  next: T | null;
  list: DescList<T> | null;
}

export class DescList<T extends ListNode<T>> {
  private head: T | null = null;
  private tail: T | null = null;
  private n = 0;

  constructor(readonly name: string) {}

  get size(): number {
    return this.n;
  }

  get first(): T | null {
    return this.head;
  }

  get last(): T | null {
    return this.tail;
  }

  /** list_add_tail; unlinks `x` from its current list first (list_move_tail). */
  pushTail(x: T): void {
    if (x.list !== null) x.list.remove(x);
    x.prev = this.tail;
    x.next = null;
    if (this.tail === null) this.head = x;
    else this.tail.next = x;
    this.tail = x;
    x.list = this;
    this.n++;
  }

  /** list_del; a no-op if `x` is on another list or none. */
  remove(x: T): void {
    if (x.list !== this) return;
    if (x.prev === null) this.head = x.next;
    else x.prev.next = x.next;
    if (x.next === null) this.tail = x.prev;
    else x.next.prev = x.prev;
    x.prev = x.next = null;
    x.list = null;
    this.n--;
  }

  /** list_splice_tail_init: move every node of `from` to the end of this list, O(length of from) for ownership. */
  spliceTail(from: DescList<T>): void {
    for (let x = from.head; x !== null; x = x.next) x.list = this;
    if (from.head === null) return;
    if (this.tail === null) this.head = from.head;
    else {
      this.tail.next = from.head;
      from.head.prev = this.tail;
    }
    this.tail = from.tail;
    this.n += from.n;
    from.head = from.tail = null;
    from.n = 0;
  }

  /** Unlink every node and return them in order (splice to a local list). */
  takeAll(): T[] {
    const out: T[] = [];
    let x = this.head;
    while (x !== null) {
      const next = x.next;
      x.prev = x.next = null;
      x.list = null;
      out.push(x);
      x = next;
    }
    this.head = this.tail = null;
    this.n = 0;
    return out;
  }
}
