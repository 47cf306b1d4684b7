import { describe, expect, it } from 'vitest';
import { exclusionReasons, panelExclusions, type PanelItemFacts } from '@/domain/panel/exclusion';

const BJUT = { id: 'inst-bjut', name: '北京工业大学', aliases: ['北工大'] };
const item: PanelItemFacts = {
  applicantId: 'pi',
  teamUserIds: ['pi', 'teammate'],
  institution: BJUT,
  conflictedUserIds: ['flagged'],
};

describe('panel exclusions (回避)', () => {
  it('excludes a member with a standing mail-review conflict, the applicant and the team', () => {
    const members = ['flagged', 'pi', 'teammate', 'free'].map((userId) => ({ userId, institutions: [] }));
    expect(panelExclusions(item, members)).toEqual(['flagged', 'pi', 'teammate']);
    expect(exclusionReasons(item, members).get('flagged')).toEqual(['CONFLICT']);
    expect(exclusionReasons(item, members).has('free')).toBe(false);
  });

  it("excludes a member at the application's institution, by id or by name or alias when no id is linked", () => {
    const members = [
      { userId: 'byId', institutions: [{ id: 'inst-bjut', name: '别名不同' }] },
      { userId: 'byName', institutions: [{ id: null, name: '北京工业大学' }] },
      { userId: 'byAlias', institutions: [{ id: null, name: '北工大' }] },
      { userId: 'otherId', institutions: [{ id: 'inst-pku', name: '北京工业大学' }] },
      { userId: 'elsewhere', institutions: [{ id: null, name: '浙江大学' }] },
    ];
    expect(panelExclusions(item, members)).toEqual(['byAlias', 'byId', 'byName']);
  });

  it('lists every reason that applies and is stable in order', () => {
    const members = [{ userId: 'pi', institutions: [BJUT] }];
    expect(exclusionReasons({ ...item, conflictedUserIds: ['pi'] }, members).get('pi')).toEqual([
      'CONFLICT',
      'TEAM',
      'INSTITUTION',
    ]);
    const shuffled = [
      { userId: 'teammate', institutions: [] },
      { userId: 'flagged', institutions: [] },
    ];
    expect(panelExclusions(item, shuffled)).toEqual(['flagged', 'teammate']);
  });
});
