import { ulid } from 'ulid';
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { botKey, callKey, callPrefix, callRefKey } from '../../db/keys.js';
import { NotFound } from '../errors.js';
import type { StoredBot } from '../bots/model.js';
import type { CallStatus } from './fields.js';

/**
 * Calls as stored and read: a call lives in its bot's data generation (`callKey`), found by id through its
 * pointer (`callRefKey`). The reads here are all a read route needs, without the write path's dependencies.
 */
/** One post-call push attempt as recorded on the call. */
export type PushAttempt = { attempt: number; at: string; url: string; statusCode: number | null; error: string | null; durationMs: number };
export type PushState = {
  status: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
  url: string;
  attempts: PushAttempt[];
  nextAttemptAt: string | null;
};

/** A call as the API returns it. Timestamps are ISO-8601 UTC; `queuedAt` is when the dialout was accepted. */
export type Call = {
  id: string;
  botId: string;
  status: CallStatus;
  direction: 'outbound';
  to: string;
  from: string | null;
  variables: { crm: Record<string, string | number | boolean | null> };
  sipHeaders: Record<string, string>;
  result: Record<string, unknown> | null;
  analysis: Record<string, unknown> | null;
  qc: Record<string, unknown> | null;
  events: { type: CallStatus; at: string }[];
  push: PushState | null;
  queuedAt: string;
  ringingAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
  /** Campaign calls: the campaign and the attempt number for the contact (1-based). */
  campaignId?: string;
  attempt?: number;
};
/**
 * The stored item adds the team, the data generation it was written in, and an optimistic-lock version;
 * `holdsSlot` when it took its team's (and campaign's) slot, released when it ends.
 */
export type StoredCall = Call & { teamId: string; dataGeneration: number; version: number; holdsSlot?: boolean };

/** The API shape of a stored call, fields in a stable, readable order (DynamoDB returns attributes unordered). */
export function toCall(item: Record<string, unknown>): Call {
  const c = item as StoredCall;
  return {
    id: c.id,
    botId: c.botId,
    status: c.status,
    direction: c.direction,
    to: c.to,
    from: c.from,
    variables: c.variables,
    sipHeaders: c.sipHeaders,
    result: c.result,
    analysis: c.analysis,
    qc: c.qc,
    events: c.events,
    push: c.push,
    queuedAt: c.queuedAt,
    ringingAt: c.ringingAt,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    updatedAt: c.updatedAt,
    ...(c.campaignId ? { campaignId: c.campaignId, attempt: c.attempt } : {}),
  };
}

const T = () => tableName();

/** Consistent BatchGetItem of keys that differ by SK; returns items by SK. Retries unprocessed keys. */
export async function batchGet(keys: { PK: string; SK: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = keys;
  for (let i = 0; pending.length && i < 5; i++) {
    const res = await doc.send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of res.Responses?.[T()] ?? []) out.set(item.SK as string, item);
    pending = (res.UnprocessedKeys?.[T()]?.Keys ?? []) as Record<string, unknown>[];
    if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** i));
  }
  if (pending.length) throw new Error('BatchGetItem left keys unprocessed');
  return out;
}

/**
 * The call and its bot, or undefined when the call does not exist, belongs to another team, or to a data
 * generation the bot has left (reset). Two requests: the pointer (GetItem), then bot + call (BatchGetItem).
 */
export async function findCall(teamId: string, callId: string): Promise<{ bot: StoredBot; call: StoredCall } | undefined> {
  const ref = (await doc.send(new GetCommand({ TableName: T(), Key: callRefKey(teamId, callId), ConsistentRead: true }))).Item;
  if (!ref) return undefined;
  const bk = botKey(teamId, ref.botId as string);
  const ck = callKey(teamId, ref.botId as string, ref.dataGeneration as number, callId);
  const items = await batchGet([bk, ck]);
  const bot = items.get(bk.SK) as StoredBot | undefined;
  const call = items.get(ck.SK) as StoredCall | undefined;
  if (!bot || !call || (bot.dataGeneration ?? 0) !== call.dataGeneration) return undefined;
  return { bot, call };
}

export async function getCall(teamId: string, callId: string): Promise<Call> {
  const found = await findCall(teamId, callId);
  if (!found) throw new NotFound('Call');
  return toCall(found.call);
}

/** A bot's calls in its current data generation, newest first. */
export async function listBotCalls(teamId: string, botId: string, limit: number, cursor?: string) {
  const bot = (await doc.send(new GetCommand({ TableName: T(), Key: botKey(teamId, botId) }))).Item as StoredBot | undefined;
  if (!bot) throw new NotFound('Bot');
  const { PK, SKPrefix } = callPrefix(teamId, botId, bot.dataGeneration ?? 0);
  const res = await doc.send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: { PK }, sortAttrs: ['SK'], sortPrefix: SKPrefix }),
    }),
  );
  return { items: (res.Items ?? []).map(toCall), nextCursor: encodeCursor(res.LastEvaluatedKey as Record<string, string>) };
}

/**
 * A new outbound call as dialout and the campaign dispatcher write it: `queued` at `now` (ISO-8601), version 1, its
 * `queued` event, no result yet. `extra` adds what the caller knows (campaign, attempt, slot).
 */
export function newOutboundCall(
  init: Pick<StoredCall, 'botId' | 'teamId' | 'dataGeneration' | 'to' | 'from' | 'variables' | 'sipHeaders'>,
  now: string,
  extra: Partial<StoredCall> = {},
): StoredCall {
  return {
    id: ulid(),
    ...init,
    version: 1,
    status: 'queued',
    direction: 'outbound',
    result: null,
    analysis: null,
    qc: null,
    events: [{ type: 'queued', at: now }],
    push: null,
    queuedAt: now,
    ringingAt: null,
    startedAt: null,
    endedAt: null,
    updatedAt: now,
    ...extra,
  } as StoredCall;
}
