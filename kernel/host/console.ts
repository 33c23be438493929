/**
 * Reads the guest console line by line (pure): the /init markers (kernel/guest/init),
 * the agent's program blocks "~P i" … "~E i overflow records µs fnv1a" (kernel/README.md
 * §Log), and the kernel's own fatal messages. Anything else is console noise, kept for
 * the tail shown with a failure.
 * @internal
 */

/** One program's log as the agent printed it. */
export interface ProgramLog {
  readonly index: number;
  readonly records: readonly string[];
  /** The agent's record buffer filled up: the log stops early. */
  readonly overflow: boolean;
  /** Guest time the program took (µs). */
  readonly us: number;
  /** The FNV-1a of the records matches: no console noise got mixed in. */
  readonly intact: boolean;
}

export type ConsoleEvent =
  | { readonly kind: 'init'; readonly release: string }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'load_failed'; readonly line: string }
  | { readonly kind: 'program'; readonly log: ProgramLog }
  | { readonly kind: 'batch_done' }
  | { readonly kind: 'agent_error'; readonly line: string }
  | { readonly kind: 'end' }
  | { readonly kind: 'oops'; readonly line: string };

/** Kernel messages that mean the guest is dying (arch/arm64/mm/fault.c, kernel/panic.c, lib/bug.c). */
const FATAL = /Unable to handle kernel|Internal error: Oops|Kernel panic|\bOops\b|\bBUG: /;
const RECORD = /^[A-Z][a-z]?(?: -?\d+)*$/;
const TAIL_LINES = 40;

/** FNV-1a 32-bit over the bytes of `text` (the agent's fnv1a in agent.c). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class ConsoleReader {
  private open: { index: number; records: string[] } | undefined;
  private readonly last: string[] = [];

  /** The last console lines (for failure reports). */
  tail(): string[] {
    return [...this.last];
  }

  /** Feeds one line (without its newline); returns what it completed. */
  push(raw: string): ConsoleEvent[] {
    const line = raw.replace(/\r$/, '');
    this.last.push(line);
    if (this.last.length > TAIL_LINES) this.last.shift();
    if (this.open !== undefined && RECORD.test(line)) {
      this.open.records.push(line);
      return [];
    }
    const m = /^~([A-Z])(?: (.*))?$/.exec(line);
    if (m === null) return FATAL.test(line) ? [{ kind: 'oops', line }] : [];
    const rest = m[2] ?? '';
    switch (m[1]) {
      case 'I': return [{ kind: 'init', release: rest }];
      case 'L': return [{ kind: 'loaded' }];
      case 'M': return [{ kind: 'load_failed', line }];
      case 'P':
        this.open = { index: Number(rest), records: [] };
        return [];
      case 'E': return this.close(rest);
      case 'D': return [{ kind: 'batch_done' }];
      case 'F': return [{ kind: 'agent_error', line }];
      case 'Z': return [{ kind: 'end' }];
      default: return [];
    }
  }

  private close(rest: string): ConsoleEvent[] {
    const open = this.open;
    this.open = undefined;
    const [index, overflow, , us, sum] = rest.split(' ').map(Number);
    if (open === undefined || index !== open.index) return [{ kind: 'agent_error', line: `~E ${rest} without its ~P` }];
    const text = open.records.map((r) => `${r}\n`).join('');
    return [{ kind: 'program', log: { index: open.index, records: open.records, overflow: overflow === 1, us: us ?? 0, intact: fnv1a(text) === sum } }];
  }
}
