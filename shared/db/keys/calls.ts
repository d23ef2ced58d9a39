import type { Key } from './key.js';
import { botDataPartition } from './team.js';

/* Keys of calls, their pointers, the transactional outbox and the post-call push signing secret. */

/** A call is bot data: it lives in the bot's current data generation, so a reset hides it from every read. */
export const callKey = (teamId: string, botId: string, generation: number, callId: string): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `CALL#${callId}`,
});
/** A bot's calls: ULID ids, so `ScanIndexForward: false` lists them newest first. */
export const callPrefix = (teamId: string, botId: string, generation: number) => ({
  PK: botDataPartition(teamId, botId, generation),
  SKPrefix: 'CALL#',
});

/**
 * `GET /calls/{callId}` has no bot id: this pointer, one partition per call, names the bot and the data
 * generation the call was written in. A reader compares that generation with the bot's current one, so a call
 * of a reset bot answers 404 like any missing id. The team is part of the key: another team's id never matches.
 */
export const callRefKey = (teamId: string, callId: string): Key => ({ PK: `CALLREF#${callId}`, SK: `TEAM#${teamId}` });

/** Transactional outbox (events written with the change, published after it); sharded to spread writes. */
export const OUTBOX_SHARDS = 4;
export const outboxPartition = (shard: number) => `OUTBOX#${shard}`;
export const outboxKey = (shard: number, at: string, entryId: string): Key => ({ PK: outboxPartition(shard), SK: `${at}#${entryId}` });
/** Outbox entries the relay gave up on (never accepted by the bus); kept, with the last error, for an operator. */
export const OUTBOX_DEAD_LETTER_PARTITION = 'OUTBOX#DEAD';
export const outboxDeadLetterKey = (entrySortKey: string): Key => ({ PK: OUTBOX_DEAD_LETTER_PARTITION, SK: entrySortKey });

/**
 * The team's post-call push signing secret, alone in its own partition so IAM can keep every other function
 * from reading it (`dynamodb:LeadingKeys` deny, see infra/constructs/calls.ts).
 */
export const WEBHOOK_SECRET_PARTITION_PREFIX = 'WHSECRET#';
export const webhookSecretKey = (teamId: string): Key => ({ PK: `${WEBHOOK_SECRET_PARTITION_PREFIX}${teamId}`, SK: 'WHSECRET' });
