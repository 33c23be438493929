/** Client-misuse commands (misuse mode): each breaks a C rule on purpose (undefined or advisory). @public */
import type { CommandSpec } from '../index.ts';
import { callbackMisuseArb } from './callback-misuse.ts';
import { doubleSubmitArb } from './double-submit.ts';
import { issueWhileTerminatingArb } from './issue-while-terminating.ts';
import { mapClientDevArb } from './map-client-dev.ts';
import { mixMetadataArb } from './mix-metadata.ts';
import { reuseWithoutCapArb } from './reuse-without-cap.ts';
import { teardownWithDataArb } from './teardown-with-data.ts';
import { resumeNotPausedArb } from './resume-not-paused.ts';
import { sleepInAtomicArb } from './sleep-in-atomic.ts';
import { unmapInFlightArb } from './unmap-in-flight.ts';
import { useAfterReleaseArb } from './use-after-release.ts';
import { terminateAllArb } from '../terminate-all.ts';

/** @public */
export const MISUSE_COMMANDS: readonly CommandSpec[] = [
  { op: 'misuse:sleep_in_atomic', arb: sleepInAtomicArb, weight: 1, groups: ['CH', 'SYNC', 'TERM'] },
  { op: 'misuse:resume_not_paused', arb: resumeNotPausedArb, weight: 1, groups: ['PAUSE'], needs: 'resume' },
  { op: 'misuse:callback', arb: callbackMisuseArb, weight: 1, groups: ['CB'], needs: 'callbacks' },
  { op: 'misuse:issue_while_terminating', arb: issueWhileTerminatingArb, weight: 1, groups: ['SYNC'], needs: 'terminate' },
  { op: 'misuse:unmap_in_flight', arb: unmapInFlightArb, weight: 1, groups: ['DATA'] },
  { op: 'misuse:touch_submitted', arb: doubleSubmitArb, weight: 1, groups: ['DESC'] },
  { op: 'misuse:use_after_release', arb: useAfterReleaseArb, weight: 1, groups: ['CH'] },
  { op: 'terminate_all', arb: terminateAllArb, weight: 1, groups: ['TERM'], needs: 'terminate' },
  { op: 'misuse:map_client_dev', arb: mapClientDevArb, weight: 1, groups: ['DATA'] },
  { op: 'misuse:mix_metadata', arb: mixMetadataArb, weight: 1, groups: ['META'], needs: 'metadata' },
  { op: 'misuse:teardown_with_data', arb: teardownWithDataArb, weight: 1, groups: ['DATA'] },
  { op: 'misuse:reuse_without_cap', arb: reuseWithoutCapArb, weight: 1, groups: ['DESC', 'CAPS'] },
];
