import { db } from '@/server/db';
import { getSession } from '@/server/auth/session';
import { downloadResponse } from '@/server/files/download-response';
import { readFile } from '@/server/files/files';

// GET /api/files/<id> — download, authorised like the record the file belongs to; anyone else gets 404.
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  try {
    return downloadResponse(await readFile(db(), session.actor, (await ctx.params).id));
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
