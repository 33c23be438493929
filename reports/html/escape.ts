/**
 * HTML/SVG escaping: one function for text and attribute values (always quoted
 * with `"`), applied to every string that reaches the page.
 * @internal
 */
import { clip, cleanText } from '../text/sanitize.ts';

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML text or a double-quoted attribute, after removing unsafe characters. */
export function esc(s: string | number): string {
  return cleanText(String(s)).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** {@link esc} of `s` clipped to `max` characters. */
export function escClip(s: string, max: number): string {
  return esc(clip(s, max));
}
