import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { ReviewAssignmentStatus } from '@/domain/review/assignment-status';

const TONE = {
  PROPOSED: 'slate',
  INVITED: 'amber',
  ACCEPTED: 'blue',
  SUBMITTED: 'green',
  DECLINED: 'slate',
  CANCELLED: 'slate',
  OVERDUE: 'red',
  WITHDRAWN_CONFLICT: 'slate',
} as const satisfies Record<ReviewAssignmentStatus, string>;

/** A review assignment's status in words, coloured by what it asks of the reader (amber: answer; red: late). */
export function AssignmentStatusBadge({ status }: { status: ReviewAssignmentStatus }) {
  const t = useTranslations('enums.reviewAssignmentStatus');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
