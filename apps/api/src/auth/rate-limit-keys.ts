import { isIPv4, isIPv6 } from 'node:net';
import { sha256Hex } from './tokens.js';

/**
 * Rate-limit keys. They are stored in rate_limits.key (varchar 255) after the limit's name, so every
 * part is bounded: emails are hashed, addresses are short or hashed.
 */

/** One client network: IPv4 as is, IPv6 by its /64 (one subscriber's usual allocation), mapped IPv4 as IPv4. */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${ipv6Hextets(ip).slice(0, 4).join(':')}::/64`;
  // Not an address (a test caller, or something a proxy let through): never longer than a hash.
  return ip.length <= 64 ? ip : `sha256:${sha256Hex(ip)}`;
}

/** The eight hextets of an IPv6 address, written out (no :: shorthand, no leading zeros). */
function ipv6Hextets(ip: string): string[] {
  const withoutZone = (ip.split('%')[0] ?? ip).toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is the last two hextets.
  const hexOnly = withoutZone.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(':'),
  );
  const [head = '', tail] = hexOnly.split('::');
  const toParts = (part: string) => (part ? part.split(':') : []);
  let parts = toParts(head);
  if (tail !== undefined) {
    const rest = toParts(tail);
    parts = [...parts, ...Array<string>(8 - parts.length - rest.length).fill('0'), ...rest];
  }
  return parts.map((hextet) => Number.parseInt(hextet, 16).toString(16));
}

export const byEmail = (email: string) => sha256Hex(email);
export const byNetwork = (ip: string) => networkOf(ip);
export const byEmailAndNetwork = (email: string, ip: string) => `${sha256Hex(email)}@${networkOf(ip)}`;
