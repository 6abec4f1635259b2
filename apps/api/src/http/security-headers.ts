import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { type Env, isHttpsOrigin } from '../env.js';

/** Browser features the app never uses: no page of ours (or anything injected into one) may ask for them. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * Helmet's headers with a CSP that loads styles and fonts from our own origin only ('unsafe-inline'
 * for styles because Radix and Sonner inject <style> elements at run time). HSTS and
 * upgrade-insecure-requests only when the public URL is https: over plain http they would break the
 * deployment they are meant to protect.
 */
export function securityHeaders(env: Pick<Env, 'APP_ORIGIN'>): RequestHandler[] {
  const https = isHttpsOrigin(env);
  return [
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'"],
          'font-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https,
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}
