import { NewChallengePage } from '@/components/challenges/challenge-pages';
import { requirePermission } from '@/server/auth/session';

export default async function Page() {
  const actor = await requirePermission('manage:challenge:all');
  return <NewChallengePage actor={actor} basePath="/commission/challenges" />;
}
