// Where a 科研诚信 record stands today, for the staff's list. "In force" is the eligibility rule's own test
// (activeSanction: inclusive start, exclusive end, on the Beijing calendar day), so the list and the bar agree.
import { activeSanction } from '../application/eligibility';
import { beijingDate } from '../people/age';

export const CREDIT_RECORD_STATUSES = ['ACTIVE', 'PENDING', 'EXPIRED', 'REVOKED'] as const;
export type CreditRecordStatus = (typeof CREDIT_RECORD_STATUSES)[number];

export function creditRecordStatus(
  record: { startsOn: Date; endsOn: Date | null; revokedAt: Date | null },
  now: Date,
): CreditRecordStatus {
  if (record.revokedAt) return 'REVOKED';
  // Period only: a record that bars neither applying nor reviewing is still in force for its period.
  if (activeSanction([{ startsOn: record.startsOn, endsOn: record.endsOn, barsApplications: true }], now)) {
    return 'ACTIVE';
  }
  const { year, month, day } = beijingDate(now);
  const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return record.startsOn.toISOString().slice(0, 10) > today ? 'PENDING' : 'EXPIRED';
}
