import { describe, expect, it } from 'vitest';
import { ageOn, beijingDate } from '@/domain/people/age';
import { isValidOrcid, normalizeOrcid } from '@/domain/people/orcid';
import { missingProfileFields } from '@/domain/people/profile-completeness';

describe('age on a deadline, in Beijing time', () => {
  const birth = { year: 1991, month: 12, day: 1 };
  it('counts completed years on the Beijing calendar day of the instant', () => {
    // 2026-11-30 16:00 UTC is already 1 December 00:00 in Beijing: the 35th birthday.
    expect(beijingDate(new Date('2026-11-30T16:00:00Z'))).toEqual({ year: 2026, month: 12, day: 1 });
    expect(ageOn(birth, new Date('2026-11-30T15:59:59Z'))).toBe(34);
    expect(ageOn(birth, new Date('2026-11-30T16:00:00Z'))).toBe(35);
  });
  it('lets someone born on 29 February age on 1 March in common years', () => {
    const leap = { year: 1992, month: 2, day: 29 };
    expect(ageOn(leap, new Date('2027-02-28T12:00:00+08:00'))).toBe(34);
    expect(ageOn(leap, new Date('2027-03-01T00:00:00+08:00'))).toBe(35);
  });
});

describe('ORCID iD', () => {
  it('accepts valid iDs (including X) and URLs', () => {
    expect(isValidOrcid('0000-0002-1825-0097')).toBe(true);
    expect(isValidOrcid('0000-0001-5109-3700')).toBe(true);
    expect(isValidOrcid('0000-0002-1694-233X')).toBe(true);
    expect(normalizeOrcid('https://orcid.org/0000-0002-1694-233x')).toBe('0000-0002-1694-233X');
  });
  it('rejects a wrong check character or shape', () => {
    expect(isValidOrcid('0000-0002-1825-0098')).toBe(false);
    expect(isValidOrcid('0000000218250097')).toBe(false);
  });
});

describe('profile completeness', () => {
  it('lists empty fields, counting blank strings and empty lists as missing', () => {
    expect(
      missingProfileFields({
        department: ' ',
        gender: 'MALE',
        birthDate: new Date(),
        title: null,
        degree: 'MASTER',
        disciplineCodes: [],
        keywords: ['x'],
      }),
    ).toEqual(['department', 'title', 'disciplineCodes']);
  });
});
