import { describe, expect, it } from 'vitest';
import {
  addMonths,
  canCompleteLongCycle,
  evaluationCategoryOf,
  LONG_CYCLE_YEARS,
  scheduleLongCycle,
  type ProgramKind,
} from '@/domain/project/evaluation';

describe('evaluation category', () => {
  it('follows the program kind', () => {
    const cases: [ProgramKind, string][] = [
      ['GENERAL', 'BASIC'],
      ['EXCELLENT_YOUNG', 'BASIC'],
      ['LAB_BASIC', 'BASIC'],
      ['KEY_CHALLENGE', 'APPLIED'],
      ['LAB_APPLIED', 'APPLIED'],
      ['LAB_HUMANITIES', 'HUMANITIES'],
      ['HUMANITIES_SOCIAL_CENTER', 'HUMANITIES'],
      ['PHILOSOPHY_SOCIAL_INNOVATION_CENTER', 'HUMANITIES'],
      ['ADVANCED_INNOVATION_CENTER', 'PLATFORM'],
      ['RESEARCH_CENTER', 'PLATFORM'],
      ['THREE_CITIES_PLATFORM', 'PLATFORM'],
    ];
    for (const [kind, category] of cases) expect(evaluationCategoryOf(kind), kind).toBe(category);
  });
});

describe('long-cycle review', () => {
  it('falls the category’s years after closing; basic research is reviewed internationally by default', () => {
    expect(LONG_CYCLE_YEARS.BASIC).toBe(3);
    expect(scheduleLongCycle('2030-06-30', 'BASIC')).toEqual({ scheduledFor: '2033-06-30', international: true });
    expect(scheduleLongCycle('2030-06-30', 'APPLIED')).toEqual({ scheduledFor: '2033-06-30', international: false });
    expect(scheduleLongCycle('2030-06-30', 'PLATFORM').scheduledFor).toBe('2035-06-30');
  });
  it('can be set otherwise by staff, within 1–10 years', () => {
    expect(scheduleLongCycle('2030-01-15', 'APPLIED', { years: 5, international: true })).toEqual({
      scheduledFor: '2035-01-15',
      international: true,
    });
    expect(scheduleLongCycle('2030-01-15', 'BASIC', { international: false }).international).toBe(false);
    expect(() => scheduleLongCycle('2030-01-15', 'BASIC', { years: 0 })).toThrow(RangeError);
    expect(() => scheduleLongCycle('2030-01-15', 'BASIC', { years: 11 })).toThrow(RangeError);
  });
  it('moves 29 February to the 28th in a common year', () => {
    expect(scheduleLongCycle('2028-02-29', 'BASIC').scheduledFor).toBe('2031-02-28');
    expect(scheduleLongCycle('2028-02-29', 'BASIC', { years: 4 }).scheduledFor).toBe('2032-02-29');
  });
  it('is completed once', () => {
    expect(canCompleteLongCycle('SCHEDULED')).toBe(true);
    expect(canCompleteLongCycle('DONE')).toBe(false);
    expect(canCompleteLongCycle('CANCELLED')).toBe(false);
  });
});

describe('adding months to a date', () => {
  it('keeps the day, or the month end for a month end, across years', () => {
    expect(addMonths('2028-12-31', 6)).toBe('2029-06-30');
    expect(addMonths('2028-08-31', 6)).toBe('2029-02-28');
    expect(addMonths('2027-11-15', 2)).toBe('2028-01-15');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2030-06-30', 6)).toBe('2030-12-31');
    expect(addMonths('2030-06-29', 6)).toBe('2030-12-29');
    expect(addMonths('2029-02-28', 12)).toBe('2030-02-28');
  });
});
