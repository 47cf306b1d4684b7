import { describe, expect, it } from 'vitest';
import { canEditReport, canReadReport, canTransitionReport, REPORT_STATUSES } from '@/domain/committee/report';

describe('consultation report', () => {
  it('is published once, and edited only as a draft', () => {
    expect(REPORT_STATUSES.filter((s) => canTransitionReport(s, 'publish'))).toEqual(['DRAFT']);
    expect(REPORT_STATUSES.filter(canEditReport)).toEqual(['DRAFT']);
  });

  it('is read by staff always, by members of its term once published, by nobody else', () => {
    const read = (staff: boolean, memberOfTerm: boolean) =>
      REPORT_STATUSES.filter((s) => canReadReport({ staff, memberOfTerm }, s));
    expect(read(true, false)).toEqual(['DRAFT', 'PUBLISHED']);
    expect(read(false, true)).toEqual(['PUBLISHED']);
    expect(read(false, false)).toEqual([]);
  });
});
