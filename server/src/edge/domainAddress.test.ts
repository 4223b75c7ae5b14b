import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { announceDomainAddress } from './domainAddress.ts';

describe('the media address of a PLENARY_DOMAIN deployment', () => {
  it("is the domain's IPv4 address, with RTC on every interface", async () => {
    const config = await announceDomainAddress(loadConfig({ PLENARY_DOMAIN: 'plenary.example.org' }), async (name) =>
      name === 'plenary.example.org' ? '203.0.113.10' : '0.0.0.0',
    );
    expect(config.media.announcedIp).toBe('203.0.113.10');
    expect(config.media.listenIp).toBe('0.0.0.0');
  });

  it("is the operator's when PLENARY_ANNOUNCED_IP is set, and nothing is looked up without a domain", async () => {
    const unused = async (): Promise<string> => {
      throw new Error('looked up');
    };
    const own = loadConfig({ PLENARY_DOMAIN: 'plenary.example.org', PLENARY_ANNOUNCED_IP: '198.51.100.4' });
    expect((await announceDomainAddress(own, unused)).media.announcedIp).toBe('198.51.100.4');
    const plain = loadConfig({});
    expect(await announceDomainAddress(plain, unused)).toBe(plain);
  });

  it('stops the start with a clear error when the domain does not resolve', async () => {
    const config = loadConfig({ PLENARY_DOMAIN: 'plenary.example.org' });
    const missing = Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' });
    await expect(
      announceDomainAddress(config, async () => {
        throw missing;
      }),
    ).rejects.toThrow(
      'PLENARY_DOMAIN=plenary.example.org has no IPv4 address (ENOTFOUND): point it at this machine, or set PLENARY_ANNOUNCED_IP',
    );
  });
});
