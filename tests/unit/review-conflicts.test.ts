import { describe, expect, it } from 'vitest';
import {
  CONFLICT_REASONS,
  DEFAULT_CO_AUTHORSHIP_YEARS,
  DEFAULT_FORMER_INSTITUTION_YEARS,
  canDismissConflict,
  checkAvoidanceRequests,
  detectConflicts,
  normaliseInstitutionName,
  sameInstitution,
  type ConflictApplication,
  type ConflictExpert,
  type ConflictFinding,
  type ConflictOptions,
  type InstitutionRef,
} from '@/domain/review/conflicts';

const PKU: InstitutionRef = { id: 'inst-pku', name: '北京大学', aliases: ['北大', 'Peking University'] };
const THU: InstitutionRef = { id: 'inst-thu', name: '清华大学', aliases: ['清华'] };
const BUAA: InstitutionRef = {
  id: 'inst-buaa',
  name: '北京航空航天大学',
  aliases: ['北航', '北京航空学院'], // 曾用名
};
const BNU: InstitutionRef = { id: 'inst-bnu', name: '北京师范大学', aliases: ['北师大'] };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`); // a @db.Date value
// 2027-03-01 10:00 in Beijing.
const REF = new Date('2027-03-01T02:00:00Z');
const opts = (extra: Partial<ConflictOptions> = {}): ConflictOptions => ({ referenceDate: REF, ...extra });

function application(extra: Partial<ConflictApplication> = {}): ConflictApplication {
  return {
    id: 'app-1',
    applicant: { userId: 'u-applicant', name: '李娜', nameVariants: ['Li Na'] },
    institution: BUAA,
    members: [
      { userId: 'u-applicant', name: '李娜', institution: BUAA },
      { userId: 'u-member', name: '王芳', institution: BNU },
    ],
    works: [],
    avoidanceRequests: [],
    ...extra,
  };
}

function expert(extra: Partial<ConflictExpert> = {}): ConflictExpert {
  return {
    userId: 'u-expert',
    names: ['张伟', 'Zhang Wei'],
    institution: THU,
    affiliations: [{ institution: THU, fromDate: day('2015-09-01'), toDate: null }],
    declarations: [],
    ...extra,
  };
}

const reasons = (f: ConflictFinding[]) => f.map((c) => c.reason);
function finding<R extends ConflictFinding['reason']>(f: ConflictFinding[], reason: R) {
  return f.find((c): c is Extract<ConflictFinding, { reason: R }> => c.reason === reason);
}

describe('no conflict', () => {
  it('an unrelated expert has none', () => {
    expect(detectConflicts(application(), expert(), opts())).toEqual([]);
  });
  it('defaults are three years each', () => {
    expect(DEFAULT_FORMER_INSTITUTION_YEARS).toBe(3);
    expect(DEFAULT_CO_AUTHORSHIP_YEARS).toBe(3);
    expect(CONFLICT_REASONS).toEqual([
      'SAME_INSTITUTION',
      'FORMER_INSTITUTION',
      'TEAM_MEMBER',
      'CO_AUTHOR',
      'APPLICANT_AVOIDANCE',
      'EXPERT_DECLARED',
      'STAFF_MARKED',
    ]);
  });
});

describe('institutions', () => {
  it('compares ids when both sides have one, whatever the names say', () => {
    expect(sameInstitution(PKU, { id: 'inst-pku', name: 'PKU' })).toEqual({ via: 'ID', alias: null });
    expect(sameInstitution(PKU, { id: 'inst-other', name: '北京大学' })).toBeNull();
  });
  it('compares names and listed aliases otherwise', () => {
    expect(sameInstitution(PKU, { id: null, name: '北京大学' })).toEqual({ via: 'NAME', alias: null });
    expect(sameInstitution({ id: null, name: '北大' }, PKU)).toEqual({ via: 'ALIAS', alias: '北大' });
    expect(sameInstitution(PKU, { id: null, name: 'peking  university' })).toEqual({
      via: 'ALIAS',
      alias: 'Peking University',
    });
  });
  it('treats full-width, spacing and case as writing differences only', () => {
    expect(normaliseInstitutionName('北京 大学')).toBe(normaliseInstitutionName('北京大学'));
    expect(normaliseInstitutionName('ＰＫＵ（医学部）')).toBe(normaliseInstitutionName('pku(医学部)'));
    expect(sameInstitution({ id: null, name: '北京 大学' }, { id: null, name: '北京大学' })).not.toBeNull();
  });
  it('never equates names that are not listed aliases', () => {
    expect(sameInstitution({ id: null, name: '北京大学' }, { id: null, name: '北大' })).toBeNull();
    expect(sameInstitution({ id: null, name: '北京航空航天' }, BUAA)).toBeNull(); // no 大学 suffix magic
    expect(sameInstitution({ id: null, name: '北京大学医学部' }, PKU)).toBeNull();
    expect(sameInstitution({ id: null, name: '' }, { id: null, name: '' })).toBeNull();
  });
});

describe('SAME_INSTITUTION', () => {
  it("the expert's current institution is the applicant's host institution", () => {
    const f = detectConflicts(application(), expert({ institution: BUAA, affiliations: [] }), opts());
    expect(reasons(f)).toEqual(['SAME_INSTITUTION']);
    expect(finding(f, 'SAME_INSTITUTION')!.detail.matches).toEqual([
      {
        party: 'APPLICANT',
        personName: '李娜',
        partyInstitution: '北京航空航天大学',
        expertInstitution: '北京航空航天大学',
        via: 'ID',
        alias: null,
        source: 'PROFILE',
        fromDate: null,
        upcoming: false,
      },
    ]);
  });
  it("… or a team member's institution, matched by a former name (alias) given as free text", () => {
    const app = application({
      institution: PKU,
      members: [
        { userId: 'u-applicant', name: '李娜', institution: PKU },
        { userId: 'u-member', name: '赵六', institution: BUAA },
      ],
    });
    const e = expert({ institution: { id: null, name: '北京航空学院' }, affiliations: [] });
    const m = finding(detectConflicts(app, e, opts()), 'SAME_INSTITUTION')!.detail.matches;
    expect(m).toEqual([
      expect.objectContaining({ party: 'MEMBER', personName: '赵六', via: 'ALIAS', alias: '北京航空学院' }),
    ]);
  });
  it('counts a current affiliation from the history and an agreed future one', () => {
    const current = expert({
      institution: null,
      affiliations: [{ institution: BNU, fromDate: day('2020-01-01'), toDate: day('2027-03-01') }],
    });
    expect(finding(detectConflicts(application(), current, opts()), 'SAME_INSTITUTION')!.detail.matches).toEqual([
      expect.objectContaining({ party: 'MEMBER', personName: '王芳', source: 'HISTORY', upcoming: false }),
    ]);
    const upcoming = expert({
      affiliations: [{ institution: BUAA, fromDate: day('2027-09-01'), toDate: null }],
    });
    expect(finding(detectConflicts(application(), upcoming, opts()), 'SAME_INSTITUTION')!.detail.matches).toEqual([
      expect.objectContaining({ party: 'APPLICANT', fromDate: '2027-09-01', upcoming: true }),
    ]);
  });
  it('a member without an institution adds nothing', () => {
    const app = application({ members: [{ userId: null, name: '赵六', institution: null }] });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
  });
});

describe('FORMER_INSTITUTION within N years, the last day inclusive', () => {
  const left = (toDate: string) =>
    expert({
      affiliations: [
        { institution: BUAA, fromDate: day('2010-09-01'), toDate: day(toDate) },
        { institution: THU, fromDate: day(toDate), toDate: null },
      ],
    });

  it('left exactly N years before the reference day: conflict', () => {
    const f = detectConflicts(application(), left('2024-03-01'), opts());
    expect(reasons(f)).toEqual(['FORMER_INSTITUTION']);
    expect(finding(f, 'FORMER_INSTITUTION')!.detail).toEqual({
      windowYears: 3,
      windowStart: '2024-03-01',
      matches: [
        {
          party: 'APPLICANT',
          personName: '李娜',
          partyInstitution: '北京航空航天大学',
          expertInstitution: '北京航空航天大学',
          via: 'ID',
          alias: null,
          fromDate: '2010-09-01',
          toDate: '2024-03-01',
        },
      ],
    });
  });
  it('left the day before: no conflict', () => {
    expect(detectConflicts(application(), left('2024-02-29'), opts())).toEqual([]);
  });
  it('the reference day is the Beijing calendar day of the instant', () => {
    // 2027-02-28 20:00 UTC is already 1 March in Beijing, so 2024-03-01 is still inside the window …
    expect(
      reasons(
        detectConflicts(application(), left('2024-03-01'), opts({ referenceDate: new Date('2027-02-28T20:00:00Z') })),
      ),
    ).toEqual(['FORMER_INSTITUTION']);
    // … and at 2027-03-01 16:00 UTC (2 March in Beijing) it is not.
    expect(
      detectConflicts(application(), left('2024-03-01'), opts({ referenceDate: new Date('2027-03-01T16:00:00Z') })),
    ).toEqual([]);
  });
  it('N is a parameter', () => {
    expect(reasons(detectConflicts(application(), left('2022-06-30'), opts({ formerInstitutionYears: 5 })))).toEqual([
      'FORMER_INSTITUTION',
    ]);
    expect(detectConflicts(application(), left('2026-06-30'), opts({ formerInstitutionYears: 0 }))).toEqual([]);
  });
  it('29 February minus N years is 28 February (the longer window)', () => {
    const ref = new Date('2028-02-29T04:00:00Z');
    const f = detectConflicts(application(), left('2025-02-28'), opts({ referenceDate: ref }));
    expect(finding(f, 'FORMER_INSTITUTION')!.detail.windowStart).toBe('2025-02-28');
    expect(detectConflicts(application(), left('2025-02-27'), opts({ referenceDate: ref }))).toEqual([]);
  });
  it('a party the expert is at now gets no second, weaker reason', () => {
    const back = expert({
      institution: BUAA,
      affiliations: [
        { institution: BUAA, fromDate: day('2010-09-01'), toDate: day('2025-06-30') },
        { institution: BUAA, fromDate: day('2026-09-01'), toDate: null },
      ],
    });
    expect(reasons(detectConflicts(application(), back, opts()))).toEqual(['SAME_INSTITUTION']);
  });
});

describe('TEAM_MEMBER', () => {
  it('the applicant is the expert, by user id', () => {
    const f = detectConflicts(application(), expert({ userId: 'u-applicant' }), opts());
    expect(finding(f, 'TEAM_MEMBER')!.detail.matches).toEqual([
      { party: 'APPLICANT', personName: '李娜', via: 'USER_ID', name: null },
    ]);
  });
  it('a registered member is the expert, by user id', () => {
    const f = detectConflicts(application(), expert({ userId: 'u-member' }), opts());
    expect(finding(f, 'TEAM_MEMBER')!.detail.matches).toEqual([
      { party: 'MEMBER', personName: '王芳', via: 'USER_ID', name: null },
    ]);
  });
  it('a registered member with the same name is someone else', () => {
    const app = application({ members: [{ userId: 'u-other', name: '张伟', institution: null }] });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
  });
  it('an unregistered member is matched by name, with the explanation', () => {
    const app = application({ members: [{ userId: null, name: 'Wei Zhang', institution: null }] });
    const m = finding(detectConflicts(app, expert(), opts()), 'TEAM_MEMBER')!.detail.matches;
    expect(m).toEqual([
      {
        party: 'MEMBER',
        personName: 'Wei Zhang',
        via: 'NAME',
        name: { strength: 'exact', basis: 'SAME_SPELLING', a: 'Zhang Wei', b: 'Wei Zhang', variant: 'Zhang Wei' },
      },
    ]);
  });
  it('different characters are a different person', () => {
    const app = application({ members: [{ userId: null, name: '章伟', institution: null }] });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
  });
  it('initials count unless switched off', () => {
    const app = application({ members: [{ userId: null, name: 'Zhang W.', institution: null }] });
    expect(reasons(detectConflicts(app, expert(), opts()))).toEqual(['TEAM_MEMBER']);
    expect(detectConflicts(app, expert(), opts({ initialMatches: false }))).toEqual([]);
  });
});

describe('CO_AUTHOR within M years', () => {
  const work = (year: number, authors: string | string[], id = `w-${year}`) => ({
    id,
    title: `Paper ${year}`,
    year,
    authors,
  });

  it('finds the expert among the authors of a recent work', () => {
    const app = application({ works: [work(2025, '李娜，张伟，王芳')] });
    const f = detectConflicts(app, expert(), opts());
    expect(reasons(f)).toEqual(['CO_AUTHOR']);
    expect(finding(f, 'CO_AUTHOR')!.detail).toEqual({
      windowYears: 3,
      sinceYear: 2024,
      matches: [
        {
          workId: 'w-2025',
          title: 'Paper 2025',
          year: 2025,
          author: '张伟',
          name: { strength: 'exact', basis: 'SAME_CHARACTERS', a: '张伟', b: '张伟', variant: '张伟' },
        },
      ],
    });
  });
  it('counts the reference year minus M (inclusive), not the year before; later years count', () => {
    const f = (year: number) =>
      detectConflicts(application({ works: [work(year, 'Li N, Zhang W')] }), expert(), opts());
    expect(reasons(f(2024))).toEqual(['CO_AUTHOR']);
    expect(f(2023)).toEqual([]);
    expect(reasons(f(2028))).toEqual(['CO_AUTHOR']); // in press
  });
  it('M is a parameter', () => {
    const app = application({ works: [work(2021, ['Li Na', 'Wei Zhang'])] });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
    expect(reasons(detectConflicts(app, expert(), opts({ coAuthorshipYears: 6 })))).toEqual(['CO_AUTHOR']);
  });
  it('reports a citation initial as an initial match', () => {
    const app = application({ works: [work(2026, 'Li, N.; Zhang, W.; Wang, F.')] });
    const m = finding(detectConflicts(app, expert(), opts()), 'CO_AUTHOR')!.detail.matches;
    expect(m).toEqual([
      expect.objectContaining({ author: 'Zhang, W.', name: expect.objectContaining({ strength: 'initial' }) }),
    ]);
    expect(detectConflicts(app, expert(), opts({ initialMatches: false }))).toEqual([]);
  });
  it("lets the team claim their own names first: an expert sharing the applicant's name is not a co-author of the applicant's own paper", () => {
    const app = application({
      applicant: { userId: 'u-applicant', name: '张伟' },
      members: [],
      works: [work(2026, '张伟，李娜'), work(2025, 'Zhang W, Li N')],
    });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
    // A second 张伟 on the author line is the expert (or another 张伟): a possible conflict.
    const twice = application({
      applicant: { userId: 'u-applicant', name: '张伟' },
      members: [],
      works: [work(2026, '张伟，李娜，张伟')],
    });
    expect(finding(detectConflicts(twice, expert(), opts()), 'CO_AUTHOR')!.detail.matches).toHaveLength(1);
  });
  it('does not count a different name with the same pinyin', () => {
    const app = application({ works: [work(2026, '李娜，章伟')] });
    expect(detectConflicts(app, expert(), opts())).toEqual([]);
  });
  it('matches a romanised author line against the expert in characters', () => {
    const app = application({ works: [work(2026, 'Na Li, Wei Zhang and Fang Wang')] });
    const only = expert({ names: ['张伟'] });
    const m = finding(detectConflicts(app, only, opts()), 'CO_AUTHOR')!.detail.matches;
    expect(m).toEqual([
      expect.objectContaining({ author: 'Wei Zhang', name: expect.objectContaining({ strength: 'romanised' }) }),
    ]);
  });
});

describe('APPLICANT_AVOIDANCE', () => {
  const request = (
    name: string,
    institutionName = '',
    reason = '学术观点分歧',
    expertUserId: string | null = null,
  ) => ({
    name,
    institutionName,
    reason,
    expertUserId,
  });

  it('a request matched to the expert account decides by id', () => {
    const app = application({ avoidanceRequests: [request('某某', '', '竞争关系', 'u-expert')] });
    expect(finding(detectConflicts(app, expert(), opts()), 'APPLICANT_AVOIDANCE')!.detail.matches).toEqual([
      {
        ordinal: 1,
        requestedName: '某某',
        requestedInstitution: '',
        reason: '竞争关系',
        via: 'USER_ID',
        name: null,
        institutionMatched: null,
      },
    ]);
    const other = application({ avoidanceRequests: [request('张伟', '', '竞争关系', 'u-someone-else')] });
    expect(detectConflicts(other, expert(), opts())).toEqual([]);
  });
  it('by name, saying whether the institution agrees', () => {
    const app = application({
      avoidanceRequests: [request('王五'), request('Zhang Wei', '清华'), request('张伟', '北京大学')],
    });
    const m = finding(detectConflicts(app, expert(), opts()), 'APPLICANT_AVOIDANCE')!.detail.matches;
    expect(m.map((x) => [x.ordinal, x.via, x.name?.strength, x.institutionMatched])).toEqual([
      [2, 'NAME', 'exact', true],
      [3, 'NAME', 'exact', false],
    ]);
  });
  it('by institution only: every expert there now or within the window', () => {
    const app = application({ avoidanceRequests: [request('', '清华大学')] });
    expect(finding(detectConflicts(app, expert(), opts()), 'APPLICANT_AVOIDANCE')!.detail.matches).toEqual([
      expect.objectContaining({ via: 'INSTITUTION', institutionMatched: true }),
    ]);
    const former = expert({
      institution: PKU,
      affiliations: [{ institution: THU, fromDate: day('2015-01-01'), toDate: day('2025-12-31') }],
    });
    expect(reasons(detectConflicts(app, former, opts()))).toEqual(['APPLICANT_AVOIDANCE']);
    const longAgo = expert({
      institution: PKU,
      affiliations: [{ institution: THU, fromDate: day('2005-01-01'), toDate: day('2015-12-31') }],
    });
    expect(detectConflicts(app, longAgo, opts())).toEqual([]);
  });
  it('initials alone are not enough unless the institution agrees', () => {
    expect(detectConflicts(application({ avoidanceRequests: [request('Zhang W.')] }), expert(), opts())).toEqual([]);
    expect(
      reasons(detectConflicts(application({ avoidanceRequests: [request('Zhang W.', '清华大学')] }), expert(), opts())),
    ).toEqual(['APPLICANT_AVOIDANCE']);
  });
  it('a different name in characters is not the expert', () => {
    expect(
      detectConflicts(application({ avoidanceRequests: [request('章伟', '清华大学')] }), expert(), opts()),
    ).toEqual([]);
  });
});

describe('EXPERT_DECLARED and STAFF_MARKED', () => {
  it("takes the expert's declarations of a conflict for this application only", () => {
    const e = expert({
      declarations: [
        { applicationId: 'app-1', moment: 'ON_ACCEPT', hasConflict: false, statement: null },
        { applicationId: 'app-1', moment: 'ON_SUBMIT', hasConflict: true, statement: '申请人是我的博士生导师' },
        { applicationId: 'app-2', moment: 'ON_ACCEPT', hasConflict: true, statement: '另一项申请' },
      ],
    });
    expect(detectConflicts(application(), e, opts())).toEqual([
      {
        reason: 'EXPERT_DECLARED',
        detail: { declarations: [{ moment: 'ON_SUBMIT', statement: '申请人是我的博士生导师' }] },
      },
    ]);
  });
  it('passes staff marks through', () => {
    const f = detectConflicts(
      application(),
      expert(),
      opts({ staffMarks: [{ markedById: 'u-staff', reason: '夫妻关系' }] }),
    );
    expect(f).toEqual([{ reason: 'STAFF_MARKED', detail: { marks: [{ markedById: 'u-staff', reason: '夫妻关系' }] } }]);
  });
});

describe('all reasons at once', () => {
  it('reports one finding per reason, in the order of CONFLICT_REASONS', () => {
    const app = application({
      members: [
        { userId: 'u-applicant', name: '李娜', institution: BUAA },
        { userId: 'u-expert', name: '张伟', institution: THU },
      ],
      works: [{ id: 'w1', title: 'T', year: 2026, authors: '李娜，张伟，张伟' }],
      avoidanceRequests: [{ name: '张伟', institutionName: '清华大学', reason: '竞争关系' }],
    });
    const e = expert({
      affiliations: [
        { institution: THU, fromDate: day('2025-01-01'), toDate: null },
        { institution: BUAA, fromDate: day('2015-01-01'), toDate: day('2024-12-31') },
      ],
      declarations: [{ applicationId: 'app-1', moment: 'ON_ACCEPT', hasConflict: true, statement: '团队成员' }],
    });
    const f = detectConflicts(app, e, opts({ staffMarks: [{ markedById: 'u-staff', reason: '核实' }] }));
    expect(reasons(f)).toEqual([...CONFLICT_REASONS]);
  });
});

describe('dismissal', () => {
  const [coAuthor] = detectConflicts(
    application({ works: [{ id: 'w', title: 'T', year: 2026, authors: 'Zhang W' }] }),
    expert(),
    opts(),
  );
  const byName = detectConflicts(
    application({ avoidanceRequests: [{ name: '张伟', institutionName: '', reason: 'x' }] }),
    expert(),
    opts(),
  )[0]!;
  const byId = detectConflicts(
    application({ avoidanceRequests: [{ name: '张伟', institutionName: '', reason: 'x', expertUserId: 'u-expert' }] }),
    expert(),
    opts(),
  )[0]!;
  const [same] = detectConflicts(application(), expert({ institution: BUAA }), opts());

  it('staff may dismiss co-authorship and name-matched avoidance only', () => {
    expect(canDismissConflict(coAuthor!)).toBe(true);
    expect(canDismissConflict(byName)).toBe(true);
    expect(canDismissConflict(byId)).toBe(false);
    expect(canDismissConflict(same!)).toBe(false);
    expect(canDismissConflict({ reason: 'EXPERT_DECLARED', detail: { declarations: [] } })).toBe(false);
    expect(canDismissConflict({ reason: 'STAFF_MARKED', detail: { marks: [] } })).toBe(false);
    expect(canDismissConflict({ reason: 'TEAM_MEMBER', detail: { matches: [] } })).toBe(false);
  });
});

describe('checkAvoidanceRequests', () => {
  const r = (name: string, institutionName = '', reason = '竞争关系', expertUserId: string | null = null) => ({
    name,
    institutionName,
    reason,
    expertUserId,
  });

  it('accepts up to three complete, distinct requests', () => {
    expect(checkAvoidanceRequests([])).toEqual([]);
    expect(checkAvoidanceRequests([r('张伟', '清华大学'), r('李娜'), r('', '某研究所')])).toEqual([]);
  });
  it('refuses a fourth', () => {
    expect(checkAvoidanceRequests([r('甲某'), r('乙某'), r('丙某'), r('丁某')])).toEqual([
      { field: 'avoidances', code: 'tooManyAvoidances', params: { max: 3 } },
    ]);
  });
  it('requires a reason and someone to avoid', () => {
    expect(checkAvoidanceRequests([r('张伟', '', '  '), r('', '', '理由')])).toEqual([
      { field: 'avoidances.0.reason', code: 'required' },
      { field: 'avoidances.1.name', code: 'required' },
    ]);
    // A request matched to an expert account names someone even without text.
    expect(checkAvoidanceRequests([r('', '', '理由', 'u-expert')])).toEqual([]);
  });
  it('refuses duplicates, pointing at the earlier entry', () => {
    expect(checkAvoidanceRequests([r('张伟', '清华大学'), r('Zhang Wei', '清华大学')])).toEqual([
      { field: 'avoidances.1', code: 'duplicateAvoidance', params: { ordinal: 1 } },
    ]);
    expect(checkAvoidanceRequests([r('李娜'), r('张伟'), r('张伟', '清华大学')])).toEqual([
      { field: 'avoidances.2', code: 'duplicateAvoidance', params: { ordinal: 2 } },
    ]);
    expect(checkAvoidanceRequests([r('甲', '', 'x', 'u-1'), r('乙', '', 'y', 'u-1')])).toEqual([
      { field: 'avoidances.1', code: 'duplicateAvoidance', params: { ordinal: 1 } },
    ]);
    expect(checkAvoidanceRequests([r('', '清华大学'), r('', ' 清华大学 ')])).toEqual([
      { field: 'avoidances.1', code: 'duplicateAvoidance', params: { ordinal: 1 } },
    ]);
  });
  it('allows namesakes at different institutions, different characters and initials', () => {
    expect(checkAvoidanceRequests([r('张伟', '清华大学'), r('张伟', '北京大学')])).toEqual([]);
    expect(checkAvoidanceRequests([r('张伟'), r('章伟')])).toEqual([]);
    expect(checkAvoidanceRequests([r('Zhang Wei'), r('Zhang W.')])).toEqual([]);
  });
});
