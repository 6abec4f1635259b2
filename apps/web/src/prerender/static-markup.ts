/**
 * Turns what React rendered for a page (at build, or for a signed-in person on the server) into markup that can sit in the HTML before the app runs:
 * the title React hoisted goes to <head> (returned apart), and inline scripts go (the router's scroll
 * restoration: the CSP forbids inline scripts, and the app restores scroll itself). Forms post: the
 * page's first-use script (public/first-use.js) holds a submit back until the app has taken over, and
 * should that script not run, a form without its handler must not put the password in the address.
 */
export function staticMarkup(rendered: string): { title: string; markup: string } {
  const title = /<title>([^<]*)<\/title>/.exec(rendered)?.[1];
  const start = rendered.indexOf('<div');
  if (title === undefined || start < 0)
    throw new Error('prerender: the page rendered no <title> or no <div>');
  const markup = rendered
    .slice(start)
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<form /g, '<form method="post" ');
  return { title, markup };
}
