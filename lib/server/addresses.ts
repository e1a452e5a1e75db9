/**
 * The URLs other machines can use to reach a server: a wildcard bind (0.0.0.0, ::) is no address anyone can
 * connect to, so the start-up banner lists this machine's external interface addresses instead.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const urlHost = (address: string): string => (address.includes(':') ? `[${address}]` : address);

/**
 * `http://<address>:<port>` for the bound address, or one per external interface address for a wildcard bind
 * (IPv4 only for 0.0.0.0; IPv4 and IPv6 for ::, link-local IPv6 left out). Loopback when nothing else exists.
 * @example reachableUrls('0.0.0.0', 8000) // ['http://10.0.0.5:8000']
 */
export function reachableUrls(boundAddress: string, port: number, interfaces: Interfaces = networkInterfaces()): string[] {
  const wildcard = boundAddress === '0.0.0.0' || boundAddress === '::';
  if (!wildcard) return [`http://${urlHost(boundAddress)}:${port}`];
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv6' && (boundAddress === '0.0.0.0' || a.address.toLowerCase().startsWith('fe80:'))) continue;
      found.push(`http://${urlHost(a.address)}:${port}`);
    }
  }
  return found.length > 0 ? found : [`http://127.0.0.1:${port}`];
}
