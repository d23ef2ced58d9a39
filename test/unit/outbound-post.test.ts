import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * DNS answers are faked for `*.rebind.test` names (a public-looking name that resolves to the metadata address, or
 * to loopback), so the check-after-resolution is exercised without the network. Every other name resolves for real.
 */
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const fake: Record<string, { address: string; family: number }[]> = {
    'metadata.rebind.test': [{ address: '169.254.169.254', family: 4 }],
    'mixed.rebind.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ],
    'loop.rebind.test': [{ address: '127.0.0.1', family: 4 }],
  };
  const lookup = (host: string, opts: unknown, cb: (e: Error | null, a: unknown) => void) => {
    const hit = fake[host];
    if (!hit) return real.lookup(host, opts as never, cb as never);
    setImmediate(() => cb(null, (opts as { all?: boolean }).all ? hit : hit[0]!.address));
  };
  const promises = {
    ...real.promises,
    lookup: async (host: string, opts: unknown) => fake[host] ?? real.promises.lookup(host, opts as never),
  };
  return { ...real, default: { ...real, lookup, promises }, lookup, promises };
});

const { postJson } = await import('../../shared/net/post-json.js');
const { addressProblem, resolveAndCheck } = await import('../../shared/net/url-safety.js');

let server: Server;
let port: number;
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(req.url === '/fail' ? 500 : 204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('addresses after resolution', () => {
  it('refuses private, loopback, link-local and metadata addresses; loopback only in local mode', () => {
    for (const a of [
      '169.254.169.254',
      '10.1.2.3',
      '192.168.0.1',
      '172.16.5.5',
      '100.64.0.1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:169.254.169.254',
    ]) {
      expect(addressProblem(a, { local: true }), a).toBeDefined();
    }
    expect(addressProblem('127.0.0.1', { local: false })).toBeDefined();
    expect(addressProblem('127.0.0.1', { local: true })).toBeUndefined();
    expect(addressProblem('93.184.216.34', { local: false })).toBeUndefined();
  });

  it('resolveAndCheck refuses a public-looking name that resolves to the metadata service, or to any private address', async () => {
    expect(await resolveAndCheck('https://metadata.rebind.test/hook', { local: false })).toContain('169.254.169.254');
    expect(await resolveAndCheck('https://mixed.rebind.test/hook', { local: false })).toContain('10.0.0.7');
    expect(await resolveAndCheck('https://loop.rebind.test/hook', { local: false })).toContain('127.0.0.1');
    expect(await resolveAndCheck('https://loop.rebind.test/hook', { local: true })).toBeUndefined();
    expect(await resolveAndCheck('http://169.254.169.254/latest/meta-data', { local: true })).toMatch(/https|private/);
  });
});

describe('postJson', () => {
  const post = (url: string, local: boolean) => postJson(url, '{"x":1}', { 'X-Test': '1' }, { local, timeoutMs: 2000 });

  it('refuses http://169.254.169.254/ outside local mode without sending anything', async () => {
    const before = hits.length;
    const r = await post('http://169.254.169.254/latest/meta-data', false);
    expect(r).toMatchObject({ statusCode: null, refused: true });
    expect(r.error).toMatch(/^refused: /);
    expect(hits.length).toBe(before);
  });

  it('refuses a name resolving to the metadata address at connect time (the socket uses the checked lookup)', async () => {
    const r = await post('https://metadata.rebind.test/hook', false);
    expect(r).toMatchObject({ statusCode: null, refused: true });
    expect(r.error).toContain('169.254.169.254');
  });

  it('refuses loopback outside local mode, even by name, and reaches it in local mode', async () => {
    expect((await post(`http://127.0.0.1:${port}/ok`, false)).refused).toBe(true);
    expect((await post(`https://loop.rebind.test:${port}/ok`, false)).refused).toBe(true);
    const ok = await post(`http://127.0.0.1:${port}/ok`, true);
    expect(ok).toMatchObject({ statusCode: 204, error: null, refused: false });
    const failing = await post(`http://127.0.0.1:${port}/fail`, true);
    expect(failing).toMatchObject({ statusCode: 500, refused: false });
    expect(hits).toEqual(['/ok', '/fail']);
  });

  it('reports a timeout as a failed, retryable attempt', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const r = await postJson(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, '{}', {}, { local: true, timeoutMs: 300 });
    slow.closeAllConnections();
    slow.close();
    expect(r).toMatchObject({ statusCode: null, refused: false, error: 'timeout after 300 ms' });
    expect(r.durationMs).toBeGreaterThanOrEqual(250);
  });
});
