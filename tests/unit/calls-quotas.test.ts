import { describe, expect, it } from 'vitest';
import {
  checkCallSchedule,
  checkCallTransition,
  checkDeadlineExtension,
  findOverlappingCall,
  isAcceptingSubmissions,
  publicCallPhase,
} from '@/domain/program/call';
import { checkQuotas } from '@/domain/program/quota';
import { defaultProgramRules } from '@/domain/program/rules';

const t = (iso: string) => new Date(iso);
const call = { status: 'OPEN' as const, opensAt: t('2027-03-01T01:00:00Z'), closesAt: t('2027-03-31T09:00:00Z') };

describe('call windows (Beijing time, to the second)', () => {
  it('accept submissions from opening up to, not including, the closing instant', () => {
    expect(isAcceptingSubmissions(call, t('2027-03-01T00:59:59.999Z'))).toBe(false);
    expect(isAcceptingSubmissions(call, t('2027-03-01T01:00:00Z'))).toBe(true);
    expect(isAcceptingSubmissions(call, t('2027-03-31T08:59:59.999Z'))).toBe(true);
    expect(isAcceptingSubmissions(call, t('2027-03-31T09:00:00Z'))).toBe(false);
    expect(isAcceptingSubmissions({ ...call, status: 'DRAFT' }, t('2027-03-10T00:00:00Z'))).toBe(false);
  });

  it('show visitors the phase the clock says, whatever the flag', () => {
    expect(publicCallPhase(call, t('2027-02-01T00:00:00Z'))).toBe('UPCOMING');
    expect(publicCallPhase(call, t('2027-03-10T00:00:00Z'))).toBe('OPEN');
    expect(publicCallPhase(call, t('2027-04-01T00:00:00Z'))).toBe('CLOSED');
    expect(publicCallPhase({ ...call, status: 'DRAFT' }, t('2027-03-10T00:00:00Z'))).toBeNull();
  });

  it('refuse a close before the open, a past deadline at publication, a too-short window, a review deadline before the close', () => {
    const now = t('2027-02-01T00:00:00Z');
    expect(checkCallSchedule({ opensAt: call.closesAt, closesAt: call.opensAt }, now, { publishing: false })).toEqual([
      { field: 'closesAt', code: 'closeBeforeOpen' },
    ]);
    expect(checkCallSchedule(call, t('2027-04-01T00:00:00Z'), { publishing: true })).toEqual([
      { field: 'closesAt', code: 'closesInPast' },
    ]);
    expect(checkCallSchedule(call, t('2027-04-01T00:00:00Z'), { publishing: false })).toEqual([]);
    expect(
      checkCallSchedule({ opensAt: call.opensAt, closesAt: t('2027-03-01T12:00:00Z') }, now, { publishing: false }),
    ).toEqual([{ field: 'closesAt', code: 'windowTooShort' }]);
    expect(
      checkCallSchedule({ ...call, institutionReviewClosesAt: t('2027-03-30T00:00:00Z') }, now, { publishing: false }),
    ).toEqual([{ field: 'institutionReviewClosesAt', code: 'reviewDeadlineBeforeClose' }]);
  });

  it('find an overlapping open call of the same program', () => {
    const other = {
      id: 'b',
      status: 'OPEN' as const,
      opensAt: t('2027-03-30T00:00:00Z'),
      closesAt: t('2027-04-30T00:00:00Z'),
    };
    const later = { ...other, id: 'c', opensAt: t('2027-03-31T09:00:00Z') };
    expect(findOverlappingCall({ id: 'a', ...call }, [other])?.id).toBe('b');
    expect(findOverlappingCall({ id: 'a', ...call }, [later])).toBeUndefined(); // touching windows do not overlap
    expect(findOverlappingCall({ id: 'a', ...call }, [{ ...other, status: 'DRAFT' }])).toBeUndefined();
  });

  it('close only at the deadline, extend only later, move only forward', () => {
    expect(checkCallTransition(call, 'close', t('2027-03-31T08:59:59Z'))).toEqual({ code: 'callStillOpen' });
    expect(checkCallTransition(call, 'close', t('2027-03-31T09:00:00Z'))).toBeNull();
    expect(checkCallTransition(call, 'publish', t('2027-03-10T00:00:00Z'))).toEqual({ code: 'wrongState' });
    expect(
      checkCallTransition(
        { ...call, status: 'CLOSED', institutionReviewClosesAt: t('2027-04-07T09:00:00Z') },
        'start_review',
        t('2027-04-01T00:00:00Z'),
      ),
    ).toEqual({
      code: 'institutionReviewOpen',
    });
    expect(checkDeadlineExtension(call, t('2027-03-30T00:00:00Z'), t('2027-03-10T00:00:00Z'))).toEqual({
      code: 'extensionNotLater',
    });
    expect(checkDeadlineExtension(call, t('2027-04-15T00:00:00Z'), t('2027-03-10T00:00:00Z'))).toBeNull();
  });
});

describe('quotas (限额)', () => {
  const rules = defaultProgramRules('GENERAL'); // municipal universities only
  const row = (id: string, max: number, affiliation: 'MUNICIPAL' | 'CENTRAL_IN_BEIJING' = 'MUNICIPAL') => ({
    institutionId: id,
    kind: 'RESEARCH_UNIVERSITY' as const,
    affiliation,
    maxRecommended: max,
  });

  it('accept whole, non-negative places for eligible institutions that can fill the planned awards', () => {
    expect(checkQuotas([row('a', 10), row('b', 20)], rules, 30)).toEqual([]);
  });

  it('name the row that is wrong', () => {
    expect(checkQuotas([row('a', -1)], rules, null)).toEqual([{ index: 0, code: 'quotaNegative' }]);
    expect(checkQuotas([row('a', 1.5)], rules, null)).toEqual([{ index: 0, code: 'quotaNegative' }]);
    expect(checkQuotas([row('a', 5), row('a', 5)], rules, null)).toEqual([{ index: 1, code: 'quotaDuplicate' }]);
    expect(checkQuotas([row('a', 5, 'CENTRAL_IN_BEIJING')], rules, null)).toEqual([
      { index: 0, code: 'quotaIneligible' },
    ]);
    expect(checkQuotas([row('a', 5000)], rules, null)).toEqual([{ index: 0, code: 'quotaTooLarge' }]);
  });

  it('say when the quotas cannot add up to the planned awards', () => {
    expect(checkQuotas([row('a', 10), row('b', 5)], rules, 30)).toEqual([
      { index: null, code: 'quotaBelowAwards', total: 15, awards: 30 },
    ]);
  });
});
