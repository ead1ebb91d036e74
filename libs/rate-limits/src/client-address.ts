import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/**
 * The address rate limits count a client by: Express's req.ip (which honours TRUST_PROXY), with
 * IPv4-mapped IPv6 written as IPv4, and IPv6 reduced to its /64 network, since one host usually holds
 * a whole /64. Undefined without an HTTP request (operations over a websocket).
 */
export function clientAddress(request: Partial<Pick<Request, 'ip' | 'socket'>> | undefined): string | undefined {
  const ip = request?.ip ?? request?.socket?.remoteAddress;
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  return isIPv6(ip) ? `${ipv6Network(ip)}::/64` : ip;
}

/** The first four groups of an IPv6 address, with its `::` shorthand expanded. */
function ipv6Network(ip: string): string {
  const [head, tail] = ip.split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  return groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':');
}
