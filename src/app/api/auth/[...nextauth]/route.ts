import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth-options';

// next-auth's own endpoints (csrf, credentials callback, signout). Options are built on first request so that
// `next build` needs no secret.
type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
