import { refusedDownload } from '@/server/files/refused-download';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { getSession } from '@/server/auth/session';
import { db } from '@/server/db';
import { exportList } from '@/server/exports/export-list';
import { EXPORT_KINDS, type ExportKind } from '@/server/exports/lists';

// GET /api/exports/<applications|projects|tranches>?format=xlsx|csv&callId=&status=&programId= — a staff list with
// its filters, streamed. Recorded in the audit log (who exported what). Anyone without the list's permission: 404.
export async function GET(request: Request, ctx: { params: Promise<{ kind: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { kind } = await ctx.params;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return new Response('Not found', { status: 404 });
  const q = new URL(request.url).searchParams;
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  try {
    return await exportList(db(), session.actor, {
      kind: kind as ExportKind,
      format: q.get('format') === 'csv' ? 'csv' : 'xlsx',
      filters: {
        callId: q.get('callId') ?? undefined,
        institutionId: q.get('institutionId') ?? undefined,
        status: q.get('status') ?? undefined,
        programId: q.get('programId') ?? undefined,
        discipline: q.get('discipline') ?? undefined,
        age: q.get('age') ?? undefined,
      },
      locale,
    });
  } catch (error) {
    if (error instanceof DomainError) return refusedDownload(error);
    throw error;
  }
}
