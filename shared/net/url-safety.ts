import { isIP } from 'node:net';

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
  if (loopback || isPrivateAddress(host) || METADATA_HOSTS.has(host)) return 'private, loopback, link-local and metadata addresses are not allowed';
  return undefined;
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
}

/** RFC 1918, CGNAT, loopback, link-local (incl. 169.254.169.254), unspecified, ULA and mapped IPv4 ranges. */
export function isPrivateAddress(host: string): boolean {
  const kind = isIP(host);
  if (kind === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (kind === 6) {
    const h = host.toLowerCase();
    if (h === '::1' || h === '::') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('fd00:ec2');
  }
  return false;
}
