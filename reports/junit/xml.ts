/**
 * Minimal XML 1.0 writer: escaping that keeps the document well formed for any
 * input string (illegal characters are made visible by cleanText first).
 * @internal
 */
import { cleanText } from '../text/sanitize.ts';

/** Character data: `&`, `<`, `>` escaped (so `]]>` cannot appear). */
export function xmlText(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value (double-quoted); line breaks and tabs kept as character references. */
export function xmlAttr(s: string | number): string {
  return xmlText(String(s)).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `<name a="v" …>` attributes, in the given order. */
export function attrs(a: Readonly<Record<string, string | number>>): string {
  return Object.entries(a).map(([k, v]) => ` ${k}="${xmlAttr(v)}"`).join('');
}
