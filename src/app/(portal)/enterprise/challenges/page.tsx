import { ChallengeListPage } from '@/components/challenges/challenge-pages';
import { requirePermission } from '@/server/auth/session';

export default async function Page({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePermission('manage:challenge:institution');
  return <ChallengeListPage actor={actor} basePath="/enterprise/challenges" status={(await searchParams).status} />;
}
