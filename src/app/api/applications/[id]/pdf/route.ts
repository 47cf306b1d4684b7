import { refusedDownload } from '@/server/files/refused-download';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE } from '@/i18n/config';
import { getSession } from '@/server/auth/session';
import { db } from '@/server/db';
import { applicationPdf } from '@/server/documents/application-pdf';
import { downloadResponse } from '@/server/files/download-response';

// GET /api/applications/<id>/pdf[?blind=1] — the submitted application as a PDF, for whoever may read it on screen
// (PI and members, their office, commission staff); anyone else gets 404 like a missing application.
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { id } = await ctx.params;
  const blind = new URL(request.url).searchParams.get('blind') === '1';
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  try {
    return downloadResponse(await applicationPdf(db(), session.actor, id, { blind, locale }));
  } catch (error) {
    return refusedDownload(error);
  }
}
