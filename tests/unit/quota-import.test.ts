import { describe, expect, it } from 'vitest';
import { checkQuotaRows } from '@/domain/imports/quota-rows';

const INSTITUTIONS = [
  { id: 'a', creditCode: '12110000400000000A', name: '北京工业大学' },
  { id: 'b', creditCode: '12110000400000001B', name: '首都师范大学' },
];

describe('quota rows', () => {
  it('takes rows by credit code or by name', () => {
    const r = checkQuotaRows(
      [
        { row: 2, creditCode: '12110000400000000a', name: '', quota: 5 },
        { row: 3, creditCode: '', name: '首都师范大学', quota: '3' },
      ],
      INSTITUTIONS,
    );
    expect(r.errors).toEqual([]);
    expect(r.quotas).toEqual([
      { institutionId: 'a', maxRecommended: 5, row: 2 },
      { institutionId: 'b', maxRecommended: 3, row: 3 },
    ]);
  });
  it('names the row and column of every problem, and keeps going', () => {
    const r = checkQuotaRows(
      [
        { row: 2, creditCode: '', name: '', quota: 1 },
        { row: 3, creditCode: '99999999999999999X', name: '', quota: 1 },
        { row: 4, creditCode: '12110000400000000A', name: '首都师范大学', quota: 1 },
        { row: 5, creditCode: '', name: '北京工业大学', quota: -1 },
        { row: 6, creditCode: '', name: '北京工业大学', quota: 'five' },
        { row: 7, creditCode: '', name: '北京工业大学', quota: 2.5 },
        { row: 8, creditCode: '', name: '北京工业大学', quota: 5000 },
        { row: 9, creditCode: '', name: '北京工业大学', quota: 1 },
        { row: 10, creditCode: '12110000400000000A', name: '', quota: 1 },
      ],
      INSTITUTIONS,
    );
    expect(r.errors).toEqual([
      { row: 2, column: 'creditCode', code: 'institutionRequired' },
      { row: 3, column: 'creditCode', code: 'institutionUnknown' },
      { row: 4, column: 'name', code: 'nameMismatch' },
      { row: 5, column: 'quota', code: 'quotaInvalid' },
      { row: 6, column: 'quota', code: 'quotaInvalid' },
      { row: 7, column: 'quota', code: 'quotaInvalid' },
      { row: 8, column: 'quota', code: 'quotaTooLarge' },
      { row: 10, column: 'creditCode', code: 'duplicateRow' },
    ]);
    expect(r.quotas).toEqual([{ institutionId: 'a', maxRecommended: 1, row: 9 }]);
  });
});
