/**
 * Call statuses, event types and the `result.*` fields: plain constants (no zod), shared by the schemas, the
 * variable reference and the store, so read-only functions do not bundle the validation library.
 */

/**
 * Call statuses in order; `completed` and `failed` are both final (statuses only move forward). `waiting`: accepted
 * while the team was at its ceiling of calls in flight; it becomes `queued` (and its `CallRequested` event goes out)
 * when a slot frees.
 */
export const CALL_STATUSES = ['waiting', 'queued', 'ringing', 'in_progress', 'completed', 'failed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const EVENT_TYPES = ['ringing', 'in_progress', 'completed', 'failed'] as const;
export type CallEventType = (typeof EVENT_TYPES)[number];
export const FINAL_STATUSES: readonly CallStatus[] = ['completed', 'failed'];
const RANK: Record<CallStatus, number> = { waiting: -1, queued: 0, ringing: 1, in_progress: 2, completed: 3, failed: 3 };
/** True when a call in `from` may move to `to`: strictly later; nothing leaves a final status. */
export const movesForward = (from: CallStatus, to: CallStatus) => RANK[to] > RANK[from];

export const ENDED_REASONS = [
  'customer_hangup',
  'bot_hangup',
  'transferred',
  'voicemail',
  'no_answer',
  'busy',
  'max_duration',
  'error',
  'timeout',
] as const;
/** `voicemail` and `machine` both count as a voicemail for campaign retries. */
export const ANSWERED_BY = ['human', 'voicemail', 'machine', 'unknown'] as const;

/**
 * `result.*`: what the telephony side reports when a call ends. `status` is set by botops from the event
 * type; the reference (Integration tab) and the push payload use the same keys. One table so they cannot drift.
 */
export type ResultField = {
  key: string;
  type: 'string' | 'integer' | 'enum';
  values?: readonly string[];
  description: string;
  example: string;
};
export const CALL_RESULT_FIELDS: readonly ResultField[] = [
  {
    key: 'status',
    type: 'enum',
    values: ['completed', 'failed'],
    description: 'How the call ended (set from the event type).',
    example: 'completed',
  },
  { key: 'durationSeconds', type: 'integer', description: 'Talk time in seconds.', example: '184' },
  {
    key: 'endedReason',
    type: 'enum',
    values: ENDED_REASONS,
    description: 'Why the call ended (`timeout`: botops ended a call that outlived its max duration).',
    example: 'customer_hangup',
  },
  {
    key: 'transferredTo',
    type: 'string',
    description: 'The transfer target (name or E.164) when the bot transferred the call, else null.',
    example: '+14155550199',
  },
  {
    key: 'answeredBy',
    type: 'enum',
    values: ANSWERED_BY,
    description: 'Who answered: a human, a voicemail, a machine or unknown.',
    example: 'human',
  },
  {
    key: 'recordingUrl',
    type: 'string',
    description: 'Where the telephony side stored the recording, if anywhere.',
    example: 'https://recordings.example.com/calls/123.wav',
  },
  {
    key: 'summary',
    type: 'string',
    description: 'A short summary of the conversation.',
    example: 'Customer confirmed the appointment for Tuesday.',
  },
];

/** EventBridge detail types of the calls domain. */
export const CALL_REQUESTED = 'CallRequested';
export const CALL_ENDED = 'CallEnded';
