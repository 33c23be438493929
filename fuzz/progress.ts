/**
 * Campaign progress on stderr: on a TTY one status line rewritten in place (at most 5
 * times a second); otherwise a plain line every `everyMs` (CI logs). Messages (new
 * findings) clear the status line first so they are never mixed with it.
 * @public
 */
import type { CoverageFigures } from './coverage.ts';
import { figuresText } from './coverage.ts';

/** @public */
export interface ProgressSnapshot {
  readonly elapsedMs: number;
  /** The time the command rate is over (the workers' running time, start-up excluded). */
  readonly busyMs: number;
  readonly sequences: number;
  readonly commands: number;
  readonly figures: CoverageFigures;
  readonly findings: number;
  readonly failures: number;
}

/** `12.3s  1,204 seq  48,211 cmd/s  pairs … rules …  2 findings (31 failing seq)`. @public */
export function progressText(p: ProgressSnapshot): string {
  const rate = Math.round(p.commands / Math.max(0.001, p.busyMs / 1000));
  return `fuzz: ${(p.elapsedMs / 1000).toFixed(1)}s  ${p.sequences.toLocaleString('en')} seq  ${rate.toLocaleString('en')} cmd/s  ${figuresText(p.figures)}  ${p.findings} finding(s) (${p.failures} failing seq)`;
}

/** @public */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly out: { write(s: string): unknown }, private readonly tty: boolean, private readonly everyMs: number) {
    // Plain logs get their first line after one interval, not an empty one at start.
    if (!tty) this.last = Date.now();
  }

  /** Offer a snapshot; printed when due. */
  update(p: () => ProgressSnapshot, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < (this.tty ? 200 : this.everyMs)) return;
    this.last = now;
    if (this.tty) { this.out.write(`\r\x1b[2K${progressText(p())}`); this.shown = true; } else this.out.write(`${progressText(p())}\n`);
  }

  /** A whole line (clears the status line on a TTY). */
  message(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  /** Leave the terminal clean. */
  clear(): void {
    if (this.tty && this.shown) { this.out.write('\r\x1b[2K'); this.shown = false; }
  }
}
