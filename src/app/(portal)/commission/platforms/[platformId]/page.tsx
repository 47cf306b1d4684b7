import { PlatformDetailPage } from '@/components/platforms/record-page';

// One platform for staff: the record, annual reports to accept or return, periodic evaluation and stable support.
export default async function CommissionPlatformPage({ params }: { params: Promise<{ platformId: string }> }) {
  const { platformId } = await params;
  return (
    <PlatformDetailPage
      permission="manage:platform:all"
      platformId={platformId}
      base="/commission/platforms"
      projectBase="/commission/projects"
    />
  );
}
