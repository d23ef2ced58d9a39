import { type LookupAddress, type LookupOptions, lookup as dnsLookup, promises as dnsPromises } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Static checks on a URL that botops will call on a user's behalf (health checks, CRM pre-fetch, post-call
 * push). https only, never a private, loopback, link-local or metadata address; local mode also allows
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
// IPv6 ranges that are never a public destination, or that carry an IPv4 address inside: `::/96` (unspecified,
// loopback and the deprecated IPv4-compatible `::a.b.c.d`, RFC 4291), IPv4-translated `::ffff:0:a.b.c.d`
// (RFC 6145), ULA, link-local, multicast, NAT64 `64:ff9b::/96` and `64:ff9b:1::/48` (RFC 6052, 8215), Teredo
// `2001::/32` (RFC 4380, the client's IPv4 is inside), documentation `2001:db8::/32` and discard `100::/64`.
for (const [net, prefix] of [
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['100::', 64],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 literal (`::` and a trailing dotted quad expanded), or undefined when it is none. */
function ipv6Bytes(host: string): Uint8Array | undefined {
  if (isIP(host) !== 6) return undefined;
  let text = host.split('%')[0]!;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = Number.parseInt(g || '0', 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** The IPv4 address a 6to4 address (`2002:AABB:CCDD::/48`, RFC 3056) routes to, or undefined. */
function sixToFourIPv4(host: string): string | undefined {
  const b = ipv6Bytes(host);
  return b && b[0] === 0x20 && b[1] === 0x02 ? `${b[2]}.${b[3]}.${b[4]}.${b[5]}` : undefined;
}

/** True for an IP literal in a blocked range; hostnames are false (they are checked after resolution). */
export function isPrivateAddress(host: string): boolean {
  const kind = isIP(host);
  if (kind === 0) return false;
  if (BLOCKED.check(host, kind === 4 ? 'ipv4' : 'ipv6')) return true;
  const inner = kind === 6 ? sixToFourIPv4(host) : undefined;
  return inner !== undefined && BLOCKED.check(inner, 'ipv4');
}

// --- Check after DNS resolution ---------------------------------------------------------------------------

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
