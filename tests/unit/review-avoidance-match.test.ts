import { describe, expect, it } from 'vitest';
import { matchAvoidanceToPool, type PoolExpert } from '@/domain/review/avoidance-match';
import { MAX_AVOIDANCE_REQUESTS } from '@/domain/review/conflicts';
import { MAX_AVOIDANCES, ZSaveAvoidances } from '@/lib/validation/applications';

const liu: PoolExpert = {
  userId: 'liu',
  names: ['刘洋', 'Liu Yang', 'Yang Liu'],
  institutions: [{ id: 'buaa', name: '北京航空航天大学', aliases: ['北航'] }],
};
const liuTsinghua: PoolExpert = {
  userId: 'liu-thu',
  names: ['刘洋'],
  institutions: [{ id: 'thu', name: '清华大学' }],
};
const anna: PoolExpert = {
  userId: 'anna',
  names: ['Anna Schmidt'],
  institutions: [
    { id: null, name: 'Technische Universität München' },
    { id: 'bjut', name: '北京工业大学' },
  ],
};
const zhang: PoolExpert = { userId: 'zhang', names: ['张伟'], institutions: [] };
const pool = [liu, anna, zhang];

describe('matchAvoidanceToPool', () => {
  it('matches the one expert with exactly that name, in characters or a listed spelling', () => {
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '' }, pool)).toBe('liu');
    expect(matchAvoidanceToPool({ name: ' Liu Yang ', institutionName: '' }, pool)).toBe('liu');
    expect(matchAvoidanceToPool({ name: 'anna schmidt', institutionName: '' }, pool)).toBe('anna');
  });

  it('does not match on a romanisation alone, on initials, or on no name', () => {
    // 张伟 lists no Latin spelling: "Zhang Wei" could as well be 章伟.
    expect(matchAvoidanceToPool({ name: 'Zhang Wei', institutionName: '' }, pool)).toBeNull();
    expect(matchAvoidanceToPool({ name: 'Schmidt A.', institutionName: '' }, pool)).toBeNull();
    expect(matchAvoidanceToPool({ name: '', institutionName: '北京航空航天大学' }, pool)).toBeNull();
    expect(matchAvoidanceToPool({ name: '刘阳', institutionName: '' }, pool)).toBeNull();
  });

  it('requires a named institution to be one of the expert’s, current or former, by name or alias', () => {
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '北航' }, pool)).toBe('liu');
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '清华大学' }, pool)).toBeNull();
    expect(matchAvoidanceToPool({ name: 'Anna Schmidt', institutionName: '北京工业大学' }, pool)).toBe('anna');
    expect(matchAvoidanceToPool({ name: '张伟', institutionName: '北京大学' }, pool)).toBeNull();
  });

  it('leaves namesakes unmatched unless the institution tells them apart', () => {
    const both = [...pool, liuTsinghua];
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '' }, both)).toBeNull();
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '清华大学' }, both)).toBe('liu-thu');
    expect(matchAvoidanceToPool({ name: '刘洋', institutionName: '北京航空航天大学' }, both)).toBe('liu');
  });
});

describe('ZSaveAvoidances', () => {
  const id = '0190a0c0-0000-7000-8000-000000000001';
  const row = { name: '刘洋', institutionName: '北京航空航天大学', reason: '直接竞争关系' };
  const first = (input: unknown) => {
    const r = ZSaveAvoidances.safeParse(input);
    return r.success ? null : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
  };

  it('allows as many entries as the conflict rule does, and says so on the list', () => {
    expect(MAX_AVOIDANCES).toBe(MAX_AVOIDANCE_REQUESTS);
    expect(first({ applicationId: id, avoidances: Array(MAX_AVOIDANCES).fill(row) })).toBeNull();
    expect(first({ applicationId: id, avoidances: Array(MAX_AVOIDANCES + 1).fill(row) })).toEqual({
      path: 'avoidances',
      message: `tooManyAvoidances?max=${MAX_AVOIDANCES}`,
    });
  });

  it('names the field: a reason is required, texts are bounded and trimmed', () => {
    expect(first({ applicationId: id, avoidances: [{ ...row, reason: '  ' }] })).toEqual({
      path: 'avoidances.0.reason',
      message: 'avoidanceReasonRequired',
    });
    expect(first({ applicationId: id, avoidances: [{ ...row, reason: undefined }] })).toEqual({
      path: 'avoidances.0.reason',
      message: 'avoidanceReasonRequired',
    });
    expect(first({ applicationId: id, avoidances: [{ ...row, name: 'x'.repeat(51) }] })).toEqual({
      path: 'avoidances.0.name',
      message: 'tooLong?max=50',
    });
    expect(ZSaveAvoidances.parse({ applicationId: id, avoidances: [{ reason: ' 竞争 ' }] }).avoidances).toEqual([
      { name: '', institutionName: '', reason: '竞争' },
    ]);
  });
});
