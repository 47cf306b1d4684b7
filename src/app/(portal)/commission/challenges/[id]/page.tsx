import { EditChallengePage } from '@/components/challenges/challenge-pages';
import { requirePermission } from '@/server/auth/session';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('manage:challenge:all');
  return <EditChallengePage actor={actor} id={(await params).id} />;
}
