/**
 * CORS response headers for routes whose allowed origins are data, decided per request (the widget's
 * `allowedDomains` are per bot, known only once the handler has read the bot). `@middy/http-cors` resolves the
 * origin from static options before the handler runs, so it cannot express this; the rules below are the ones it
 * applies, restricted further:
 *
 * - `Access-Control-Allow-Origin` is the request's own origin, and only when allowed: never `*`, and never with
 *   `Access-Control-Allow-Credentials` (the widget sends no cookies; its session travels in the body);
 * - `Vary: Origin` on every response, allowed or not, so a shared cache never serves one origin's answer to
 *   another.
 *
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function corsHeaders(origin: string | undefined, allowed: boolean, exposeHeaders: readonly string[] = []): Record<string, string> {
  if (!origin || !allowed) return { Vary: 'Origin' };
  return {
    Vary: 'Origin',
    'Access-Control-Allow-Origin': origin,
    ...(exposeHeaders.length ? { 'Access-Control-Expose-Headers': exposeHeaders.join(', ') } : {}),
  };
}

/** A CORS preflight answer (`OPTIONS`): the allowed methods and request headers, cached by the browser `maxAgeSeconds`. */
export function preflightHeaders(
  origin: string,
  methods: readonly string[],
  headers: readonly string[],
  maxAgeSeconds: number,
): Record<string, string> {
  return {
    ...corsHeaders(origin, true),
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': headers.join(', '),
    'Access-Control-Max-Age': String(maxAgeSeconds),
  };
}
