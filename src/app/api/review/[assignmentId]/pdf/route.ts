import { refusedDownload } from '@/server/files/refused-download';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE } from '@/i18n/config';
import { getSession } from '@/server/auth/session';
import { db } from '@/server/db';
import { assignmentPdf } from '@/server/documents/application-pdf';
import { downloadResponse } from '@/server/files/download-response';

// GET /api/review/<assignment>/pdf — the application an expert reviews, printed as they read it (blind when the
// program reviews blind). Unassigned, conflicted or withdrawn: 404.
export async function GET(_request: Request, ctx: { params: Promise<{ assignmentId: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { assignmentId } = await ctx.params;
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  try {
    return downloadResponse(await assignmentPdf(db(), session.actor, assignmentId, { locale }));
  } catch (error) {
    return refusedDownload(error);
  }
}
