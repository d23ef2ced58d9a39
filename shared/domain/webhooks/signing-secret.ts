import { createHmac, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { webhookSecretKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict } from '../errors.js';

/**
 * The team's post-call push signing secret (`whsec_` + 32 random bytes, base64url).
 *
 * Why it is stored readable and not hashed: the pusher must compute HMAC-SHA256 with the secret itself; a hash
 * cannot sign. So it is kept as it is, in its own partition `WHSECRET#<teamId>`, encrypted at rest by the table's
 * key, and IAM keeps it from every function but the two that need it (the rotate route and the push worker):
 * all other functions' roles carry an explicit Deny on that partition (`dynamodb:LeadingKeys`,
 * infra/constructs/calls.ts). It is never logged, never put in an audit event (the audit records a version
 * number) and returned only by the rotate route. A KMS envelope would add a key per team and the KMS client,
 * which is not among the project's dependencies: a possible hardening, not needed for this threat model.
 *
 * Rotation keeps the previous secret valid for signing during `ROTATION_GRACE_MS` (Stripe's model): pushes carry
 * one `v1=` signature per valid secret, so a CRM can switch to the new secret without dropping a delivery.
 */
export type SigningSecrets = { current: string; previous: string | null; previousValidUntil: string | null; version: number };

export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

async function read(teamId: string): Promise<(SigningSecrets & { rotatedAt: string }) | undefined> {
  const res = await doc.send(new GetCommand({ TableName: tableName(), Key: webhookSecretKey(teamId), ConsistentRead: true }));
  return res.Item as (SigningSecrets & { rotatedAt: string }) | undefined;
}

/**
 * `POST /webhook-secret/rotate` (admin): a new secret, returned once here; the old one keeps signing for 24 h.
 * One transaction with its audit event (which names the version, never the secret).
 * @throws 409 when a concurrent rotation won the race.
 */
export async function rotateSigningSecret(
  teamId: string,
  actor: Actor,
): Promise<{ secret: string; previousSecretValidUntil: string | null }> {
  const current = await read(teamId);
  const now = new Date();
  const next: SigningSecrets & { rotatedAt: string } = {
    current: newSecret(),
    previous: current?.current ?? null,
    previousValidUntil: current ? new Date(now.getTime() + ROTATION_GRACE_MS).toISOString() : null,
    version: (current?.version ?? 0) + 1,
    rotatedAt: now.toISOString(),
  };
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Put: {
            TableName: tableName(),
            Item: { ...webhookSecretKey(teamId), entity: 'webhookSecret', ...next },
            ...(current
              ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': current.version } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        },
        onConditionFailed: () => new Conflict('The signing secret was rotated concurrently; retry.'),
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'webhooks',
          action: 'rotate_secret',
          targetId: teamId,
          changes: { secretVersion: { before: current?.version ?? null, after: next.version } },
        },
        next.rotatedAt,
      ),
    ]),
  );
  return { secret: next.current, previousSecretValidUntil: next.previousValidUntil };
}

/**
 * The secrets to sign with now: the current one and, during the grace period, the previous one. A team that never
 * rotated gets its first secret here (created once, audited as a system action): the admin obtains it by
 * rotating, which is how a CRM is set up anyway.
 */
export async function signingSecretsFor(teamId: string): Promise<string[]> {
  let s = await read(teamId);
  if (!s) {
    const created: SigningSecrets & { rotatedAt: string } = {
      current: newSecret(),
      previous: null,
      previousValidUntil: null,
      version: 1,
      rotatedAt: new Date().toISOString(),
    };
    try {
      // Created meanwhile by another push: that one is read below.
      await transactWrite([
        {
          Put: {
            TableName: tableName(),
            Item: { ...webhookSecretKey(teamId), entity: 'webhookSecret', ...created },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        auditPut(
          teamId,
          {
            actor: { email: 'system:post-call-push', role: 'system' },
            module: 'webhooks',
            action: 'create_secret',
            targetId: teamId,
            changes: { secretVersion: { before: null, after: 1 } },
          },
          created.rotatedAt,
        ),
      ]);
      s = created;
    } catch {
      s = await read(teamId);
      if (!s) throw new Error('signing secret could not be created');
    }
  }
  const previousValid = s.previous && s.previousValidUntil && Date.parse(s.previousValidUntil) > Date.now();
  return previousValid ? [s.current, s.previous!] : [s.current];
}

/**
 * The signature header value (Stripe style): `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, one
 * `v1` per secret. Receivers recompute it over the raw body with their secret, compare in constant time and
 * refuse timestamps older than a few minutes (replay).
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
export function signatureHeader(body: string, secrets: string[], timestamp = Math.floor(Date.now() / 1000)): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${createHmac('sha256', s).update(`${timestamp}.${body}`).digest('hex')}`)].join(',');
}

export const SIGNATURE_HEADER = 'Botops-Signature';
