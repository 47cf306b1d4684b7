import { PlatformDetailPage } from '@/components/platforms/record-page';

// One of the researcher's platforms: the director edits directions and files annual reports; a project manager
// registers and keeps the center's projects under their appointment.
export default async function ResearcherPlatformPage({ params }: { params: Promise<{ platformId: string }> }) {
  const { platformId } = await params;
  return (
    <PlatformDetailPage
      permission="manage:platform:own"
      platformId={platformId}
      base="/researcher/platforms"
      projectBase="/researcher/projects"
    />
  );
}
