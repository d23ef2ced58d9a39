import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../db/client.js';
import { decodeCursor, encodeCursor, keyOf } from '../db/cursor.js';
import { auditIndexPartition, auditPartition } from '../db/keys.js';
import type { AuditEvent } from './audit.js';

/** Reading the audit log: one key Query per filter set, newest first, for the list and for the CSV exporter. */

export type AuditFilters = { module?: string; action?: string; actorEmail?: string; botId?: string; from?: string; to?: string };

/**
 * How one filter set is read: the Query (index, key condition, leftover filter) and the key attributes a
 * cursor must carry. Most selective key first: bot (GSI1) -> actor (GSI2) -> module+action (GSI5) -> module
 * (GSI3) -> action (GSI4) -> the team's audit partition; from/to are a sort-key range on whichever is used.
 * Every single filter, and module+action, is thus a pure key Query; only bot or actor combined with another
 * filter leaves a `FilterExpression` (over that bot's or actor's events alone).
 */
export type AuditQueryPlan = {
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  partition: Record<string, string>;
  sortAttr: string;
  keyAttrs: string[];
  /** True when a filter is applied while paging (a page may then need several reads). */
  filtered: boolean;
};

/** The audit event attributes read back (plus key attributes for cursors). */
const EVENT_ATTRS = ['id', 'at', 'actorEmail', 'actorRole', 'module', 'action', 'botId', 'targetId', 'changes'] as const;

export function auditQueryPlan(teamId: string, raw: AuditFilters): AuditQueryPlan {
  const filters = normalizeFilters(raw);
  const { botId, actorEmail, module, action } = filters;
  const [index, pkValue, covered] = botId
    ? (['GSI1', auditIndexPartition.GSI1(teamId, botId), ['botId']] as const)
    : actorEmail
      ? (['GSI2', auditIndexPartition.GSI2(teamId, actorEmail), ['actorEmail']] as const)
      : module && action
        ? (['GSI5', auditIndexPartition.GSI5(teamId, module, action), ['module', 'action']] as const)
        : module
          ? (['GSI3', auditIndexPartition.GSI3(teamId, module), ['module']] as const)
          : action
            ? (['GSI4', auditIndexPartition.GSI4(teamId, action), ['action']] as const)
            : ([undefined, auditPartition(teamId), []] as const);
  const pk = index ? `${index}PK` : 'PK';
  const sk = index ? `${index}SK` : 'SK';
  const keyAttrs = index ? ['PK', 'SK', pk, sk] : ['PK', 'SK'];

  const names: Record<string, string> = { '#pk': pk };
  const values: Record<string, unknown> = { ':pk': pkValue };
  let keyCond = '#pk = :pk';
  if (filters.from || filters.to) {
    names['#sk'] = sk;
    values[':from'] = filters.from ?? '0000';
    values[':to'] = `${filters.to ?? '9999'}#\uffff`;
    keyCond += ' AND #sk BETWEEN :from AND :to';
  }
  const rest: string[] = [];
  for (const attr of ['botId', 'actorEmail', 'module', 'action'] as const) {
    const value = filters[attr];
    if (value === undefined || (covered as readonly string[]).includes(attr)) continue;
    names[`#f_${attr}`] = attr;
    values[`:f_${attr}`] = attr === 'actorEmail' ? value.toLowerCase() : value;
    rest.push(`#f_${attr} = :f_${attr}`);
  }
  const projected = [...new Set([...EVENT_ATTRS, ...keyAttrs])];
  for (const [i, a] of projected.entries()) names[`#p${i}`] = a;
  return {
    input: {
      TableName: tableName(),
      ...(index ? { IndexName: index } : {}),
      KeyConditionExpression: keyCond,
      ...(rest.length ? { FilterExpression: rest.join(' AND ') } : {}),
      ProjectionExpression: projected.map((_, i) => `#p${i}`).join(', '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
    },
    partition: { [pk]: pkValue },
    sortAttr: sk,
    keyAttrs,
    filtered: rest.length > 0,
  };
}

/** `from`/`to` as the canonical ISO-8601 UTC form the sort keys use (`2026-01-31T00:00:00.000Z`). */
export function normalizeFilters(filters: AuditFilters): AuditFilters {
  return {
    ...filters,
    ...(filters.from ? { from: new Date(filters.from).toISOString() } : {}),
    ...(filters.to ? { to: new Date(filters.to).toISOString() } : {}),
  };
}

/**
 * Newest-first page of a team's audit events matching `filters` (plan: {@link auditQueryPlan}). When a filter
 * is left over, pages are read ahead and cut at `limit` until `limit` matches are found or the partition
 * ends, so a page is never empty while more matches exist. Throws `InvalidCursor` for a foreign cursor.
 */
export async function listAuditEvents(
  teamId: string,
  filters: AuditFilters,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const plan = auditQueryPlan(teamId, filters);
  const values = plan.input.ExpressionAttributeValues ?? {};
  const range = values[':from'] !== undefined ? ([values[':from'], values[':to']] as [string, string]) : undefined;
  let start = decodeCursor(cursor, { partition: plan.partition, sortAttrs: [plan.sortAttr], ...(range ? { sortBetween: range } : {}) });
  // With a filter left over, read ahead in bigger pages and cut at `limit`; the cursor then points at the
  // last event returned, not at DynamoDB's LastEvaluatedKey, so nothing is skipped.
  const pageSize = plan.filtered ? Math.max(limit, 200) : limit;
  const items: Record<string, unknown>[] = [];
  let next: Record<string, string> | undefined;
  for (;;) {
    const page = await doc.send(new QueryCommand({ ...plan.input, Limit: pageSize, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (items.length >= limit) {
      const cut = items.length > limit || start;
      items.length = limit;
      next = cut ? keyOf(items[limit - 1]!, plan.keyAttrs) : undefined;
      break;
    }
    if (!start) break;
  }
  return { items: items.map(toAuditEvent), nextCursor: encodeCursor(next) };
}

/** Items per Query page of {@link auditEventPages}: ~0.4 MB of typical events, under DynamoDB's 1 MB page cap. */
export const EXPORT_PAGE_ITEMS = 1000;

/**
 * Every audit event of the team matching `filters`, newest first, in Query pages of `pageSize` (>= 2) items: what
 * the CSV exporter streams. Pages emptied by a leftover filter are skipped, not yielded; the next page is
 * requested while the caller handles this one (two pages in memory at most).
 *
 * Pages continue below the last evaluated sort key (`<sk> BETWEEN :from AND :last`, the item equal to
 * `:last` dropped) rather than from `ExclusiveStartKey`: on DynamoDB the two cost the same (sort keys
 * `<at>#<id>` are unique), and DynamoDB Local, which loads a whole partition to honour an
 * `ExclusiveStartKey`, then reads a million-event partition at full speed instead of running out of heap.
 */
export async function* auditEventPages(teamId: string, filters: AuditFilters, pageSize = EXPORT_PAGE_ITEMS): AsyncGenerator<AuditEvent[]> {
  const plan = auditQueryPlan(teamId, filters);
  const from = normalizeFilters(filters).from ?? '0000';
  const { ':to': _to, ...values } = plan.input.ExpressionAttributeValues ?? {};
  const read = (last?: string) =>
    doc.send(
      new QueryCommand({
        ...plan.input,
        // the item at `:last` is evaluated again: two at least, so every page moves on
        Limit: Math.max(2, pageSize),
        ...(last
          ? {
              KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :last',
              ExpressionAttributeNames: { ...plan.input.ExpressionAttributeNames, '#sk': plan.sortAttr },
              ExpressionAttributeValues: { ...values, ':from': from, ':last': last },
            }
          : {}),
      }),
    );
  let bound: string | undefined;
  let pending: ReturnType<typeof read> | undefined = read();
  try {
    while (pending) {
      const page: Awaited<ReturnType<typeof read>> = await pending;
      const used = bound;
      bound = page.LastEvaluatedKey?.[plan.sortAttr] as string | undefined;
      pending = bound ? read(bound) : undefined;
      const items = used ? (page.Items ?? []).filter((i) => i[plan.sortAttr] !== used) : (page.Items ?? []);
      if (items.length) yield items.map(toAuditEvent);
    }
  } finally {
    // the caller stopped early: a read still in flight must not surface as an unhandled rejection
    pending?.catch(() => undefined);
  }
}

function toAuditEvent(item: Record<string, unknown>): AuditEvent {
  const { id, at, actorEmail, actorRole, module, action, botId, targetId, changes } = item as AuditEvent;
  return { id, at, actorEmail, actorRole, module, action, ...(botId ? { botId } : {}), targetId, changes };
}
