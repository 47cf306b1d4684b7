import { describe, expect, it } from 'vitest';
import { creditRecordStatus } from '@/domain/credit/record-status';

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe('a credit record’s status on a Beijing calendar day', () => {
  const record = { startsOn: day('2026-01-01'), endsOn: day('2029-01-01'), revokedAt: null };

  it('is in force from its first day up to, not including, its end day', () => {
    // 2025-12-31 16:00 UTC is already 1 January in Beijing.
    expect(creditRecordStatus(record, new Date('2025-12-31T15:59:59Z'))).toBe('PENDING');
    expect(creditRecordStatus(record, new Date('2025-12-31T16:00:00Z'))).toBe('ACTIVE');
    expect(creditRecordStatus(record, new Date('2028-12-31T15:59:59Z'))).toBe('ACTIVE');
    expect(creditRecordStatus(record, new Date('2028-12-31T16:00:00Z'))).toBe('EXPIRED');
  });

  it('never ends without an end day, and a revoked record is revoked whatever its dates', () => {
    expect(creditRecordStatus({ ...record, endsOn: null }, new Date('2060-01-01T00:00:00Z'))).toBe('ACTIVE');
    expect(creditRecordStatus({ ...record, revokedAt: new Date('2026-06-01T00:00:00Z') }, new Date('2027-01-01'))).toBe(
      'REVOKED',
    );
  });
});
