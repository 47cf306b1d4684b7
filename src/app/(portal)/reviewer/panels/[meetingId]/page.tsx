import { MemberMeetingPage } from '@/components/panels/member-pages';

export default async function ReviewerPanelMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  return <MemberMeetingPage meetingId={meetingId} basePath="/reviewer/panels" />;
}
