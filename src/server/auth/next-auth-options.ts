import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { db } from '../db';
import { env } from '../env';
import { recordAudit } from '../audit/record-audit';
import { authenticate } from './authenticate';
import { clientIpFrom } from './request-context';

// next-auth carries a signed JWT holding only the id of a Session row (ADR 0004). Everything that must hold across
// app instances — idle timeout, logout, role, revocation — lives in that row, read on every request.

/** Error codes the login form understands (next-auth passes a thrown Error's message through as `error`). */
export const LOGIN_ERRORS = { LOCKED: 'LOCKED', NO_ROLES: 'NO_ROLES' } as const;

const ZCredentials = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) });

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 24 * 3600 },
    pages: { signIn: '/login', error: '/login' },
    useSecureCookies: env().PUBLIC_URL?.startsWith('https://') ?? false,
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const h = (req?.headers ?? {}) as Record<string, string | undefined>;
          try {
            const { sessionId } = await authenticate(db(), {
              email: parsed.data.email,
              password: parsed.data.password,
              ip: clientIpFrom((name) => h[name]),
              userAgent: h['user-agent'] ?? null,
            });
            return { id: sessionId };
          } catch (error) {
            if (error instanceof DomainError) {
              if (error.code === 'LOCKED') throw new Error(`${LOGIN_ERRORS.LOCKED}:${error.params?.minutes ?? ''}`);
              if (error.code === 'FORBIDDEN') throw new Error(LOGIN_ERRORS.NO_ROLES);
              return null;
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined, user: undefined };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === 'string' ? token.sid : null;
        if (!sid) return;
        await db().$transaction(async (tx) => {
          const session = await tx.session.findUnique({
            where: { id: sid },
            select: { revokedAt: true, activeRole: true, user: { select: { id: true, name: true } } },
          });
          if (!session || session.revokedAt) return;
          await tx.session.update({ where: { id: sid }, data: { revokedAt: new Date(), revokeReason: 'LOGOUT' } });
          await recordAudit(tx, {
            actor: { userId: session.user.id, role: session.activeRole, name: session.user.name, ip: null },
            action: 'auth.logout',
            entityType: 'Session',
            entityId: sid,
            summary: {},
          });
        });
      },
    },
  };
  return options;
}
