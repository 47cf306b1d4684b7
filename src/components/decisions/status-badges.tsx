import { Badge } from '@/components/ui/card';

// Status in words, with a tone only as a second cue (the label is always the status's name).

const DECISION_TONE = {
  DRAFT: 'amber',
  PUBLISHED: 'blue',
  IN_NOTICE: 'blue',
  FINAL: 'green',
  REVISED: 'slate',
} as const;
const NOTICE_TONE = { DRAFT: 'slate', OPEN: 'green', CLOSED: 'slate' } as const;
const OBJECTION_TONE = { FILED: 'amber', UNDER_REVIEW: 'blue', UPHELD: 'red', DISMISSED: 'slate' } as const;
const OUTCOME_TONE = { FUND: 'green', WAITLIST: 'amber', REJECT: 'slate' } as const;

export function DecisionStatusBadge({ status, label }: { status: keyof typeof DECISION_TONE; label: string }) {
  return <Badge tone={DECISION_TONE[status]}>{label}</Badge>;
}

export function NoticeStatusBadge({ status, label }: { status: keyof typeof NOTICE_TONE; label: string }) {
  return <Badge tone={NOTICE_TONE[status]}>{label}</Badge>;
}

export function ObjectionStatusBadge({ status, label }: { status: keyof typeof OBJECTION_TONE; label: string }) {
  return <Badge tone={OBJECTION_TONE[status]}>{label}</Badge>;
}

export function OutcomeBadge({ outcome, label }: { outcome: keyof typeof OUTCOME_TONE; label: string }) {
  return <Badge tone={OUTCOME_TONE[outcome]}>{label}</Badge>;
}
