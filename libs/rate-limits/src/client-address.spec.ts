import { clientAddress } from './client-address.js';

describe('clientAddress', () => {
  it('uses req.ip, writing IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ip: '::ffff:127.0.0.1' })).toBe('127.0.0.1');
  });

  it('counts an IPv6 client by its /64 network', () => {
    expect(clientAddress({ ip: '2001:db8:0:12:aaaa::1' })).toBe('2001:db8:0:12::/64');
    expect(clientAddress({ ip: '2001:DB8:0000:0012:bbbb:cccc:dddd:eeee' })).toBe('2001:db8:0:12::/64');
    expect(clientAddress({ ip: '2001:db8::5' })).toBe('2001:db8:0:0::/64');
    expect(clientAddress({ ip: '::1' })).toBe('0:0:0:0::/64');
  });

  it('has no address without an HTTP request', () => {
    expect(clientAddress(undefined)).toBeUndefined();
    expect(clientAddress({})).toBeUndefined();
  });
});
