import { ChallengeListPage } from '@/components/challenges/challenge-pages';
import { requirePermission } from '@/server/auth/session';

export default async function Page({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePermission('manage:challenge:all');
  return <ChallengeListPage actor={actor} basePath="/commission/challenges" status={(await searchParams).status} />;
}
