import { db } from '@/server/db';
import { getSession } from '@/server/auth/session';
import { readFile } from '@/server/files/files';

// GET /api/files/<id> — download, authorised like the record the file belongs to; anyone else gets 404.
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  try {
    const { filename, mimeType, bytes } = await readFile(db(), session.actor, (await ctx.params).id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': mimeType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
