import { describe, expect, it } from 'vitest';
import { makeCertificate } from '../../test/edge/tls.ts';
import { hostNameOf, parseCertificate } from './certificate.ts';

const served = async (options: { names?: string[]; ips?: string[] }) => {
  const { cert, key } = await makeCertificate(options);
  return parseCertificate(cert, key, 'test');
};

describe('hostNameOf: the host printed in links and TURN URLs', () => {
  it('is the first DNS name when the certificate has one', async () => {
    expect(hostNameOf(await served({ names: ['plenary.example.org', 'www.example.org'], ips: ['192.0.2.7'] }))).toBe(
      'plenary.example.org',
    );
  });

  it('is the IP address of a certificate made for an address only', async () => {
    expect(hostNameOf(await served({ names: [], ips: ['192.0.2.7'] }))).toBe('192.0.2.7');
  });

  it('brackets an IPv6 address, as a URL needs', async () => {
    expect(hostNameOf(await served({ names: [], ips: ['2001:db8::7'] }))).toBe('[2001:db8::7]');
  });
});
