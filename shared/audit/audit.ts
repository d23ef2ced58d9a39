import { ulid } from 'ulid';
import type { Actor } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import { auditIndexPartition, auditKey, auditSortKey } from '../db/keys.js';
import type { TransactItem } from '../db/transact.js';

import type { AuditModule } from './modules.js';
import { boundChanges } from './bounded-changes.js';

export type { AuditModule } from './modules.js';

/** `{ field: { before, after } }` for every field whose value changed. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** One audit event as the API returns it. `at` is ISO-8601 UTC. */
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
 * Indexed by bot (GSI1), actor (GSI2), module (GSI3), action (GSI4) and module+action (GSI5) so each filter of
 * `GET /audit-logs` is a Query on an index of its own.
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
    changes: boundChanges(input.changes),
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
        GSI4PK: auditIndexPartition.GSI4(teamId, input.action),
        GSI4SK: sk,
        GSI5PK: auditIndexPartition.GSI5(teamId, input.module, input.action),
        GSI5SK: sk,
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
