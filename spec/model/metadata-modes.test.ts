import { describe, expect, it } from 'vitest';
import type { ClientCall, MetadataMode, Ret, TraceEntry } from '../api/index.ts';
import { meta2_metaRets } from '../rules/metadata.ts';
import { altText } from '../rules/ret-spec.ts';
import { allowedRets, model, type ModelState } from './index.ts';
import { call, config, cookie, err, prepSg, runTrace, setup, VOID, ZERO } from './trace-builder.ts';

/**
 * META-2 before META-3, as desc_check_and_set_metadata_mode orders them: a descriptor
 * without a mode takes the requested one if supported (else -ENOTSUPP); a descriptor of
 * the other mode answers -EINVAL whether or not the requested mode is supported; then
 * the driver op (present iff the mode is declared) decides. Every metadata call ×
 * descriptor mode (none / same / other) × requested mode supported or not.
 */
const PTR: Ret = { t: 'metaptr', payloadLen: 0, maxLen: 8 };
type Fixed = MetadataMode | 'none';
interface Op { readonly name: string; readonly want: MetadataMode; readonly c: ClientCall; readonly ok: Ret }
const OPS: readonly Op[] = [
  { name: 'attach_metadata', want: 'client', c: { op: 'attach_metadata', desc: 1, len: 4 }, ok: ZERO },
  { name: 'get_metadata_ptr', want: 'engine', c: { op: 'get_metadata_ptr', desc: 1 }, ok: PTR },
  { name: 'set_metadata_len', want: 'engine', c: { op: 'set_metadata_len', desc: 1, len: 4 }, ok: ZERO },
];
const other = (m: MetadataMode): MetadataMode => (m === 'client' ? 'engine' : 'client');

/** Caps: the requested mode supported or not; the fixed mode (if any) always supported. */
function cfgFor(want: MetadataMode, fixed: Fixed, supported: boolean): ReturnType<typeof config> {
  const on = { client: fixed === 'client', engine: fixed === 'engine' };
  on[want] = supported;
  return config({ caps: { metadataClient: on.client, metadataEngine: on.engine } });
}

/** Setup, both modes checked (META-1), one MEM_TO_DEV descriptor, its mode fixed by a successful call. */
function prefix(cfg: ReturnType<typeof config>, fixed: Fixed): TraceEntry[] {
  const fix = fixed === 'client' ? call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO)
    : fixed === 'engine' ? call({ op: 'get_metadata_ptr', desc: 1 }, PTR) : [];
  return [
    ...setup(0, 1, 64),
    ...call({ op: 'metadata_supported', chan: 0, mode: 'client' }, { t: 'bool', v: cfg.caps.metadataClient }),
    ...call({ op: 'metadata_supported', chan: 0, mode: 'engine' }, { t: 'bool', v: cfg.caps.metadataEngine }),
    ...prepSg(0, 1, 1, 16), ...call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } }, VOID), ...fix,
  ];
}

/** Submit and terminate, so a legal trace also ends clean (DESC-4). */
const END: readonly TraceEntry[] = [...call({ op: 'submit', desc: 1 }, cookie(2)),
  ...call({ op: 'terminate_sync', chan: 0 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false })];
const firstRule = (cfg: ReturnType<typeof config>, t: readonly TraceEntry[]): string => {
  const v = runTrace(cfg, [...t, ...END]).verdicts[0];
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};

/** The model state after `t`, without the end check (which would poison the channel: DESC-4). */
const stateAfter = (cfg: ReturnType<typeof config>, t: readonly TraceEntry[]): ModelState =>
  t.reduce((s, e, i) => model.step(s, e, i, undefined).state, model.init(cfg));

/** The kernel's answer and the verdict on it, and on each wrong answer. */
interface Row { readonly fixed: Fixed; readonly supported: boolean; readonly right: 'ok' | 'ENOTSUPP' | 'EINVAL'; readonly onRight: string; readonly wrong: string }
const rowsFor = (want: MetadataMode): readonly Row[] => [
  { fixed: 'none', supported: true, right: 'ok', onRight: 'none', wrong: 'violation META-3' },
  { fixed: 'none', supported: false, right: 'ENOTSUPP', onRight: 'none', wrong: 'violation META-3' },
  { fixed: want, supported: true, right: 'ok', onRight: 'none', wrong: 'violation META-3' },
  // Mixed: the kernel answers EINVAL before looking at support; the call itself is client UB (META-2).
  { fixed: other(want), supported: true, right: 'EINVAL', onRight: 'undefined META-2', wrong: 'violation META-2' },
  { fixed: other(want), supported: false, right: 'EINVAL', onRight: 'undefined META-2', wrong: 'violation META-2' },
];

describe.each(OPS)('$name: kernel order of the mode checks', (op) => {
  const answers: Record<Row['right'], Ret> = { ok: op.ok, ENOTSUPP: err('ENOTSUPP'), EINVAL: err('EINVAL') };
  it.each(rowsFor(op.want))('mode $fixed, requested supported $supported → $right', (row) => {
    const cfg = cfgFor(op.want, row.fixed, row.supported);
    const pre = prefix(cfg, row.fixed);
    expect(firstRule(cfg, pre)).toBe('none');
    expect(firstRule(cfg, [...pre, ...call(op.c, answers[row.right])])).toBe(row.onRight);
    for (const k of Object.keys(answers) as Row['right'][]) {
      if (k !== row.right) expect(firstRule(cfg, [...pre, ...call(op.c, answers[k])]), `answer ${k}`).toBe(row.wrong);
    }
    const a = allowedRets(stateAfter(cfg, pre), op.c, 'process');
    expect(a.spec?.alts.map(altText)).toEqual([row.right !== 'ok' ? `err ${row.right}` : op.ok.t === 'int' ? 'int 0' : 'metaptr']);
    expect(a.ub?.rule).toBe(row.onRight === 'none' ? undefined : 'META-2');
  });
});

describe('META-2 before META-3: the fuzzer finding', () => {
  it('get_metadata_ptr on a CLIENT-mode descriptor of a channel without ENGINE mode: EINVAL, not ENOTSUPP', () => {
    const cfg = config({ caps: { metadataClient: true, metadataEngine: false } });
    const pre = prefix(cfg, 'client');
    expect(firstRule(cfg, [...pre, ...call({ op: 'get_metadata_ptr', desc: 1 }, err('EINVAL'))])).toBe('undefined META-2');
    expect(firstRule(cfg, [...pre, ...call({ op: 'get_metadata_ptr', desc: 1 }, err('ENOTSUPP'))])).toBe('violation META-2');
  });
  it('a NULL from get_metadata_ptr is META-4 in every branch', () => {
    for (const fixed of ['none', 'client', 'engine'] as const) {
      const cfg = config();
      expect(firstRule(cfg, [...prefix(cfg, fixed), ...call({ op: 'get_metadata_ptr', desc: 1 }, { t: 'null' })]), fixed).toBe('violation META-4');
    }
  });
  it('a failed first call leaves the descriptor without a mode (a later supported mode still works)', () => {
    const cfg = config({ caps: { metadataClient: false, metadataEngine: true } });
    const t = [...prefix(cfg, 'none'), ...call({ op: 'attach_metadata', desc: 1, len: 4 }, err('ENOTSUPP')),
      ...call({ op: 'get_metadata_ptr', desc: 1 }, PTR)];
    expect(firstRule(cfg, t)).toBe('none');
  });
});

describe('meta2_metaRets: every branch, including the one no conforming trace reaches', () => {
  const alts = (m: Fixed, want: MetadataMode, sup: boolean, ptr: boolean): string =>
    meta2_metaRets(m, want, sup, ptr).alts.map(altText).join(',');
  it.each([
    ['none', true, 'int 0', 'metaptr'], ['none', false, 'err ENOTSUPP', 'err ENOTSUPP'],
    ['same', true, 'int 0', 'metaptr'], ['same', false, 'err ENOTSUPP', 'err ENOTSUPP'],
    ['other', true, 'err EINVAL', 'err EINVAL'], ['other', false, 'err EINVAL', 'err EINVAL'],
  ] as const)('mode %s, supported %s', (m, sup, int, ptr) => {
    for (const want of ['client', 'engine'] as const) {
      const fixed: Fixed = m === 'none' ? 'none' : m === 'same' ? want : other(want);
      expect(alts(fixed, want, sup, false)).toBe(int);
      expect(alts(fixed, want, sup, true)).toBe(ptr);
    }
  });
  it('names META-2 for the other mode and META-3 for a missing mode or driver op', () => {
    expect(meta2_metaRets('client', 'engine', false, true).rule).toBe('META-2');
    expect(meta2_metaRets('none', 'engine', false, true).rule).toBe('META-3');
    expect(meta2_metaRets('engine', 'engine', false, false).rule).toBe('META-3');
  });
});
