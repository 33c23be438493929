/**
 * Deterministic JSON: object keys sorted, two-space indentation, and any object or
 * array whose compact form fits in {@link INLINE_WIDTH} characters kept on one line
 * (so a 10,000-entry trace is one line per entry, not twenty). Same value → same bytes.
 * @internal
 */

const INLINE_WIDTH = 160;

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

function sortKeys(v: unknown): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v as Json;
}

function render(v: Json, indent: string): string {
  const flat = JSON.stringify(v);
  if (v === null || typeof v !== 'object' || flat.length + indent.length <= INLINE_WIDTH) return flat;
  const inner = indent + '  ';
  const items = Array.isArray(v)
    ? (v as readonly Json[]).map((x) => inner + render(x, inner))
    : Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`);
  if (items.length === 0) return flat;
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

/** Serialise `value` deterministically (sorted keys), ending in a newline. */
export function stableJson(value: unknown): string {
  return render(sortKeys(value), '') + '\n';
}
