import { describe, expect, it } from 'vitest';
import type { ApplicationSnapshot } from '@/server/applications/applicant';
import { REVIEW_ASSIGNMENT_STATUSES, type ConflictFact } from '@/domain/review/assignment-status';
import {
  BLIND_REDACTED_PATHS,
  BLIND_SCRUBBED_TEXT_PATHS,
  redactForBlindReview,
  type BlindSnapshot,
  type BlindableSnapshot,
} from '@/domain/review/blind';
import {
  EXPERT_VISIBLE_STATUSES,
  canExpertSeeApplication,
  canExpertSeeOtherReviews,
  canSeeOtherReviews,
} from '@/domain/review/visibility';

// Compile-time: the server's snapshot type must stay acceptable to the redactor (a field renamed there fails here).
const acceptsServerSnapshot: (s: ApplicationSnapshot) => BlindSnapshot = (s) => redactForBlindReview(s);
void acceptsServerSnapshot;

const pair = { applicationId: 'app-1', expertUserId: 'expert-1' };
const conflict = (over: Partial<ConflictFact> = {}): ConflictFact => ({ ...pair, dismissedById: null, ...over });

describe('who sees the application', () => {
  it('an expert with an invitation, acceptance, submission or overdue assignment — nobody else', () => {
    for (const status of REVIEW_ASSIGNMENT_STATUSES) {
      const v = canExpertSeeApplication({ ...pair, status }, []);
      expect(v.ok, status).toBe(['INVITED', 'ACCEPTED', 'SUBMITTED', 'OVERDUE'].includes(status));
    }
    expect([...EXPERT_VISIBLE_STATUSES].sort()).toEqual(['ACCEPTED', 'INVITED', 'OVERDUE', 'SUBMITTED']);
  });

  it('never while an undismissed conflict stands for the pair', () => {
    for (const status of EXPERT_VISIBLE_STATUSES) {
      expect(canExpertSeeApplication({ ...pair, status }, [conflict()])).toEqual({
        ok: false,
        code: 'conflictOfInterest',
      });
      expect(canExpertSeeApplication({ ...pair, status }, [conflict({ dismissedById: 'staff-1' })]).ok).toBe(true);
      expect(
        canExpertSeeApplication({ ...pair, status }, [
          conflict({ applicationId: 'app-2' }),
          conflict({ expertUserId: 'expert-2' }),
        ]).ok,
      ).toBe(true);
    }
  });
});

describe("who sees the other experts' reviews", () => {
  it('only an expert whose own review is submitted', () => {
    for (const status of REVIEW_ASSIGNMENT_STATUSES) {
      for (const own of ['DRAFT', 'SUBMITTED', null] as const) {
        expect(canSeeOtherReviews(status, own).ok, `${status}/${own}`).toBe(
          status === 'SUBMITTED' && own === 'SUBMITTED',
        );
      }
    }
    expect(canSeeOtherReviews('ACCEPTED', 'DRAFT')).toEqual({ ok: false, code: 'wrongState' });
    expect(canSeeOtherReviews('SUBMITTED', 'DRAFT')).toEqual({ ok: false, code: 'ownReviewNotSubmitted' });
  });

  it('and never with a conflict found after submission', () => {
    const submitted = { ...pair, status: 'SUBMITTED' as const };
    expect(canExpertSeeOtherReviews(submitted, 'SUBMITTED', [])).toEqual({ ok: true });
    expect(canExpertSeeOtherReviews(submitted, 'SUBMITTED', [conflict()])).toEqual({
      ok: false,
      code: 'conflictOfInterest',
    });
    expect(canExpertSeeOtherReviews({ ...pair, status: 'ACCEPTED' }, 'DRAFT', [])).toEqual({
      ok: false,
      code: 'wrongState',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Blind review

const IDS = {
  call: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  challenge: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  file1: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
  file2: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e',
  evidence: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5f',
};
const SHA = 'a3f5c9e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6';

const rich: BlindableSnapshot = {
  call: {
    id: IDS.call,
    title: '2027年度市属高校卓越青年科学家计划',
    titleEn: '2027 Excellent Young Scientists',
    program: { name: '卓越青年科学家计划', nameEn: 'Excellent Young Scientists', kind: 'EXCELLENT_YOUNG' },
  },
  rulesVersion: 3,
  challenge: { id: IDS.challenge, title: '面向国产加速器的高能效推理' },
  applicant: {
    name: '欧阳娜娜',
    institution: '北京工业大学',
    department: '材料与制造学部',
    title: 'SENIOR',
    degree: 'DOCTORATE',
    orcid: '0000-0002-1825-0097',
    ageOnDeadline: 38,
    youthTrack: false,
  },
  title: '欧阳娜娜团队：拓扑量子材料中的非阿贝尔任意子',
  titleEn: 'Non-Abelian anyons in topological materials (Ouyang lab, BJUT)',
  disciplineCode: '140',
  keywords: ['拓扑量子计算', '非阿贝尔任意子', 'Nana Ouyang'],
  abstract:
    '本项目由北京工业大学材料与制造学部欧阳娜娜教授牵头，联系邮箱 ouyang.nana@bjut.edu.cn，电话 13812345678 或 010-67391234；' +
    '课题组主页 https://ouyangnana.github.io/lab。欧阳教授与清华大学李小明合作，前期成果见 doi:10.1038/s41586-021-01234-5。',
  abstractEn:
    'Led by Prof. OUYANG Nana (N. Ouyang; Ouyang, N.) of Beijing University of Technology with Xiaoming Li (X.-M. Li) ' +
    'of Tsinghua University and Dr. Wang Fang. Contact: +86 138 1234 5678.',
  content: {
    researchContent:
      '李小明（清华大学）负责器件制备，王芳负责理论计算。申请人身份证号 11010519491231002X 仅供核验。ORCID 0000-0002-1825-0097。',
    innovation:
      '与 Li Xiaoming 和 Fang Wang 在 PRL 上的工作不同（另见 Ouyang et al. 2024 与 Prof. Wang 的综述），我们首次提出……',
    plan: { year1: ['欧阳娜娜、Ouyang Nana 与 Xiao-ming Li 完成样品', '王老师完成计算'], note: 'BJUT 与 THU 联合' },
    outcomes: '发表论文3—5篇。',
  },
  durationMonths: 60,
  budget: {
    mode: 'LUMP_SUM',
    lumpSumFen: '300000000',
    lumpSumPlan: '由欧阳娜娜统筹，经费在北京工业大学财务处单独核算。',
    lines: [{ categoryCode: 'EQUIPMENT', amountFen: '50000000', justification: '购置低温设备，存放于北京工业大学' }],
    funding: [{ source: 'FISCAL', amountFen: '300000000' }],
  },
  members: [
    {
      name: '李小明',
      institution: '清华大学',
      title: 'ASSOCIATE_SENIOR',
      responsibility: '李小明负责器件制备',
      monthsPerYear: 6,
    },
    {
      name: '王芳',
      institution: '北京工业大学',
      title: 'INTERMEDIATE',
      responsibility: '理论计算（王芳）',
      monthsPerYear: 8,
    },
  ],
  works: [
    {
      type: 'PAPER',
      title: 'Observation of anyonic braiding in a topological superconductor',
      authors: 'Ouyang N, Li X-M, Wang F, Zhang W',
      venue: 'Nature',
      year: 2024,
      identifier: '10.1038/s41586-024-07777-7',
      citation: 'Ouyang N. et al. Nature 630, 123 (2024)',
      contributionStatement: '欧阳娜娜为通讯作者，提出思路并设计实验；申请人团队完成全部测量。',
      evidenceFileId: IDS.evidence,
    },
  ],
  attachments: [
    { slotKey: 'proposal', fileId: IDS.file1, filename: '欧阳娜娜-申报书-北京工业大学.pdf', sha256: SHA },
    { slotKey: 'ethics', fileId: IDS.file2, filename: 'ouyang_ethics_BJUT.pdf', sha256: SHA.replace(/a/g, 'b') },
  ],
};

// Everything that identifies the applicant, the team or their institutions in the fixture above.
const IDENTIFYING = [
  '欧阳娜娜',
  '欧阳教授',
  'Ouyang Nana',
  'Nana Ouyang',
  'OUYANG',
  'N. Ouyang',
  'Ouyang, N',
  'ouyangnana',
  '李小明',
  'Xiaoming Li',
  'Li Xiaoming',
  'Xiao-ming',
  'X.-M. Li',
  '王芳',
  '王老师',
  'Wang Fang',
  'Fang Wang',
  '北京工业大学',
  'Beijing University of Technology',
  'BJUT',
  '清华大学',
  'Tsinghua',
  'THU',
  '材料与制造学部',
  'ouyang.nana@bjut.edu.cn',
  'bjut.edu.cn',
  '13812345678',
  '138 1234 5678',
  '67391234',
  'github.io',
  '10.1038/s41586',
  '0000-0002-1825-0097',
  '11010519491231002X',
  ...Object.values(IDS),
  SHA,
  '.pdf',
  '申报书-',
  'Zhang W',
];

const options = {
  slots: [
    { key: 'proposal', label: '申报书（盖章版）', labelEn: 'Signed and sealed application' },
    { key: 'ethics', label: '伦理审查或承诺材料', labelEn: 'Ethics approval or statement' },
  ],
  alsoHide: {
    hostInstitutionNames: ['Beijing University of Technology', 'BJUT'],
    otherInstitutionNames: ['Tsinghua University', 'Tsinghua', 'THU'],
  },
};

/** Every string in a value, with its path (keys included: a key is text too). */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      { path: `${path}.${k}#key`, text: k },
      ...strings(v, `${path}.${k}`),
    ]);
  }
  return [];
}

/** Whether a path like "members[].name" exists anywhere in the value. */
function hasPath(value: unknown, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const key = head!.replace('[]', '');
  if (!value || typeof value !== 'object' || !(key in value)) return false;
  const next = (value as Record<string, unknown>)[key];
  if (rest.length === 0) return true;
  if (head!.endsWith('[]')) return Array.isArray(next) && next.some((el) => hasPath(el, rest.join('.')));
  return hasPath(next, rest.join('.'));
}

describe('redactForBlindReview', () => {
  const before = JSON.stringify(rich);
  const blind = redactForBlindReview(rich, options);

  it('leaves no identifying string anywhere in the result (deep search, case-insensitive)', () => {
    const all = strings(blind);
    const leaks = IDENTIFYING.flatMap((needle) =>
      all
        .filter((s) => s.text.toLowerCase().includes(needle.toLowerCase()))
        .map((s) => `${needle} @ ${s.path}: ${s.text}`),
    );
    expect(leaks).toEqual([]);
    // Nor anything shaped like an id, a hash, an e-mail address or a phone number.
    const shapes = [
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
      /[0-9a-f]{64}/i,
      /@[a-z0-9-]+\./i,
      /1[3-9]\d{9}/,
      /\d{17}[\dX]/,
    ];
    for (const s of all) for (const re of shapes) expect(re.test(s.text), `${re} @ ${s.path}`).toBe(false);
    // The serialised whole too (catches anything the walk could miss).
    const serialised = JSON.stringify(blind).toLowerCase();
    for (const needle of IDENTIFYING) expect(serialised.includes(needle.toLowerCase()), needle).toBe(false);
  });

  it('drops every listed path and keeps the science', () => {
    for (const path of BLIND_REDACTED_PATHS) expect(hasPath(blind, path), path).toBe(false);
    for (const path of BLIND_SCRUBBED_TEXT_PATHS) {
      expect(hasPath(blind, path.replace('.**', '').replace(/\[\]$/, '')), path).toBe(true);
    }
    expect(blind.blind).toBe(true);
    expect(blind.keywords.slice(0, 2)).toEqual(['拓扑量子计算', '非阿贝尔任意子']);
    expect(blind.applicant).toEqual({ title: 'SENIOR', degree: 'DOCTORATE', youthTrack: false });
    expect(blind.budget.lumpSumFen).toBe('300000000');
    expect(blind.budget.lines[0]!.amountFen).toBe('50000000');
    expect(blind.challenge).toEqual({ title: '面向国产加速器的高能效推理' });
    expect(blind.works).toEqual([
      {
        type: 'PAPER',
        title: 'Observation of anyonic braiding in a topological superconductor',
        venue: 'Nature',
        year: 2024,
        contributionStatement: '申请人为通讯作者，提出思路并设计实验；申请人团队完成全部测量。',
      },
    ]);
    expect(blind.members.map((m) => [m.ordinal, m.responsibility])).toEqual([
      [1, '成员1负责器件制备'],
      [2, '理论计算（成员2）'],
    ]);
  });

  it("replaces names by role — 申请人 in Chinese, 'the applicant' in English — and contact details by a mark", () => {
    expect(blind.title).toBe('申请人团队：拓扑量子材料中的非阿贝尔任意子');
    expect(blind.abstract).toBe(
      '本项目由依托单位所在院系申请人教授牵头，联系邮箱 [已隐去]，电话 [已隐去] 或 [已隐去]；课题组主页 [已隐去]。' +
        '申请人与合作单位成员1合作，前期成果见 [已隐去]。',
    );
    expect(blind.abstractEn).toBe(
      'Led by Prof. the applicant (the applicant; the applicant) of the host institution with member 1 (member 1) ' +
        'of a partner institution and Dr. member 2. Contact: [redacted].',
    );
    expect(blind.content).toEqual({
      researchContent:
        '成员1（合作单位）负责器件制备，成员2负责理论计算。申请人身份证号 [已隐去] 仅供核验。ORCID [已隐去]。',
      innovation: '与 成员1 和 成员2 在 PRL 上的工作不同（另见 申请人 et al. 2024 与 成员2 的综述），我们首次提出……',
      plan: { year1: ['申请人、申请人 与 成员1 完成样品', '成员2完成计算'], note: '依托单位 与 合作单位 联合' },
      outcomes: '发表论文3—5篇。',
    });
    expect(blind.budget.lumpSumPlan).toBe('由申请人统筹，经费在依托单位财务处单独核算。');
  });

  it('shows attachments by slot label, never by file', () => {
    expect(blind.attachments).toEqual([
      { slotKey: 'proposal', label: '申报书（盖章版）', labelEn: 'Signed and sealed application' },
      { slotKey: 'ethics', label: '伦理审查或承诺材料', labelEn: 'Ethics approval or statement' },
    ]);
    expect(redactForBlindReview(rich).attachments[0]).toEqual({
      slotKey: 'proposal',
      label: 'proposal',
      labelEn: 'proposal',
    });
  });

  it('does not modify the snapshot it is given', () => {
    expect(JSON.stringify(rich)).toBe(before);
  });

  it('hides names the snapshot holds even without extra spellings', () => {
    const plain = redactForBlindReview({
      ...rich,
      abstract: '张伟（Zhang Wei，W. Zhang）负责。',
      applicant: { ...rich.applicant, name: '张伟' },
    });
    expect(plain.abstract).toBe('申请人（申请人，申请人）负责。');
  });
});
