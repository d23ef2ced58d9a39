import { type LookupAddress, type LookupOptions, lookup as dnsLookup, promises as dnsPromises } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Static checks on a URL that botops will call on a user's behalf (health checks, CRM pre-fetch, post-call
 * push). Spec: https only, never a private, loopback, link-local or metadata address; local mode also allows
 * loopback http so tests can run their own endpoints. Hostnames are checked again after DNS resolution at
 * call time (a name can point anywhere); this catches literal addresses and known metadata names at save.
 * Returns the reason a URL is refused, or undefined when it is acceptable.
 */
export function outboundUrlProblem(raw: string, opts: { local: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = isLoopback(host);
  if (opts.local && loopback && (url.protocol === 'http:' || url.protocol === 'https:')) return undefined;
  if (url.protocol !== 'https:') return 'must use https';
  if (loopback || isPrivateAddress(host) || METADATA_HOSTS.has(host))
    return 'private, loopback, link-local and metadata addresses are not allowed';
  return undefined;
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '::ffff:7f00:1';
}

/**
 * Addresses botops never calls outside local mode: unspecified, RFC 1918, CGNAT (RFC 6598), loopback,
 * link-local (incl. the 169.254.169.254 metadata service), multicast and reserved, IPv6 loopback, ULA (incl.
 * AWS's fd00:ec2::254), link-local and multicast. Node's BlockList also matches IPv4-mapped IPv6 forms.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** True for an IP literal in a blocked range; hostnames are false (they are checked after resolution). */
export function isPrivateAddress(host: string): boolean {
  const kind = isIP(host);
  return kind !== 0 && BLOCKED.check(host, kind === 4 ? 'ipv4' : 'ipv6');
}

// --- Check after DNS resolution (issue 5: post-call push) ------------------------------------------------

/** Why a resolved address may not be called, or undefined when it may (loopback only in local mode). */
export function addressProblem(address: string, opts: { local: boolean }): string | undefined {
  if (opts.local && isLoopback(address)) return undefined;
  if (isLoopback(address) || isPrivateAddress(address))
    return `resolves to ${address}, a private, loopback, link-local or metadata address`;
  return undefined;
}

export type LookupFn = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A `lookup` for `http.request` / `https.request` that resolves the name and refuses the connection when ANY of
 * its addresses is blocked (`addressProblem`). Checking inside the lookup the socket uses means the address
 * checked is the address connected to: a name that resolves to a public address at check time and to
 * 169.254.169.254 at connect time (DNS rebinding) cannot slip between the two. IP literals never reach a
 * lookup, so callers run `outboundUrlProblem` first. Errors carry `code: 'EBLOCKEDADDRESS'`.
 */
export function safeLookup(opts: { local: boolean }): LookupFn {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const refused = list.map((a) => addressProblem(a.address, opts)).find(Boolean);
      if (refused || list.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`${hostname} ${refused ?? 'has no address'}`);
        e.code = 'EBLOCKEDADDRESS';
        return callback(e, []);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * Static check plus DNS resolution of the host: the reason `raw` may not be called now, or undefined.
 * For a check ahead of time (e.g. before queueing); the request itself must still use `safeLookup`.
 */
export async function resolveAndCheck(raw: string, opts: { local: boolean }): Promise<string | undefined> {
  const stat = outboundUrlProblem(raw, opts);
  if (stat) return stat;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return undefined;
  try {
    const addresses = await dnsPromises.lookup(host, { all: true, verbatim: true });
    if (addresses.length === 0) return `${host} has no address`;
    return addresses.map((a) => addressProblem(a.address, opts)).find(Boolean);
  } catch (e) {
    return `${host} does not resolve (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}
