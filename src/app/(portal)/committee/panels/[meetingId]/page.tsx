import { MemberMeetingPage } from '@/components/panels/member-pages';

export default async function CommitteePanelMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  return <MemberMeetingPage meetingId={meetingId} basePath="/committee/panels" />;
}
