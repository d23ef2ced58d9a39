import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HEALTH_CHECK_SHARDS, healthCheckShardOf } from '../../shared/db/keys.js';
import type { Connector } from '../../shared/domain/connectors/store.js';
import { nextHealthState } from '../../shared/domain/connectors/health-state.js';
import { capacityAdvice } from '../../shared/domain/connectors/capacity.js';
import { BulkActionInput, CapacityQuery } from '../../shared/domain/connectors/schema.js';
import { probeUrl } from '../../shared/net/probe.js';
import { type Endpoints, startEndpoints } from '../support/endpoints.js';

/**
 * DNS answers are faked for two `.localhost` names (loopback by name, so local mode lets them through the static
 * check): one resolves to loopback, the other, as a rebinding attacker would arrange, to a private address.
 * Every other name resolves for real. The DNS rules themselves are tested with the outbound POST.
 */
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const fake: Record<string, { address: string; family: number }[]> = {
    'agent.localhost': [{ address: '127.0.0.1', family: 4 }],
    'rebound.localhost': [{ address: '10.0.0.5', family: 4 }],
  };
  const lookup = (host: string, opts: unknown, cb: (e: Error | null, a: unknown, f?: number) => void) => {
    const hit = fake[host];
    if (!hit) return real.lookup(host, opts as never, cb as never);
    setImmediate(() => ((opts as { all?: boolean }).all ? cb(null, hit) : cb(null, hit[0]!.address, hit[0]!.family)));
  };
  return { ...real, default: { ...real, lookup }, lookup };
});

const ok = { ok: true as const, latencyMs: 12, statusCode: 200 };
const fail = { ok: false as const, latencyMs: 5, error: 'HTTP 500', statusCode: 500 };

describe('health state machine (spec, Connectors)', () => {
  it('goes online on success from starting, online and unhealthy', () => {
    for (const status of ['starting', 'online', 'unhealthy'] as const) {
      expect(nextHealthState({ status, consecutiveFailures: 2 }, ok)).toEqual({
        status: 'online',
        consecutiveFailures: 0,
        lastError: null,
      });
    }
  });
  it('turns online unhealthy on the 3rd failure in a row only, and keeps starting starting', () => {
    expect(nextHealthState({ status: 'online', consecutiveFailures: 0 }, fail)).toEqual({
      status: 'online',
      consecutiveFailures: 1,
      lastError: 'HTTP 500',
    });
    expect(nextHealthState({ status: 'online', consecutiveFailures: 1 }, fail).status).toBe('online');
    expect(nextHealthState({ status: 'online', consecutiveFailures: 2 }, fail)).toEqual({
      status: 'unhealthy',
      consecutiveFailures: 3,
      lastError: 'HTTP 500',
    });
    expect(nextHealthState({ status: 'starting', consecutiveFailures: 9 }, fail)).toEqual({
      status: 'starting',
      consecutiveFailures: 10,
      lastError: 'HTTP 500',
    });
    expect(nextHealthState({ status: 'unhealthy', consecutiveFailures: 3 }, fail).status).toBe('unhealthy');
  });
});

describe('capacity advice (supporting failover)', () => {
  const conn = (status: Connector['status'], extra: Partial<Connector> = {}) =>
    ({
      id: `${status}${Math.random()}`,
      name: status,
      status,
      maxConcurrentConversations: 50,
      consecutiveFailures: 0,
      lastError: null,
      ...extra,
    }) as Connector;

  it('recommends ceil(concurrent / 50), at least 2 in production and 1 elsewhere', () => {
    expect(capacityAdvice('production', 200, []).recommendedConnectors).toBe(4);
    expect(capacityAdvice('production', 201, []).recommendedConnectors).toBe(5);
    expect(capacityAdvice('production', 10, []).recommendedConnectors).toBe(2);
    expect(capacityAdvice('production', undefined, []).recommendedConnectors).toBe(2);
    expect(capacityAdvice('staging', undefined, []).recommendedConnectors).toBe(1);
    expect(capacityAdvice('staging', 120, []).recommendedConnectors).toBe(3);
    // the smallest per-connector limit of the bot's connectors there counts
    expect(
      capacityAdvice('production', 200, [
        conn('online', { maxConcurrentConversations: 100 }),
        conn('online', { maxConcurrentConversations: 100 }),
      ]).recommendedConnectors,
    ).toBe(2);
    expect(
      capacityAdvice('production', 200, [conn('online'), conn('online', { maxConcurrentConversations: 25 })]).maxConversationsPerConnector,
    ).toBe(25);
  });

  it('warns with what to do, and is quiet when the bot is well deployed', () => {
    const one = capacityAdvice('production', 200, [conn('online')]);
    expect(one.warnings.map((w) => w.code)).toEqual(['failover', 'capacity']);
    expect(one.warnings[0]!.message).toMatch(/Add 1 connector /);
    expect(one.warnings[1]!.message).toMatch(/need 4 connectors in production; it has 1\. Add 3 connectors/);
    const mixed = capacityAdvice('production', 100, [
      conn('online'),
      conn('unhealthy', { name: 'eu-1', lastError: 'HTTP 503' }),
      conn('stopped'),
    ]);
    expect(mixed.warnings.map((w) => w.code)).toEqual(['not_online', 'unhealthy']);
    expect(mixed.warnings[1]!.message).toMatch(/"eu-1" \(HTTP 503\).*restart/);
    expect(capacityAdvice('production', 100, [conn('online'), conn('online')]).warnings).toEqual([]);
    expect(capacityAdvice('staging', undefined, [conn('online')]).warnings).toEqual([]);
  });
});

describe('connector schemas', () => {
  it('takes 1..100 distinct ids per bulk action, naming a duplicate', () => {
    expect(BulkActionInput.safeParse({ action: 'restart', connectorIds: ['a', 'b'] }).success).toBe(true);
    const dup = BulkActionInput.safeParse({ action: 'restart', connectorIds: ['a', 'b', 'a'] });
    expect(dup.error!.issues[0]!.path).toEqual(['connectorIds', 2]);
    expect(BulkActionInput.safeParse({ action: 'restart', connectorIds: [] }).success).toBe(false);
    expect(BulkActionInput.safeParse({ action: 'restart', connectorIds: Array.from({ length: 101 }, (_, i) => `c${i}`) }).success).toBe(
      false,
    );
    expect(BulkActionInput.safeParse({ action: 'reboot', connectorIds: ['a'] }).success).toBe(false);
  });
  it('defaults capacity to production', () => {
    expect(CapacityQuery.parse({ concurrentConversations: '200' })).toEqual({ environment: 'production', concurrentConversations: 200 });
  });
  it('spreads connector ids over every health-check shard', () => {
    const counts = new Array(HEALTH_CHECK_SHARDS).fill(0);
    for (let i = 0; i < 4000; i++) counts[healthCheckShardOf(`01J${i.toString(36).toUpperCase().padStart(23, '0')}`)]++;
    for (const n of counts) expect(n).toBeGreaterThan(4000 / HEALTH_CHECK_SHARDS / 2);
  });
});

describe('probe against real local endpoints', () => {
  let ep: Endpoints;
  beforeAll(async () => {
    ep = await startEndpoints();
  });
  afterAll(() => ep?.close());

  it('reports 2xx as healthy, other statuses and timeouts as failures with a reason', async () => {
    expect(await probeUrl(ep.url('/ok'), { timeoutMs: 1000, local: true })).toMatchObject({ ok: true, statusCode: 200 });
    expect(await probeUrl(ep.url('/fail'), { timeoutMs: 1000, local: true })).toMatchObject({
      ok: false,
      statusCode: 500,
      error: 'HTTP 500',
    });
    const hang = await probeUrl(ep.url('/hang'), { timeoutMs: 300, local: true });
    expect(hang).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
    expect(hang.latencyMs).toBeGreaterThanOrEqual(290);
    const closed = await probeUrl('http://127.0.0.1:1/', { timeoutMs: 1000, local: true });
    expect(closed).toMatchObject({ ok: false, error: 'connection refused' });
  });

  it('refuses a name re-pointed at a private address at connect time (DNS rebinding), without a request', async () => {
    const port = new URL(ep.base).port;
    const before = ep.hits('/ok');
    const rebound = await probeUrl(`http://rebound.localhost:${port}/ok`, { timeoutMs: 1000, local: true });
    expect(rebound).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: rebound\.localhost resolves to 10\.0\.0\.5/) });
    expect(ep.hits('/ok')).toBe(before);
    // a name resolving to loopback is fine in local mode, and the socket connects to the address that was checked
    expect(await probeUrl(`http://agent.localhost:${port}/ok`, { timeoutMs: 1000, local: true })).toMatchObject({ ok: true });
    expect(ep.hits('/ok')).toBe(before + 1);
  });
});
