// What kind of network an IP address is on, for the relay's connect-time check: a
// source on the public internet must never lead the relay into its own network.
import { isIP } from 'node:net';

/** `public`, or the kind of address a source may reach only when its own host is one. */
export type AddressKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'reserved';

type Range = [prefix: number[], bits: number, kind: AddressKind];

// IPv4 ranges (RFC 6890), as their leading bytes and prefix length.
const V4: Range[] = [
  [[0], 8, 'unspecified'],
  [[127], 8, 'loopback'],
  [[10], 8, 'private'],
  [[172, 16], 12, 'private'],
  [[192, 168], 16, 'private'],
  // Carrier-grade NAT: the provider's network, not the internet.
  [[100, 64], 10, 'private'],
  [[169, 254], 16, 'link-local'],
  // Multicast, the reserved block and broadcast: no status source lives there.
  [[224], 4, 'reserved'],
  [[240], 4, 'reserved'],
];

// IPv6 ranges; the IPv4 inside a mapped or NAT64 address is judged as IPv4 (below).
const V6: Range[] = [
  [[0xfc], 7, 'private'], // unique local
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xff], 8, 'reserved'], // multicast
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit += 1) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3]! & mask) !== (prefix[bit >> 3]! & mask)) return false;
  }
  return true;
}

/** The 16 bytes of a valid IPv6 address (one with a dotted IPv4 tail too). */
function v6Bytes(text: string): number[] {
  let address = text.replace(/%.*$/, '');
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups =
    rest === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((group: string) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function kindOf(bytes: number[], ranges: Range[]): AddressKind {
  return ranges.find((range) => inRange(bytes, range))?.[2] ?? 'public';
}

/** The kind of an IP address (IPv4 or IPv6 text); anything else is `reserved`. */
export function addressKind(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '');
  const version = isIP(bare.replace(/%.*$/, ''));
  if (version === 4) return kindOf(bare.split('.').map(Number), V4);
  if (version !== 6) return 'reserved';
  const bytes = v6Bytes(bare);
  const zeros = (count: number) => bytes.slice(0, count).every((byte) => byte === 0);
  // ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64): the IPv4 address is what is reached.
  const mapped = zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const nat64 = bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(1);
  if (mapped || (nat64 && bytes.slice(4, 12).every((byte) => byte === 0))) {
    return kindOf(bytes.slice(12), V4);
  }
  if (zeros(15)) return bytes[15] === 1 ? 'loopback' : bytes[15] === 0 ? 'unspecified' : 'reserved';
  return kindOf(bytes, V6);
}
