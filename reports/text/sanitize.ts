/**
 * Making strings from an untrusted implementation safe to print in any format.
 * Every renderer passes foreign text through {@link cleanText} (or {@link oneLine}),
 * after {@link clip}, and then applies its own escaping.
 * @internal
 */

/**
 * Characters that must not reach a report verbatim: C0 controls except TAB and LF,
 * DEL and C1 controls (terminal escapes, illegal or discouraged in XML 1.0), lone
 * surrogates and U+FFFE/U+FFFF (illegal in XML 1.0), bidi overrides ("trojan source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\r') return '\n';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Replace unsafe characters by a visible escape (`\x1b`, `\ud800`); CR becomes LF. */
export function cleanText(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(UNSAFE, visible);
}

/** {@link cleanText}, with line breaks and tabs turned into spaces. */
export function oneLine(s: string): string {
  return cleanText(s).replace(/[\n\t]/g, ' ');
}

/** Cut `s` to at most `max` UTF-16 units (never inside a surrogate pair), saying how much was cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}… [${s.length - end} more characters]`;
}

/** Limits for names and messages in human-facing formats; report.json keeps everything. */
export const LIMIT = { name: 200, message: 2_000, block: 2_000_000 } as const;
