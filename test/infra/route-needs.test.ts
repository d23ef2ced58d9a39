import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_NEEDS, ROUTE_NEEDS, defaultNeeds, needsOf } from '../../infra/route-needs.js';
import { ROUTES } from '../../functions/routes.js';
import { FUNCTION_MODULES, REPO_ROOT } from '../../infra/build/layout.js';
import { newStack } from './support/stack.js';

/*
 * The declarations of infra/route-needs.ts against the code they describe and the stack that serves them. (That
 * they cover every DynamoDB request is proven at run time: the local partition check fails the e2e suite otherwise.)
 */
const source = (handler: string) => readFileSync(join(REPO_ROOT, 'functions', `${handler}.ts`), 'utf8');

describe('route needs', () => {
  it('declares the idempotency partition exactly for the routes whose handler takes an Idempotency-Key', () => {
    for (const r of ROUTES) {
      const idempotent = /\bidempotent\(/.test(source(r.handler));
      expect(needsOf(r).table?.write?.includes('idempotency') ?? false, r.operation).toBe(idempotent);
    }
  });

  it('is never imported by a handler (it would only add bytes to its bundle)', () => {
    for (const module of FUNCTION_MODULES) expect(source(module), module).not.toMatch(/route-needs/);
  });

  it('declares only operations of the route table', () => {
    const operations = new Set<string>(ROUTES.map((r) => r.operation));
    for (const op of Object.keys(ROUTE_NEEDS)) expect(operations.has(op), op).toBe(true);
  });

  it('gives an undeclared route its team partitions, read-only for GET, and nothing when public', () => {
    expect(defaultNeeds({ method: 'GET', minRole: 'member' })).toEqual({ table: { read: ['team'] } });
    expect(defaultNeeds({ method: 'POST', minRole: 'admin' })).toEqual({ table: { write: ['team'] } });
    expect(defaultNeeds({ method: 'POST', minRole: 'public' })).toEqual({});
  });

  it('refuses writes declared by a GET route', () => {
    expect(() => needsOf({ method: 'GET', minRole: 'member', operation: 'health' })).not.toThrow();
    const bad = { method: 'GET' as const, minRole: 'member' as const, operation: 'createBot' };
    expect(() => needsOf(bad)).toThrow(/GET and OPTIONS routes only read/);
  });

  it('has a job entry for every function the stack deploys outside the route table', () => {
    const { stack } = newStack();
    const modules = stack.node
      .findAll()
      .map((c) => (c as { module?: string }).module)
      .filter((m): m is string => typeof m === 'string');
    const routeModules = new Set<string>(ROUTES.map((r) => r.handler));
    expect(modules.filter((m) => !routeModules.has(m) && m !== 'authorizer').sort()).toEqual(Object.keys(JOB_NEEDS).sort());
  });

  it('makes the stack refuse a capability it does not serve to routes', () => {
    const missing = {
      method: 'POST',
      path: '/api/x',
      operation: 'x',
      minRole: 'admin',
      handler: 'bots/get',
      summary: 'x',
      tag: 'bots',
      status: 200,
    } as const;
    const original = ROUTE_NEEDS.createBot;
    (ROUTE_NEEDS as Record<string, unknown>).x = { table: { write: ['team'] }, uses: ['pushQueue'] };
    try {
      expect(() => newStack({}, { routes: [...ROUTES, missing] })).toThrow(/uses pushQueue, which the stack does not provide/);
    } finally {
      delete (ROUTE_NEEDS as Record<string, unknown>).x;
      expect(ROUTE_NEEDS.createBot).toBe(original);
    }
  });
});
