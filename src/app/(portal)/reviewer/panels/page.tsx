import { OwnMeetingsPage } from '@/components/panels/member-pages';

// 评审会议 of an expert: the meetings they sit on (international experts read it in English).
export default function ReviewerPanelsPage() {
  return <OwnMeetingsPage basePath="/reviewer/panels" />;
}
