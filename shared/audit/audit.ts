import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Actor } from '../auth/principal.js';
import { doc, tableName } from '../db/client.js';
import { decodeCursor, encodeCursor, keyOf } from '../db/cursor.js';
import { auditIndexPartition, auditKey, auditPartition, auditSortKey } from '../db/keys.js';
import type { TransactItem } from '../db/transact.js';

import type { AuditModule } from './modules.js';

export type { AuditModule } from './modules.js';

/** `{ field: { before, after } }` for every field whose value changed. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** One audit event as the API returns it (spec, Audit log). `at` is ISO-8601 UTC. */
export type AuditEvent = {
  id: string;
  at: string;
  actorEmail: string;
  actorRole: string;
  module: AuditModule;
  action: string;
  botId?: string;
  targetId: string;
  changes: Changes;
};

export type AuditInput = { actor: Actor; module: AuditModule; action: string; botId?: string; targetId: string; changes: Changes };

/**
 * The audit event's `Put`, to be placed in the same `TransactWriteItems` as the change it records.
 * Indexed by bot (GSI1), actor (GSI2) and module (GSI3) so each filter of `GET /audit-logs` is a Query.
 */
export function auditPut(teamId: string, input: AuditInput, at = new Date().toISOString()): TransactItem {
  const id = ulid();
  const sk = auditSortKey(at, id);
  const event: AuditEvent = {
    id,
    at,
    actorEmail: input.actor.email,
    actorRole: input.actor.role,
    module: input.module,
    action: input.action,
    ...(input.botId ? { botId: input.botId } : {}),
    targetId: input.targetId,
    changes: input.changes,
  };
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...auditKey(teamId, at, id),
        entity: 'audit',
        teamId,
        ...event,
        ...(input.botId ? { GSI1PK: auditIndexPartition.GSI1(teamId, input.botId), GSI1SK: sk } : {}),
        GSI2PK: auditIndexPartition.GSI2(teamId, input.actor.email),
        GSI2SK: sk,
        GSI3PK: auditIndexPartition.GSI3(teamId, input.module),
        GSI3SK: sk,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Field-by-field diff of two objects, limited to `fields` when given. */
export function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, fields?: string[]): Changes {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: Changes = {};
  for (const k of keys) {
    const b = before?.[k];
    const a = after?.[k];
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b ?? null, after: a ?? null };
  }
  return out;
}

export type AuditFilters = { module?: string; action?: string; actorEmail?: string; botId?: string; from?: string; to?: string };

/**
 * Newest-first page of a team's audit events matching `filters`. The most selective filter picks the key
 * (bot -> GSI1, actor -> GSI2, module -> GSI3, otherwise the team's audit partition) and the date range is a
 * sort-key range; any remaining filter is applied while paging until `limit` matches are found or the
 * partition ends, so a page is never empty while more matches exist.
 */
export async function listAuditEvents(
  teamId: string,
  filters: AuditFilters,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  filters = { ...filters, ...(filters.from ? { from: new Date(filters.from).toISOString() } : {}), ...(filters.to ? { to: new Date(filters.to).toISOString() } : {}) };
  const [index, partition] = filters.botId
    ? (['GSI1', auditIndexPartition.GSI1(teamId, filters.botId)] as const)
    : filters.actorEmail
      ? (['GSI2', auditIndexPartition.GSI2(teamId, filters.actorEmail)] as const)
      : filters.module
        ? (['GSI3', auditIndexPartition.GSI3(teamId, filters.module)] as const)
        : ([undefined, auditPartition(teamId)] as const);
  const pk = index ? `${index}PK` : 'PK';
  const sk = index ? `${index}SK` : 'SK';
  const keyAttrs = index ? ['PK', 'SK', pk, sk] : ['PK', 'SK'];

  const names: Record<string, string> = { '#pk': pk };
  const values: Record<string, unknown> = { ':pk': partition };
  let keyCond = '#pk = :pk';
  if (filters.from || filters.to) {
    names['#sk'] = sk;
    values[':from'] = filters.from ?? '0000';
    values[':to'] = `${filters.to ?? '9999'}#\uffff`;
    keyCond += ' AND #sk BETWEEN :from AND :to';
  }
  const rest: string[] = [];
  const addFilter = (attr: keyof AuditFilters, field: string, value: string | undefined, lower = false) => {
    if (value === undefined) return;
    names[`#${attr}`] = field;
    values[`:${attr}`] = lower ? value.toLowerCase() : value;
    rest.push(`#${attr} = :${attr}`);
  };
  if (index !== 'GSI1') addFilter('botId', 'botId', filters.botId);
  if (index !== 'GSI2') addFilter('actorEmail', 'actorEmail', filters.actorEmail, true);
  if (index !== 'GSI3') addFilter('module', 'module', filters.module);
  addFilter('action', 'action', filters.action);

  const input: QueryCommandInput = {
    TableName: tableName(),
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: keyCond,
    ...(rest.length ? { FilterExpression: rest.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
  let start = decodeCursor(cursor, { partition: { [pk]: partition }, sortAttrs: [sk] });
  // With a filter left over, read ahead in bigger pages and cut at `limit`; the cursor then points at the
  // last event returned, not at DynamoDB's LastEvaluatedKey, so nothing is skipped.
  const pageSize = rest.length ? Math.max(limit, 200) : limit;
  const items: Record<string, unknown>[] = [];
  let next: Record<string, string> | undefined;
  for (;;) {
    const page = await doc.send(new QueryCommand({ ...input, Limit: pageSize, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (items.length >= limit) {
      const cut = items.length > limit || start;
      items.length = limit;
      next = cut ? keyOf(items[limit - 1]!, keyAttrs) : undefined;
      break;
    }
    if (!start) break;
  }
  return { items: items.map(toAuditEvent), nextCursor: encodeCursor(next) };
}

function toAuditEvent(item: Record<string, unknown>): AuditEvent {
  const { id, at, actorEmail, actorRole, module, action, botId, targetId, changes } = item as AuditEvent;
  return { id, at, actorEmail, actorRole, module, action, ...(botId ? { botId } : {}), targetId, changes };
}
