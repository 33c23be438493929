/**
 * Kernel warnings the simulation detects instead of crashing: sleeping in atomic
 * context, lock recursion. The engine never throws for them; tests and reports read
 * the list.
 * @internal
 */
export class Splats {
  private readonly list: string[] = [];

  report(msg: string): void {
    if (this.list.length < 1000) this.list.push(msg);
  }

  get all(): readonly string[] {
    return this.list;
  }
}
