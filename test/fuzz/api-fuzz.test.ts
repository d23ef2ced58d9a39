import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';
import { type JsonSchema, maximalValue, pathologicalStrings, patternFields, setAt, validValue } from './json-schema-arbitrary.js';

/*
 * Property-based fuzzing of every route the OpenAPI document lists, against the local runtime (`npm start`'s
 * server, real DynamoDB Local): valid and invalid path ids (another team's too), query strings (extreme and
 * reversed dates, negative and huge limits, forged cursors), bodies (valid, wrong types, missing and unknown
 * fields, nested __proto__, 256 KiB strings, unicode, strings built to make a backtracking pattern explode),
 * and If-Match / Idempotency-Key headers. Every response must be: below 500; problem+json for a 4xx, whose
 * `status` is the HTTP status; free of stack traces; and answered within 1 s.
 *
 * Fixed seed, bounded run: FUZZ_RUNS requests per route (default 20), FUZZ_SEED to replay another sequence.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const SLOW_MS = 1_000;

type Operation = {
  operationId: string;
  method: string;
  path: string;
  parameters?: { name: string; in: 'path' | 'query'; schema: JsonSchema; required?: boolean }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
};
type FuzzRequest = { path: string; body?: string; headers: Record<string, string>; member: boolean };
type Sample = { operationId: string; status: number; ms: number; request: FuzzRequest };

let rt: Runtime;
let operations: Operation[] = [];
const pools: Record<string, string[]> = {};
let memberKey: string;
const samples: Sample[] = [];

const STACK_TRACE = /\bat \S+ \(?[^)\s]*\.(?:ts|js|mjs|cjs):\d+|node_modules\/|\n\s+at /;

beforeAll(async () => {
  rt = await startRuntime();
  const api = client(rt.baseUrl, rt.creds.apiKey);
  const team = `/api/teams/${rt.creds.teamId}`;
  const doc = (await api('GET', '/openapi.json')).json as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );

  // Objects for the valid ids: created through the API like a user would, never the caller's own member or key.
  const other = await adminCreateTeam(rt.dataDir, 'Fuzz Other', `owner-${Date.now()}@other.test`);
  const otherApi = client(rt.baseUrl, other.apiKey);
  const foreignBot = (await otherApi('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json.id as string;
  const bots = await Promise.all(
    ['Fuzz A', 'Fuzz B', 'Fuzz C'].map(async (name) => (await api('POST', `${team}/bots`, { name, mode: 'auto_pilot' })).json.id as string),
  );
  const connector = (
    await api('POST', `${team}/bots/${bots[0]}/connectors`, {
      name: 'fuzz',
      environment: 'staging',
      healthCheckUrl: 'http://127.0.0.1:9/health',
    })
  ).json.id as string;
  const campaign = (await api('POST', `${team}/campaigns`, { name: 'Fuzz campaign', botId: bots[1] })).json.id as string;
  await api('POST', `${team}/phone-numbers`, { number: '+14155550199', botId: bots[0] });
  const member = (await api('POST', `${team}/members`, { email: `fuzz-${Date.now()}@demo.test`, role: 'member' })).json.id as string;
  const spareKey = (await api('POST', `${team}/api-keys`, { name: 'spare', memberId: member })).json;
  memberKey = spareKey.key as string;
  const disposableKey = (await api('POST', `${team}/api-keys`, { name: 'disposable' })).json.id as string;
  const call = (await api('POST', `${team}/bots/${bots[0]}/dialout`, { to: '+14155550123' })).json.callId as string;
  const exportId = (await api('POST', `${team}/audit-logs/exports`, {})).json.exportId as string;
  await api('PUT', `${team}/bots/${bots[0]}/contacts/alice/bot-status`, { status: 'inactive' });

  Object.assign(pools, {
    teamId: [rt.creds.teamId, rt.creds.teamId, rt.creds.teamId, other.teamId],
    botId: [...bots, foreignBot],
    connectorId: [connector],
    campaignId: [campaign],
    callId: [call],
    memberId: [member],
    keyId: [disposableKey],
    exportId: [exportId],
    contactId: ['alice', 'bob'],
    number: ['+14155550199', '%2B14155550199'],
  });
}, 120_000);

afterAll(async () => {
  await rt?.stop();
  const slowest = [...samples].sort((a, b) => b.ms - a.ms)[0];
  const fiveXX = samples.filter((s) => s.status >= 500).length;
  console.log(
    `fuzz: ${samples.length} generated requests over ${operations.length} operations (seed ${SEED}, ${RUNS} runs each), ` +
      `${fiveXX} answered 5xx, slowest ${slowest?.ms ?? 0} ms (${slowest?.operationId} -> ${slowest?.status})`,
  );
});

const printable = fc.stringMatching(/^[\x20-\x7e]{0,300}$/);

// Not '.' or '..': a URL client resolves those segments away, which tests the router, not the route.
// Never '.' or '..': a URL client resolves those segments away, which tests the router, not the route.
const garbageId = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('%00', 'null', 'undefined', '__proto__', 'constructor', '0'.repeat(300), '😀', '01ARZ3NDEKTSV4RRFFQ69G5FAV', ' '),
  )
  .filter((s) => s !== '.' && s !== '..');

function pathParam(name: string): fc.Arbitrary<string> {
  const valid = pools[name] ?? [];
  const id = valid.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: garbageId }) : garbageId;
  // Pools hold values as they travel in a URL (`%2B...`); garbage is percent-encoded like a client would.
  return id.map((v) => (valid.includes(v) ? v : encodeURIComponent(v) || '%20'));
}

const forgedCursor = fc.oneof(
  fc.base64String({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc
    .record({ PK: fc.constantFrom('TEAM#x', 'APIKEY#x', 'IDEMPOTENCY', ''), SK: fc.string({ maxLength: 20 }) })
    .map((k) => Buffer.from(JSON.stringify(k)).toString('base64url')),
  fc.string({ maxLength: 3_000 }),
);
const oddQueryValue = fc.oneof(
  fc.constantFrom('-1', '0', '1e9', '99999999999999999999', 'abc', '', 'NaN', 'Infinity', '[]', 'true'),
  fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '1970-01-01T00:00:00Z', 'not a date'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

function queryString(op: Operation): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (!params.length) return fc.constant('');
  return fc
    .tuple(
      ...params.map((p) =>
        fc.option(
          fc.oneof(
            { weight: 3, arbitrary: validValue(p.schema).map(String) },
            { weight: 2, arbitrary: p.name === 'cursor' ? forgedCursor : oddQueryValue },
          ),
          { nil: undefined },
        ),
      ),
    )
    .chain((values) => {
      // A date range: half of the time reversed or in the far future, the other half as generated.
      const names = params.map((p) => p.name);
      if (!names.includes('from') || !names.includes('to')) return fc.constant(values);
      return fc
        .option(
          fc.tuple(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true })).map(([a, b]) => {
            const [early, late] = a < b ? [a, b] : [b, a];
            return [late.toISOString(), early.toISOString()];
          }),
          { nil: undefined, freq: 2 },
        )
        .map((range) => {
          if (!range) return values;
          const out = [...values];
          out[names.indexOf('from')] = range[0];
          out[names.indexOf('to')] = range[1];
          return out;
        });
    })
    .map((values) => {
      const q = new URLSearchParams();
      for (const [i, v] of values.entries()) if (v !== undefined) q.set(params[i]!.name, v);
      const s = q.toString();
      return s ? `?${s}` : '';
    });
}

const WRONG_TYPES = [null, 0, -1, 1e308, true, 'x', [], {}, [1, 'a'], { nested: { deep: true } }];

function bodyText(schema: JsonSchema): fc.Arbitrary<string> {
  const valid = validValue(schema);
  const fields = Object.keys(schema.properties ?? {});
  const field = fields.length ? fc.constantFrom(...fields) : fc.constant('name');
  const patterns = patternFields(schema).filter((p) => p.path);
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: maximalValue(schema).map((v) => JSON.stringify(v)) },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, field, fc.constantFrom(...WRONG_TYPES)).map(([v, f, w]) => JSON.stringify(setAt(v, f, w))),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, field).map(([v, f]) => {
        const obj = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v } : {};
        delete (obj as Record<string, unknown>)[f];
        return JSON.stringify(obj);
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })).map(([v, k, x]) => {
        const json = JSON.stringify(v ?? {});
        const extra = `"__proto__":{"role":"super_admin","isAdmin":true},${JSON.stringify(k)}:${JSON.stringify(x ?? null)},"constructor":{"prototype":{"polluted":1}}`;
        return json.startsWith('{') && json !== '{}' ? `{${extra},${json.slice(1)}` : `{${extra}}`;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, field, fc.constantFrom(200 * 1024, 256 * 1024 + 1))
        .map(([v, f, n]) => JSON.stringify(setAt(v, f, 'a'.repeat(n)))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, field, fc.string({ unit: 'binary', maxLength: 200 }))
        .map(([v, f, s]) => JSON.stringify(setAt(v, f, s)).replace('"', '"\\ud800')),
    },
    ...(patterns.length
      ? [
          {
            weight: 2,
            arbitrary: fc
              .tuple(valid, fc.constantFrom(...patterns))
              .chain(([v, p]) => fc.constantFrom(...pathologicalStrings(p.pattern)).map((s) => JSON.stringify(setAt(v, p.path, s)))),
          },
        ]
      : []),
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[]', 'null', '"x"', '{"a":}', '', '{"name":"x"}}', '\u0000') },
  );
}

function request(op: Operation): fc.Arbitrary<FuzzRequest> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const schema = op.requestBody?.content['application/json'].schema;
  return fc
    .record({
      params: fc.tuple(...names.map(pathParam)),
      query: queryString(op),
      body: schema
        ? fc.option(bodyText(schema), { nil: undefined, freq: 8 })
        : fc.option(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            { nil: undefined, freq: 2 },
          ),
      ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', '*', 'W/"x"', '""'), printable), { nil: undefined, freq: 3 }),
      idempotencyKey: fc.option(fc.oneof(printable, fc.constantFrom('', 'k'.repeat(256), 'same-key')), { nil: undefined, freq: 3 }),
      member: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    })
    .map(({ params, query, body, ifMatch, idempotencyKey, member }) => {
      let i = 0;
      const path = op.path.replace(/\{\w+\}/g, () => params[i++]!) + query;
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      return { path, body, headers, member };
    });
}

async function send(op: Operation, req: FuzzRequest) {
  const started = performance.now();
  const res = await fetch(`${rt.baseUrl}${req.path}`, {
    method: op.method,
    headers: { authorization: `Bearer ${req.member ? memberKey : rt.creds.apiKey}`, ...req.headers },
    ...(req.body !== undefined && op.method !== 'GET' ? { body: req.body } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const ms = Math.round(performance.now() - started);
  samples.push({ operationId: op.operationId, status: res.status, ms, request: req });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, ms };
}

function assertWellFormed(op: Operation, req: FuzzRequest, r: Awaited<ReturnType<typeof send>>) {
  const where = `${op.method} ${req.path.slice(0, 200)} body=${(req.body ?? '').slice(0, 200)}`;
  expect(r.status, `${where} answered ${r.status}: ${r.text.slice(0, 500)}`).toBeLessThan(500);
  expect(r.text, `${where}: stack trace in the response`).not.toMatch(STACK_TRACE);
  if (r.status >= 400) {
    expect(r.contentType, `${where}: ${r.status} without problem+json`).toContain('application/problem+json');
    const problem = JSON.parse(r.text) as { status: number; title: string; type: string };
    expect(problem.status, where).toBe(r.status);
    expect(typeof problem.title, where).toBe('string');
    expect(typeof problem.type, where).toBe('string');
  }
}

/**
 * Sends `req` and checks the answer; a response slower than 1 s is timed once more with the same request, and
 * only a request slow both times fails: input that makes the server work hard is slow every time, a busy
 * machine only now and then.
 */
async function check(op: Operation, req: FuzzRequest) {
  const first = await send(op, req);
  assertWellFormed(op, req, first);
  if (first.ms < SLOW_MS) return;
  const again = await send(op, req);
  const where = `${op.method} ${req.path.slice(0, 200)} body=${(req.body ?? '').slice(0, 200)}`;
  expect(Math.min(first.ms, again.ms), `${where}: took ${first.ms} ms, then ${again.ms} ms`).toBeLessThan(SLOW_MS);
}

/** Destructive operations last, so the others keep finding live objects behind the valid ids. */
const ORDER = (op: Operation) => (op.method === 'DELETE' ? 2 : /reset|regenerate|rotate/i.test(op.operationId) ? 1 : 0);

describe('every route of /openapi.json under generated requests', () => {
  it('answers no 5xx, problem+json for every 4xx, no stack trace, and each within 1 s', { timeout: 600_000 }, async () => {
    const ordered = [...operations].sort((a, b) => ORDER(a) - ORDER(b));
    // Warm-up: the local server loads a handler module on its route's first request; that is not what is measured.
    for (const op of ordered) {
      const sample = fc.sample(request(op), { seed: SEED, numRuns: 1 })[0]!;
      await send(op, sample);
    }
    samples.length = 0;
    for (const op of ordered) {
      await fc.assert(
        fc.asyncProperty(request(op), (req) => check(op, req)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(samples.length).toBeGreaterThanOrEqual(operations.length * RUNS);
    expect(samples.filter((s) => s.status >= 500)).toEqual([]);
  });
});
