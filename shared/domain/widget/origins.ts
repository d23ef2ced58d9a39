/**
 * Where a bot's web widget may run: the entries of the bot's `allowedDomains` ("an array of hostnames
 * the widget is allowed to be embedded on. Set an empty array to allow all"; "the domains where the
 * widget is allowed to run (for example https://yourwebsite.com)"). Both spellings are accepted, so one field
 * serves `PUT .../bots/{botId}` and `PUT .../bots/{botId}/widget` alike (their zod schema is `allowedDomainsSchema`
 * in `schema.ts`; this module stays free of zod so the public session routes bundle small).
 *
 * An entry is `[scheme://][*.]host[:port][/]`, stored normalised (lower case, no trailing slash, a scheme's
 * default port dropped, duplicates removed) and matched against a browser's `Origin` (RFC 6454: scheme, host,
 * port) like this:
 *
 * | entry                     | allows                                                           |
 * |---------------------------|------------------------------------------------------------------|
 * | `docsbot.ai` (a hostname) | `http://docsbot.ai` and `https://docsbot.ai`, on any port (DocsBot names hosts, not origins) |
 * | `docsbot.ai:8443`         | that host on port 8443, http or https                            |
 * | `https://docsbot.ai`      | exactly that origin (port 443)                                   |
 * | `https://shop.example.com:8443` | exactly that origin                                        |
 * | `*.example.com`           | any subdomain, any depth (`a.example.com`, `a.b.example.com`), never `example.com` itself; combines with a scheme and port as above |
 *
 * Hosts are DNS names or IPv4 addresses (`127.0.0.1` for local tests); IPv6 literals, paths, queries, user info
 * and a bare `*` are refused (an empty list already means any origin). A wildcard needs a base of two labels or
 * more (`*.com` is refused as too broad).
 */
export type AllowedDomain = { scheme?: 'http' | 'https'; wildcard: boolean; host: string; port?: number };

const DEFAULT_PORT = { http: 80, https: 443 } as const;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const ENTRY = new RegExp(`^(?:(https?)://)?(\\*\\.)?(${LABEL}(?:\\.${LABEL})*)(?::(\\d{1,5}))?/?$`);
const SHAPE = 'must be a hostname (example.com), a *. wildcard (*.example.com) or an origin (https://example.com[:port])';

/** The parsed entry, or the reason it is refused (a message for `errors[].message`). */
export function parseAllowedDomain(input: string): AllowedDomain | string {
  const m = ENTRY.exec(input.trim().toLowerCase());
  if (!m) return SHAPE;
  const [, scheme, star, host, port] = m as unknown as [
    string,
    'http' | 'https' | undefined,
    string | undefined,
    string,
    string | undefined,
  ];
  if (host.length > 253) return 'the host is longer than 253 characters';
  const portNumber = port === undefined ? undefined : Number(port);
  if (portNumber !== undefined && (portNumber < 1 || portNumber > 65_535)) return 'the port must be 1-65535';
  if (star && !host.includes('.')) return 'a wildcard needs a domain of at least two labels, e.g. *.example.com';
  const dropPort = scheme !== undefined && portNumber === DEFAULT_PORT[scheme];
  return {
    ...(scheme ? { scheme } : {}),
    wildcard: Boolean(star),
    host,
    ...(portNumber !== undefined && !dropPort ? { port: portNumber } : {}),
  };
}

/** The normalised spelling stored and returned: `https://shop.example.com`, `*.example.com`, `docsbot.ai`. */
export function formatAllowedDomain(d: AllowedDomain): string {
  return `${d.scheme ? `${d.scheme}://` : ''}${d.wildcard ? '*.' : ''}${d.host}${d.port !== undefined ? `:${d.port}` : ''}`;
}

/**
 * Whether a request from `origin` (the `Origin` header, or undefined when the caller sent none) may use a widget
 * whose `allowedDomains` are `entries` (stored, normalised). An empty list allows every caller, with or without
 * an `Origin`. Otherwise the origin must be an http(s) origin matching one entry; a missing or opaque
 * (`null`) origin never matches.
 */
export function originAllowed(origin: string | undefined, entries: readonly string[]): boolean {
  if (entries.length === 0) return true;
  const o = parseOrigin(origin);
  if (!o) return false;
  return entries.some((entry) => {
    const d = parseAllowedDomain(entry);
    return typeof d !== 'string' && matches(d, o);
  });
}

type Origin = { scheme: 'http' | 'https'; host: string; port: number };

function parseOrigin(origin: string | undefined): Origin | undefined {
  if (!origin) return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  const scheme = url.protocol === 'https:' ? 'https' : url.protocol === 'http:' ? 'http' : undefined;
  // An Origin header is exactly scheme://host[:port] (RFC 6454 §7); a path, query or user info means it is not one.
  if (!scheme || origin.endsWith('/') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined;
  return { scheme, host: url.hostname, port: url.port ? Number(url.port) : DEFAULT_PORT[scheme] };
}

function matches(d: AllowedDomain, o: Origin): boolean {
  if (d.scheme && d.scheme !== o.scheme) return false;
  if (d.wildcard ? !o.host.endsWith(`.${d.host}`) : o.host !== d.host) return false;
  if (d.port !== undefined) return o.port === d.port;
  return d.scheme ? o.port === DEFAULT_PORT[d.scheme] : true;
}
