// Runs once when a Next.js server instance starts (next dev, next start): the Node.js runtime starts this instance's
// job workers (mail, reminders). They share the work with every other instance through PostgreSQL.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.JOBS === 'off' || !process.env.DATABASE_URL) return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startWorkers } = await import('./server/jobs/worker');
  startWorkers().catch((e: unknown) => console.error('[jobs] could not start the workers:', e));
}
