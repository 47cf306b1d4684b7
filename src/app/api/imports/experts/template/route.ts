import { getSession } from '@/server/auth/session';
import { downloadResponse } from '@/server/files/download-response';
import { expertImportTemplate } from '@/server/imports/expert-import';

// GET /api/imports/experts/template — the expert import's sheet: its header row and one example row, so staff fill in
// what the import reads (src/server/imports/expert-import.ts). Commission staff only; anyone else: 404.
export async function GET() {
  const session = await getSession();
  if (session.status !== 'ACTIVE') return new Response('Not found', { status: 404 });
  try {
    return downloadResponse(await expertImportTemplate(session.actor));
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
