/**
 * Per-descriptor metadata rules (META-1..META-10).
 * @public
 */
import { CR, DC, DH, PR } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The META rules in fact-sheet order. @public */
export const METADATA_RULES = defineGroup('META', [
  {
    id: 'META-1', binds: 'client', check: MODEL,
    statement: 'Before using a metadata mode the client asks dmaengine_is_metadata_mode_supported, which says false for a NULL channel.',
    source: { seed: CR('3-meta'), kernel: [DH('dmaengine_is_metadata_mode_supported')] },
  },
  {
    id: 'META-2', binds: 'engine', check: MODEL,
    statement: 'The first metadata call on a descriptor fixes its mode, and a later call of the other mode fails with -EINVAL (an ERR_PTR from get_metadata_ptr), whether or not the channel supports that other mode: the mode check comes before the support check.',
    source: { seed: CR('3-meta-note'), kernel: [DC('desc_check_and_set_metadata_mode')] },
  },
  {
    id: 'META-3', binds: 'engine', check: MODEL,
    statement: 'Metadata calls fail with -ENOTSUPP when the descriptor has no mode yet and the channel lacks the requested one, or when the driver op is missing (checked after the mode), and with -EINVAL for a NULL descriptor.',
    source: { kernel: [DC('dmaengine_desc_attach_metadata, dmaengine_desc_get_metadata_ptr, dmaengine_desc_set_metadata_len')] },
  },
  {
    id: 'META-4', binds: 'client', check: MODEL,
    statement: 'dmaengine_desc_get_metadata_ptr reports failure through an ERR_PTR, so callers test it with IS_ERR rather than against NULL.',
    source: { kernel: [DC('dmaengine_desc_get_metadata_ptr')] },
  },
  {
    id: 'META-5', binds: 'client', check: MODEL,
    statement: 'In CLIENT mode for MEM_TO_DEV or MEM_TO_MEM the client builds its metadata and attaches it after prep and before submit.',
    source: { seed: CR('3-meta'), kernel: [] },
  },
  {
    id: 'META-6', binds: 'both', check: MODEL,
    statement: 'In CLIENT mode for DEV_TO_MEM the client attaches its buffer before submit, and the engine fills it before announcing completion and leaves it alone afterwards.',
    source: { seed: CR('3-meta'), kernel: [PR('metadata')] },
  },
  {
    id: 'META-7', binds: 'client', check: MODEL,
    statement: 'In ENGINE mode for MEM_TO_DEV or MEM_TO_MEM the client gets the pointer, writes the metadata, sets its length and only then submits.',
    source: { seed: CR('3-meta'), kernel: [] },
  },
  {
    id: 'META-8', binds: 'client', check: MODEL,
    statement: 'In ENGINE mode for DEV_TO_MEM the client submits first and reads the metadata through get_metadata_ptr inside the completion callback.',
    source: { seed: CR('3-meta'), kernel: [] },
    range: 'Q18: reading through the descriptor in its callback is an implicit exception to DESC-5 that the model accepts.',
  },
  {
    id: 'META-9', binds: 'client', check: MODEL,
    statement: 'The ENGINE metadata pointer stops being valid when the completion callback returns, or right after issue_pending when the descriptor has no callback.',
    source: { seed: CR('3-meta-note'), kernel: [] },
  },
  {
    id: 'META-10', binds: 'engine', check: MODEL,
    statement: 'With ENGINE metadata the engine keeps the descriptor alive until its completion callback has run.',
    source: { kernel: [PR('metadata')] },
  },
]);
