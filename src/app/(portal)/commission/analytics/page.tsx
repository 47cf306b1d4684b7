import { AnalyticsPage } from '@/components/analytics/analytics-page';
import { requirePermission } from '@/server/auth/session';

export default async function CommissionAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission('read:analytics:all');
  return <AnalyticsPage actor={actor} searchParams={await searchParams} />;
}
