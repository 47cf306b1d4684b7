import { db } from '@/server/db';
import { getSession } from '@/server/auth/session';
import { readAssignmentAttachment } from '@/server/review/expert-work';

// GET /api/review/<assignment>/attachments/<slot> — an application's attachment for the expert reviewing it, by slot
// (never by file id: nothing in the address or the file name identifies the applicant in blind review). Anyone the
// access gate does not let through — unassigned, conflicted, withdrawn — gets 404 like a missing file.
export async function GET(_request: Request, ctx: { params: Promise<{ assignmentId: string; slot: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { assignmentId, slot } = await ctx.params;
  try {
    const { filename, mimeType, bytes } = await readAssignmentAttachment(db(), session.actor, assignmentId, slot);
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
