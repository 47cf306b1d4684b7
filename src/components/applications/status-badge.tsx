import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';

const TONE = {
  DRAFT: 'slate',
  SUBMITTED: 'blue',
  RETURNED: 'amber',
  INSTITUTION_APPROVED: 'blue',
  FORMAL_CHECK_PASSED: 'green',
  FORMAL_CHECK_FAILED: 'red',
  UNDER_REVIEW: 'blue',
  PANEL: 'blue',
  DECIDED: 'green',
  WITHDRAWN: 'slate',
} as const;

export type ApplicationStatusName = keyof typeof TONE;

/** An application's status in words, coloured by what it asks of the reader (amber: act; red: refused). */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatusName }) {
  const t = useTranslations('enums.applicationStatus');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
