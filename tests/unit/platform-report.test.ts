import { describe, expect, it } from 'vitest';
import {
  canEditPlatformReport,
  canTransitionPlatformReport,
  checkReportForSubmit,
  checkReportYear,
  PLATFORM_REPORT_STATUSES,
  readPlatformReport,
} from '@/domain/platform/report';

describe('the annual report state machine', () => {
  it('submits drafts and returned reports; staff accept or return what was submitted', () => {
    const allowed = (t: 'submit' | 'accept' | 'return') =>
      PLATFORM_REPORT_STATUSES.filter((s) => canTransitionPlatformReport(s, t));
    expect(allowed('submit')).toEqual(['DRAFT', 'RETURNED']);
    expect(allowed('accept')).toEqual(['SUBMITTED']);
    expect(allowed('return')).toEqual(['SUBMITTED']);
  });
  it('is edited only as a draft or once returned', () => {
    expect(PLATFORM_REPORT_STATUSES.filter(canEditPlatformReport)).toEqual(['DRAFT', 'RETURNED']);
  });
});

describe('report content', () => {
  it('reads partial or broken JSON as empty sections', () => {
    expect(readPlatformReport({ summary: '概述' })).toEqual({
      summary: '概述',
      outputs: '',
      talent: '',
      openness: '',
      fundingNote: '',
    });
    expect(readPlatformReport('nonsense').summary).toBe('');
  });
  it('needs every section but the funding note before submission', () => {
    const full = { summary: 's', outputs: 'o', talent: 't', openness: 'p', fundingNote: '' };
    expect(checkReportForSubmit(full)).toEqual([]);
    expect(checkReportForSubmit({ ...full, outputs: '  ', talent: '' })).toEqual([
      { field: 'content.outputs', code: 'required' },
      { field: 'content.talent', code: 'required' },
    ]);
  });
  it('covers a year from establishment to the current one', () => {
    expect(checkReportYear(2027, '2027-03-01', '2027-12-31')).toBeNull();
    expect(checkReportYear(2026, '2027-03-01', '2027-12-31')).toBe('reportYearBeforeEstablished');
    expect(checkReportYear(2028, '2027-03-01', '2027-12-31')).toBe('reportYearInFuture');
  });
});
