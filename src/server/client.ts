// Who a request comes from, for per-client limits (connections, event streams, failed sign-ins).
import { isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The client's address as a limit key: IPv4 as is (also when mapped into IPv6),
 * IPv6 by its /64 network, since one subscriber usually holds a whole /64. Behind a
 * proxy this is the proxy's address: limit per client there (see docs/security.md).
 */
export function clientKey(request: IncomingMessage): string {
  return addressKey(request.socket.remoteAddress);
}

/** The limit key of a connection's remote address (see `clientKey`). */
export function addressKey(remote: string | undefined): string {
  const address = remote ?? 'unknown';
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
