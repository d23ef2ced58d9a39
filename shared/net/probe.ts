import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { outboundUrlProblem, safeLookup } from './url-safety.js';

/** Outcome of one health probe. `latencyMs` is the time to the response headers (or to the failure). */
export type ProbeResult =
  | { ok: true; latencyMs: number; statusCode: number }
  | { ok: false; latencyMs: number; error: string; statusCode?: number };

export type ProbeOptions = {
  /** Whole-probe time limit in milliseconds (connect + TLS + response headers). */
  timeoutMs: number;
  /** Local mode: loopback http allowed. */
  local: boolean;
  /** Aborts the probe early (the local runtime stopping). */
  signal?: AbortSignal;
};

const USER_AGENT = 'botops-health-check/1';

/**
 * One `GET` of a connector's `healthCheckUrl`: healthy means a 2xx status within `timeoutMs`.
 * Redirects are not followed (a redirect could lead to a private address) and count as failures. The body is
 * never read. The URL is checked again before the call (`outboundUrlProblem`) and the hostname's addresses at
 * connect time (`safeLookup`), so a name re-pointed at a private address after it was saved is refused and
 * the socket connects to the address that was checked. Never throws: every failure becomes `{ ok: false, error }`
 * with a short reason for the connector's `lastError` ("HTTP 500", "timed out after 5000 ms", ...).
 *
 * @see https://nodejs.org/api/http.html#httprequesturl-options-callback (`signal`, `lookup`)
 */
export function probeUrl(raw: string, opts: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = outboundUrlProblem(raw, { local: opts.local });
  if (refused) return Promise.resolve({ ok: false, latencyMs: 0, error: `refused: ${refused}` });

  const url = new URL(raw);
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const done = (r: ProbeResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const req = send(url, {
      method: 'GET',
      // A fresh connection per probe: no pooled socket to an address resolved for another check.
      agent: false,
      signal,
      lookup: safeLookup({ local: opts.local }),
      headers: { 'user-agent': USER_AGENT, accept: '*/*', connection: 'close' },
    });
    req.on('response', (res) => {
      const statusCode = res.statusCode ?? 0;
      res.destroy();
      req.destroy();
      if (statusCode >= 200 && statusCode < 300) return done({ ok: true, latencyMs: elapsed(), statusCode });
      const redirect = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
      done({ ok: false, latencyMs: elapsed(), statusCode, error: `HTTP ${statusCode}${redirect}` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason = timeout.aborted ? `timed out after ${opts.timeoutMs} ms` : signal.aborted ? 'probe cancelled' : describeError(error);
      done({ ok: false, latencyMs: elapsed(), error: reason });
    });
    req.end();
  });
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EBLOCKEDADDRESS':
      return `refused: ${error.message}`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS lookup failed (${error.code})`;
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      // TLS and other errors: their code names the cause (e.g. CERT_HAS_EXPIRED) without internals.
      return error.code ? `connection failed (${error.code})` : 'connection failed';
  }
}
