import { describe, expect, it } from 'vitest';
import { addressProblem, isPrivateAddress, outboundUrlProblem } from '../../shared/net/url-safety.js';

describe('IPv6 spellings of blocked IPv4 addresses', () => {
  it('refuses the metadata address however IPv6 wraps it, at save and after resolution', () => {
    for (const host of [
      '::a9fe:a9fe', // IPv4-compatible
      '::169.254.169.254',
      '::ffff:169.254.169.254', // IPv4-mapped
      '::ffff:0:a9fe:a9fe', // IPv4-translated
      '2002:a9fe:a9fe::1', // 6to4
      '2002:0a00:0001::', // 6to4 of 10.0.0.1
      '64:ff9b::a9fe:a9fe', // NAT64
      '64:ff9b:1::a9fe:a9fe',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    ]) {
      expect(outboundUrlProblem(`https://[${host}]/latest/meta-data`, { local: false }), host).toBeDefined();
      expect(isPrivateAddress(host), host).toBe(true);
      expect(addressProblem(host, { local: false }), host).toBeDefined();
    }
  });

  it('still allows public IPv6 and 6to4 of a public IPv4', () => {
    for (const host of ['2606:4700:4700::1111', '2a00:1450:4001:82b::200e', '2002:0808:0808::1']) {
      expect(outboundUrlProblem(`https://[${host}]/hook`, { local: false }), host).toBeUndefined();
    }
  });
});
