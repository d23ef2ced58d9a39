import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_NEEDS, leadingKeysOf, needsOf } from '../../infra/route-needs.js';
import { ROUTES } from '../../functions/routes.js';
import { GSIS } from '../../shared/db/table.js';
import { routeKey } from '../../shared/http/route.js';
import { flatTemplate, newStack } from './support/stack.js';
import {
  type Resources,
  actionsOf,
  allowedActions,
  functionByDescription,
  functionOfOperation,
  functionOfRoute,
  leadingKeys,
  statementsOfFunction,
  tableStatements,
} from './support/template.js';

/*
 * Least privilege per function, derived from the route table and infra/route-needs.ts: every DynamoDB
 * permission is scoped by `dynamodb:LeadingKeys` to the partitions the function declares, reads and writes apart;
 * public routes touch the table only where they must; GET routes only read.
 */

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

let resources: Resources;
let tableArn: unknown;
beforeAll(() => {
  resources = flatTemplate(newStack().stack).toJSON().Resources;
  tableArn = { 'Fn::GetAtt': ['TableCD117FA1', 'Arn'] };
});

const sorted = (xs: readonly string[] = []) => [...xs].sort();
const indexArns = () => GSIS.map((g) => ({ 'Fn::Join': ['', [tableArn, `/index/${g}`]] }));

describe('the authorizer', () => {
  it('may read and update API key items only: no team partition, no other table action', () => {
    const [id] = functionByDescription(resources, 'HTTP API authorizer -> functions/authorizer.ts');
    const { TableRead, TableWrite, ...rest } = tableStatements(resources, id);
    expect(rest).toEqual({});
    expect(TableRead).toEqual({
      Sid: 'TableRead',
      Effect: 'Allow',
      Action: READ,
      Resource: [tableArn, ...indexArns()],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APIKEY#*'] } },
    });
    expect(TableWrite).toEqual({
      Sid: 'TableWrite',
      Effect: 'Allow',
      Action: WRITE,
      Resource: tableArn,
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APIKEY#*'] } },
    });
  });
});

describe('public routes', () => {
  it('GET /health, GET /openapi.json and the widget script have no table access at all', () => {
    for (const key of ['GET /health', 'GET /openapi.json', 'GET /widget/v1/widget.js']) {
      const [id, fn] = functionOfRoute(resources, key);
      expect(
        [...allowedActions(resources, id)].filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:')),
        key,
      ).toEqual([]);
      expect(fn.Properties.Environment.Variables.TABLE_NAME, key).toBeUndefined();
      // nothing to fence either: no statement names the table
      expect(JSON.stringify(statementsOfFunction(resources, id)), key).not.toContain('TableCD117FA1');
    }
  });

  it('the widget session route reads the bot by id and its team, and writes only its rate-limit counter', () => {
    const [id] = functionOfRoute(resources, 'POST /widget/v1/sessions');
    const { TableRead, TableWrite } = tableStatements(resources, id);
    expect(leadingKeys(TableRead!)!.sort()).toEqual(['BOTID#*', 'RATE#*', 'TEAM#*']);
    expect(TableWrite).toMatchObject({ Action: WRITE, Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } } });
  });

  it('the widget preflight only reads', () => {
    const [id] = functionOfRoute(resources, 'OPTIONS /widget/v1/sessions');
    const t = tableStatements(resources, id);
    expect(Object.keys(t)).toEqual(['TableRead']);
    expect(leadingKeys(t.TableRead!)!.sort()).toEqual(['BOTID#*', 'TEAM#*']);
  });
});

describe('a read route', () => {
  it('GET /bots/{botId} reads team partitions, on the table and its indexes, and writes nothing', () => {
    const [id] = functionOfOperation(resources, 'getBot');
    expect(tableStatements(resources, id)).toEqual({
      TableRead: {
        Sid: 'TableRead',
        Effect: 'Allow',
        Action: READ,
        Resource: [tableArn, ...indexArns()],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TEAM#*'] } },
      },
    });
    for (const a of [...WRITE, 'dynamodb:Scan', 'dynamodb:*']) expect(allowedActions(resources, id)).not.toContain(a);
  });
});

describe('a mutation', () => {
  it('POST /bots writes team partitions and its Idempotency-Key records, and nothing else', () => {
    const [id] = functionOfOperation(resources, 'createBot');
    const { TableRead, TableWrite } = tableStatements(resources, id);
    expect(TableWrite).toEqual({
      Sid: 'TableWrite',
      Effect: 'Allow',
      Action: WRITE,
      Resource: tableArn,
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TEAM#*', 'IDEMPOTENCY'] } },
    });
    expect(leadingKeys(TableRead!)).toEqual(['TEAM#*', 'IDEMPOTENCY']);
  });

  it('POST /api-keys and the member routes may write API key items; no other route may', () => {
    const keyRoutes = ['createApiKey', 'deleteApiKey', 'updateMember', 'deleteMember'];
    for (const row of ROUTES) {
      const [id] = functionOfRoute(resources, routeKey(row));
      const writes = leadingKeys(tableStatements(resources, id).TableWrite ?? ({} as never)) ?? [];
      expect(writes.includes('APIKEY#*'), row.operation).toBe(keyRoutes.includes(row.operation));
    }
  });
});

describe('every function', () => {
  it.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s: table statements exactly as its needs declare', (key, row) => {
    const [id] = functionOfRoute(resources, key);
    const keys = leadingKeysOf(needsOf(row));
    const t = tableStatements(resources, id);
    expect(sorted(t.TableRead ? leadingKeys(t.TableRead) : []), 'read').toEqual(sorted(keys.read));
    expect(sorted(t.TableWrite ? leadingKeys(t.TableWrite) : []), 'write').toEqual(sorted(keys.write));
    if (row.method === 'GET' || row.method === 'OPTIONS') expect(t.TableWrite, `${key} is read-only`).toBeUndefined();
    // every DynamoDB Allow carries the LeadingKeys condition; none grants Scan or a wildcard action
    for (const s of Object.values(t)) {
      expect(leadingKeys(s), `${key} ${s.Sid}`).toBeDefined();
      expect(actionsOf(s).filter((a) => a === 'dynamodb:Scan' || a.includes('*'))).toEqual([]);
    }
  });

  it.each(Object.keys(JOB_NEEDS))('job %s: table statements exactly as JOB_NEEDS declares', (module) => {
    const [id] = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Description).endsWith(`functions/${module}.ts`),
    )!;
    const keys = leadingKeysOf(JOB_NEEDS[module as keyof typeof JOB_NEEDS]);
    const t = tableStatements(resources, id);
    expect(sorted(t.TableRead ? leadingKeys(t.TableRead) : [])).toEqual(sorted(keys.read));
    expect(sorted(t.TableWrite ? leadingKeys(t.TableWrite) : [])).toEqual(sorted(keys.write));
  });

  it('no function is allowed a DynamoDB action without a LeadingKeys condition', () => {
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type !== 'AWS::Lambda::Function') continue;
      for (const s of statementsOfFunction(resources, id)) {
        if (s.Effect !== 'Allow' || !actionsOf(s).some((a) => a.startsWith('dynamodb:'))) continue;
        expect(leadingKeys(s), `${r.Properties.Description}: ${JSON.stringify(s)}`).toBeDefined();
      }
    }
  });
});
