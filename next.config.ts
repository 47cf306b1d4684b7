import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { DOWNLOAD_CSP } from './src/domain/security/http-policy';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

// Headers every response carries: no framing (clickjacking), no sniffing, no powerful browser features, HSTS in
// production. The Content-Security-Policy of pages carries a per-request nonce, so src/proxy.ts sets it; the file
// downloads the proxy does not see get a policy under which nothing runs.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second build beside the usual one (e.g. the load scripts' own), without the two overwriting each other.
  distDir: process.env.JINGYAN_DIST_DIR || '.next',
  // Native and WASM packages stay outside the server bundle, loaded by Node as they are.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'pg-boss', 'nodemailer'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/files/:path*', headers: [{ key: 'Content-Security-Policy', value: DOWNLOAD_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);
