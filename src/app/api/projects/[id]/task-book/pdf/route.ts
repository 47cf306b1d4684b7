import { refusedDownload } from '@/server/files/refused-download';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE } from '@/i18n/config';
import { getSession } from '@/server/auth/session';
import { db } from '@/server/db';
import { taskBookPdf } from '@/server/documents/task-book-pdf';
import { downloadResponse } from '@/server/files/download-response';

// GET /api/projects/<id>/task-book/pdf — the project's current task book, for whoever may open the project (each
// sees in it what the project page shows them); anyone else gets 404.
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { id } = await ctx.params;
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  try {
    return downloadResponse(await taskBookPdf(db(), session.actor, id, { locale }));
  } catch (error) {
    return refusedDownload(error);
  }
}
