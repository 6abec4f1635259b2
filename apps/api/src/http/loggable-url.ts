/** Query parameters whose values say nothing about a person: everything else is redacted. */
const HARMLESS_PARAMETERS = new Set(['batch']);
/** A parameter name that could not itself be a secret (a bare `?<token>` could). */
const PLAIN_NAME = /^[A-Za-z][\w.-]{0,31}$/;

/**
 * The request URL as the log may keep it: the path, and the query with every value redacted except
 * known harmless ones. Query strings carry one-time tokens from mailed links, tRPC `input` (search
 * terms, cursors, titles) and whatever a client makes up, none of which belongs in a log.
 */
export function loggableUrl(originalUrl: string): string {
  const queryStart = originalUrl.indexOf('?');
  if (queryStart === -1) return originalUrl;
  const path = originalUrl.slice(0, queryStart);
  const query = originalUrl.slice(queryStart + 1);
  if (!query) return path;
  const parameters = query.split('&').map((pair) => {
    const [name = ''] = pair.split('=', 1);
    if (!PLAIN_NAME.test(name)) return '[redacted]';
    if (!pair.includes('=')) return name;
    return HARMLESS_PARAMETERS.has(name) ? pair : `${name}=[redacted]`;
  });
  return `${path}?${parameters.join('&')}`;
}
