import { OwnMeetingsPage } from '@/components/panels/member-pages';

// 评审会议 of a committee member: the same pages as the experts'.
export default function CommitteePanelsPage() {
  return <OwnMeetingsPage basePath="/committee/panels" />;
}
