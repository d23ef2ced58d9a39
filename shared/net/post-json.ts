import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { outboundUrlProblem, safeLookup } from './url-safety.js';

/** Outcome of one outbound POST: a status code, or the error that prevented one. Never throws. */
export type PostOutcome = { statusCode: number | null; error: string | null; durationMs: number; refused: boolean };

/**
 * POSTs `body` (already serialised, so a signature over it stays valid) to a URL a user configured, with the
 * spec's outbound URL rules applied at send time: the URL is checked statically (`outboundUrlProblem`: https,
 * no private/loopback/link-local/metadata literal; loopback http only in local mode), and every address its host
 * resolves to is checked by the socket's own DNS lookup (`safeLookup`), so a DNS answer cannot point the request
 * at an internal address. Redirects are not followed (a 3xx is a failed attempt). The whole exchange, connect
 * included, is bounded by `timeoutMs`. `refused: true` means the URL itself is not allowed (no request was made).
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { local: boolean; timeoutMs: number },
): Promise<PostOutcome> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null, refused = false): PostOutcome => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
    refused,
  });
  const problem = outboundUrlProblem(url, opts);
  if (problem) return Promise.resolve(done(null, `refused: ${problem}`, true));
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
        lookup: safeLookup(opts),
        signal: AbortSignal.timeout(opts.timeoutMs),
        // A fresh connection per push: a pooled socket could have been opened to an address resolved earlier.
        agent: false,
      },
      (res) => {
        // Drain (and discard) the body so the socket closes; the receiver's answer is not recorded, only its status.
        res.resume();
        res.on('end', () => resolve(done(res.statusCode ?? null, null)));
        res.on('error', (e) => resolve(done(res.statusCode ?? null, e.message)));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EBLOCKEDADDRESS') return resolve(done(null, `refused: ${e.message}`, true));
      if (e.name === 'AbortError' || e.name === 'TimeoutError') return resolve(done(null, `timeout after ${opts.timeoutMs} ms`));
      resolve(done(null, e.code ? `${e.code}: ${e.message}` : e.message));
    });
    req.end(body);
  });
}
