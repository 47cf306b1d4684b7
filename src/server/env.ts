import 'server-only';
import { z } from 'zod';

// The only reader of process.env for the app (STYLE.md habit 5). Parsed on first use rather than at import, so that
// `next build` does not need runtime secrets; a missing or malformed variable then fails loudly on the first request.

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  /** Signs the session JWT (next-auth). At least 32 characters; `openssl rand -base64 32`. */
  AUTH_SECRET: z.string().min(32, { message: 'AUTH_SECRET must be at least 32 characters' }),
  /**
   * Encrypts personal data at rest (身份证号). 32 bytes, base64 (`openssl rand -base64 32`). Without it the key is
   * derived from AUTH_SECRET — fine for development, but then rotating AUTH_SECRET would make stored numbers
   * unreadable, so production sets its own.
   */
  DATA_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
      message: 'DATA_KEY must be 32 bytes, base64',
    }),
  /** Where uploaded files live (a volume shared by every app instance, or later an S3-compatible store). */
  FILE_STORAGE_DIR: z.string().default('.data/files'),
  /** Connections per app instance. Replicas × this must stay under the server's max_connections. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How many reverse proxies stand in front of the app. Next.js appends the peer's address to X-Forwarded-For, so
   * the client address is the entry this many places from the right; anything further left is client-supplied.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Set when TLS terminates in front of the app: makes cookies Secure. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * The SMTP server notification mail goes through: smtp://user:pass@host:587 (STARTTLS when offered) or
   * smtps://…:465. Unset: each mail is written as an .eml file under MAIL_DIR instead (development), and staff see
   * that on the mail delivery page.
   */
  SMTP_URL: z.string().url({ message: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('京研 Jingyan <noreply@jingyan.local>'),
  MAIL_DIR: z.string().default('.data/mail'),
  /** First retry delay of a failed mail, doubled each time (5 retries). */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** "off" keeps this instance from working jobs (it still enqueues them), e.g. for a web-only replica. */
  JOBS: z.enum(['on', 'off']).default('on'),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse({
      NODE_ENV: process.env.NODE_ENV,
      DATABASE_URL: process.env.DATABASE_URL,
      AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
      DB_POOL_MAX: process.env.DB_POOL_MAX,
      DATA_KEY: process.env.DATA_KEY || undefined,
      FILE_STORAGE_DIR: process.env.FILE_STORAGE_DIR || undefined,
      TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS,
      PUBLIC_URL: process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL,
      SMTP_URL: process.env.SMTP_URL || undefined,
      MAIL_FROM: process.env.MAIL_FROM || undefined,
      MAIL_DIR: process.env.MAIL_DIR || undefined,
      MAIL_RETRY_DELAY_SECONDS: process.env.MAIL_RETRY_DELAY_SECONDS || undefined,
      JOBS: process.env.JOBS || undefined,
    });
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`Invalid environment:\n${lines}\nSee README.md → Configuration.`);
    }
    cached = parsed.data;
  }
  return cached;
}
