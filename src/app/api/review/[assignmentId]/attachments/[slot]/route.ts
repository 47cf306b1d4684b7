import { db } from '@/server/db';
import { getSession } from '@/server/auth/session';
import { downloadResponse } from '@/server/files/download-response';
import { readAssignmentAttachment } from '@/server/review/expert-work';

// GET /api/review/<assignment>/attachments/<slot> — an application's attachment for the expert reviewing it, by slot
// (never by file id: nothing in the address or the file name identifies the applicant in blind review). Anyone the
// access gate does not let through — unassigned, conflicted, withdrawn — gets 404 like a missing file.
export async function GET(_request: Request, ctx: { params: Promise<{ assignmentId: string; slot: string }> }) {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  const { assignmentId, slot } = await ctx.params;
  try {
    return downloadResponse(await readAssignmentAttachment(db(), session.actor, assignmentId, slot));
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
