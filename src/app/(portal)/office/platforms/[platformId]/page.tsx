import { PlatformDetailPage } from '@/components/platforms/record-page';

// One platform of the office's institution: directions, project managers and center projects, annual reports.
export default async function OfficePlatformPage({ params }: { params: Promise<{ platformId: string }> }) {
  const { platformId } = await params;
  return (
    <PlatformDetailPage
      permission="manage:platform:institution"
      platformId={platformId}
      base="/office/platforms"
      projectBase="/office/projects"
    />
  );
}
