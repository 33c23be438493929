/**
 * Per-descriptor metadata rules (META). Fact sheet §2.10.
 * @public
 */
import type { MetadataMode } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

const NULL_META = { rule: 'META-4', msg: 'get_metadata_ptr returned NULL instead of ERR_PTR' } as const;
const NOT_SUPPORTED: RetSpec = { rule: 'META-3', msg: 'unsupported metadata mode must fail with ENOTSUPP', alts: [{ t: 'err', e: ['ENOTSUPP'] }], byKind: { null: NULL_META } };
const OTHER_MODE: RetSpec = { rule: 'META-2', msg: 'metadata call of the other mode must fail with EINVAL', alts: [{ t: 'err', e: ['EINVAL'] }], byKind: { null: NULL_META } };
const PTR_OK: RetSpec = {
  rule: 'META-4', msg: 'get_metadata_ptr returns a pointer or ERR_PTR, never NULL', alts: [{ t: 'metaptr' }],
  byKind: { err: { rule: 'META-3', msg: 'get_metadata_ptr of a supported mode must return a pointer' } },
};
const INT_OK: RetSpec = { rule: 'META-3', msg: 'metadata call of a supported mode must return 0', alts: [{ t: 'int', v: 0 }] };

/**
 * META-1: dmaengine_is_metadata_mode_supported reports the device's modes.
 * Source: DH (dmaengine_is_metadata_mode_supported).
 */
export function meta1_supportedRets(supported: boolean): RetSpec {
  return { rule: 'META-1', msg: 'metadata_supported differs from the device modes', alts: [{ t: 'bool', v: supported }] };
}

/**
 * META-1: check dmaengine_is_metadata_mode_supported before using a mode.
 * Source: CR §3; DH.
 */
export const meta1_checkedFirst = (cx: Cx, checked: boolean): Fail | undefined =>
  client(cx, checked, 'META-1', 'metadata mode used without checking support');

/**
 * META-2/META-3/META-4: the return of attach/get_ptr/set_len, in the kernel's order
 * (desc_check_and_set_metadata_mode, then the driver op):
 * 1. no mode yet: the channel supports `want` → go on (the mode is fixed), else -ENOTSUPP (META-3);
 * 2. a mode of the other kind → -EINVAL (META-2), whether or not `want` is supported;
 * 3. the driver op: present exactly when the device declares `want` (config caps), else -ENOTSUPP (META-3);
 * then 0, or a pointer for get_ptr (never NULL: META-4).
 * Source: DC (desc_check_and_set_metadata_mode, dmaengine_desc_*); CR §3.
 */
export function meta2_metaRets(mode: MetadataMode | 'none', want: MetadataMode, supported: boolean, getPtr: boolean): RetSpec {
  if (mode === 'none' && !supported) return NOT_SUPPORTED;
  if (mode !== 'none' && mode !== want) return OTHER_MODE;
  // Mode fixed to `want` (or fixable): the driver op decides; it exists iff the mode is declared.
  if (!supported) return NOT_SUPPORTED;
  return getPtr ? PTR_OK : INT_OK;
}

/**
 * META-2: do not mix CLIENT and ENGINE mode on one descriptor.
 * Source: CR §3 note.
 */
export const meta2_noMixing = (cx: Cx, mode: MetadataMode | 'none', want: MetadataMode): Fail | undefined =>
  client(cx, mode === 'none' || mode === want, 'META-2', 'mixed metadata modes');

/**
 * META-5: CLIENT mode MEM_TO_DEV: attach after prep and before submit.
 * Source: CR §3.
 */
export const meta5_attachBeforeSubmit = (cx: Cx, unsubmitted: boolean): Fail | undefined =>
  client(cx, unsubmitted, 'META-5', 'client metadata attached after submit');

/**
 * META-6: CLIENT mode DEV_TO_MEM: attach before submit.
 * Source: CR §3.
 */
export const meta6_attachBeforeSubmit = (cx: Cx, unsubmitted: boolean): Fail | undefined =>
  client(cx, unsubmitted, 'META-6', 'client metadata attached after submit');

/**
 * META-6: CLIENT mode DEV_TO_MEM: the engine fills the buffer before completion, never after.
 * Source: CR §3; PR (metadata).
 */
export const meta6_copiedBeforeComplete = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'META-6', what);

/**
 * META-7: ENGINE mode MEM_TO_DEV: get_ptr, write, set_len, then submit.
 * Source: CR §3.
 */
export const meta7_writeBeforeSubmit = (cx: Cx, unsubmitted: boolean): Fail | undefined =>
  client(cx, unsubmitted, 'META-7', 'engine metadata written after submit');

/**
 * META-8: ENGINE mode DEV_TO_MEM: read via get_ptr inside the completion callback.
 * Source: CR §3.
 */
export const meta8_readInCallback = (cx: Cx, ok: boolean): Fail | undefined =>
  client(cx, ok, 'META-8', 'engine metadata pointer taken outside the completion callback');

/**
 * META-9: the ENGINE metadata pointer is invalid after the completion callback returned (no callback: after issue_pending).
 * Source: CR §3 (metadata note).
 */
export const meta9_pointerValid = (cx: Cx, valid: boolean): Fail | undefined =>
  client(cx, valid, 'META-9', 'engine metadata pointer used after it became invalid');

/**
 * META-10: with ENGINE metadata the engine keeps the descriptor until its callback ran.
 * Source: PR (metadata note).
 */
export const meta10_keptUntilCallback = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'META-10', 'engine metadata freed before the callback ran');
