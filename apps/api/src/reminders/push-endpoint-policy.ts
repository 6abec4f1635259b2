import type { Env } from '../env.js';

/** Where the browsers' push services take messages (Chrome, Firefox, Edge/Windows, Safari). */
const BROWSER_PUSH_SERVICES = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'notify.windows.com',
  'push.apple.com',
];

/**
 * Whether the server may post to this push endpoint. The server sends a request to any URL a subscription
 * names, so in production only the browsers' push services (or PUSH_ENDPOINT_HOSTS) are allowed, over
 * https: a subscription must not aim the server at an address inside its own network.
 */
export function pushEndpointPolicy(
  env: Pick<Env, 'NODE_ENV' | 'PUSH_ENDPOINT_HOSTS'>,
): (endpoint: string) => boolean {
  const configured = env.PUSH_ENDPOINT_HOSTS?.split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const hosts = configured ?? (env.NODE_ENV === 'production' ? BROWSER_PUSH_SERVICES : ['*']);
  if (hosts.includes('*')) return () => true;
  return (endpoint) => {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:') return false;
    const host = url.hostname.toLowerCase();
    return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  };
}
