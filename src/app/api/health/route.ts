import { checkHealth } from '@/server/health';

// GET /api/health — 200 {"status":"ok"} when this instance reaches the database, else 503. Public: it says nothing
// about any record.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
