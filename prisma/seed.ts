// Demo data for a development or demonstration database — never production (ADR 0003).
// Idempotent: running it again adds what is missing and changes nothing that exists (a demo user who changed
// their password keeps it).
//
// The 统一社会信用代码 below are demo values: real-looking prefixes with check characters computed by our own
// validator, not the institutions' registered codes. Replace them with the registered codes before any real use.
import { creditCodeCheckChar } from '@/domain/institution/credit-code';
import type { Role } from '@/domain/auth/roles';
import type { Db } from '@/server/db';
import { hashPassword } from '@/server/auth/password-hash';
import { recordAudit } from '@/server/audit/record-audit';
import { seedHorseRace } from './seed-horse-race';
import { seedApplications } from './seed-applications';
import { seedProgramsAndChallenges } from './seed-programs';
import { seedCommittee } from './seed-committee';
import { seedPlatformCall } from './seed-platform-call';
import { seedPlatforms } from './seed-platforms';

export const DEMO_PASSWORD = 'Jingyan@2026';

function demoCreditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`bad demo credit code prefix ${first17}`);
  return first17 + check;
}

export const DEMO_INSTITUTIONS = [
  {
    key: 'bjut',
    name: '北京工业大学',
    nameEn: 'Beijing University of Technology',
    aliases: ['北工大'],
    kind: 'RESEARCH_UNIVERSITY',
    affiliation: 'MUNICIPAL',
    creditCode: demoCreditCode('12110000JYDEM0001'),
  },
  {
    key: 'cnu',
    name: '首都师范大学',
    nameEn: 'Capital Normal University',
    aliases: ['首师大', '北京师范学院'],
    kind: 'RESEARCH_UNIVERSITY',
    affiliation: 'MUNICIPAL',
    creditCode: demoCreditCode('12110000JYDEM0002'),
  },
  {
    key: 'buu',
    name: '北京联合大学',
    nameEn: 'Beijing Union University',
    aliases: ['北联大'],
    kind: 'APPLIED_UNIVERSITY',
    affiliation: 'MUNICIPAL',
    creditCode: demoCreditCode('12110000JYDEM0003'),
  },
  {
    key: 'bistu',
    name: '北京信息科技大学',
    nameEn: 'Beijing Information Science and Technology University',
    aliases: ['北信科'],
    kind: 'SPECIALIZED_UNIVERSITY',
    affiliation: 'MUNICIPAL',
    creditCode: demoCreditCode('12110000JYDEM0004'),
  },
  {
    key: 'buaa',
    name: '北京航空航天大学',
    nameEn: 'Beihang University',
    aliases: ['北航'],
    kind: 'RESEARCH_UNIVERSITY',
    affiliation: 'CENTRAL_IN_BEIJING',
    creditCode: demoCreditCode('12100000JYDEM0005'),
  },
  {
    key: 'enterprise',
    name: '京研示范科技有限公司',
    nameEn: 'Jingyan Demo Technology Co., Ltd.',
    aliases: [],
    kind: 'ENTERPRISE',
    affiliation: 'OTHER',
    creditCode: demoCreditCode('91110108JYDEM0006'),
  },
] as const;

type InstitutionKey = (typeof DEMO_INSTITUTIONS)[number]['key'];

interface DemoUser {
  email: string;
  name: string;
  locale?: 'zh-CN' | 'en';
  roles: { role: Role; institution?: InstitutionKey }[];
  profile?: {
    department: string;
    gender: 'MALE' | 'FEMALE';
    birthDate: Date;
    title: 'SENIOR' | 'ASSOCIATE_SENIOR' | 'INTERMEDIATE' | 'JUNIOR';
    degree: 'DOCTORATE' | 'MASTER';
    disciplineCodes: string[];
    keywords: string[];
  };
}

/** A birth date that makes the person `years` old today (and for some months to come), as a calendar date. */
function bornYearsAgo(years: number, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), 1) - 90 * 86_400_000);
}

// First-level GB/T 13745-2009 codes used below: 520 计算机科学技术, 140 物理学, 430 材料科学.
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'researcher@demo.jingyan.cn',
    name: '王建国',
    roles: [{ role: 'RESEARCHER', institution: 'bjut' }],
    profile: {
      department: '信息学部',
      gender: 'MALE',
      birthDate: new Date('1978-03-15T00:00:00Z'),
      title: 'SENIOR',
      degree: 'DOCTORATE',
      disciplineCodes: ['520'],
      keywords: ['机器学习', '类脑计算'],
    },
  },
  {
    email: 'young@demo.jingyan.cn',
    name: '李晓',
    roles: [{ role: 'RESEARCHER', institution: 'bjut' }],
    profile: {
      department: '物理系',
      gender: 'FEMALE',
      birthDate: bornYearsAgo(33),
      title: 'ASSOCIATE_SENIOR',
      degree: 'DOCTORATE',
      disciplineCodes: ['140'],
      keywords: ['量子光学'],
    },
  },
  // Researchers of 北京工业大学 whose demo applications fill the office's and the commission's lists
  // (prisma/seed-applications.ts). Ages are on the GENERAL program's youth-track side (< 35) except 孙鹏 and 郑华.
  ...(
    [
      ['zhou.min', '周敏', '信息学部', 'FEMALE', 29, 'INTERMEDIATE', '520', '脉冲神经网络'],
      ['zhao.lei', '赵磊', '材料与制造学部', 'MALE', 34, 'ASSOCIATE_SENIOR', '430', '高熵合金'],
      ['wu.tao', '吴涛', '城市建设学部', 'MALE', 32, 'INTERMEDIATE', '520', '数据融合'],
      ['chen.jing', '陈静', '物理与光电工程学院', 'FEMALE', 31, 'ASSOCIATE_SENIOR', '140', '二维磁性'],
      ['sun.peng', '孙鹏', '城市建设学部', 'MALE', 41, 'SENIOR', '580', '智能交通'],
      ['zheng.hua', '郑华', '建筑与城市规划学院', 'FEMALE', 38, 'ASSOCIATE_SENIOR', '560', '古建筑保护'],
    ] as const
  ).map(([handle, name, department, gender, age, title, discipline, keyword]): DemoUser => ({
    email: `${handle}@demo.jingyan.cn`,
    name,
    roles: [{ role: 'RESEARCHER', institution: 'bjut' }],
    profile: {
      department,
      gender,
      birthDate: bornYearsAgo(age),
      title,
      degree: 'DOCTORATE',
      disciplineCodes: [discipline],
      keywords: [keyword],
    },
  })),
  // The two chief scientists of the horse-race challenge's teams (prisma/seed-horse-race.ts).
  ...(
    [
      ['qian.feng', '钱峰', '信息学部', 'MALE', 46],
      ['lin.tao', '林涛', '信息学部', 'MALE', 44],
    ] as const
  ).map(([handle, name, department, gender, age]): DemoUser => ({
    email: `${handle}@demo.jingyan.cn`,
    name,
    roles: [{ role: 'RESEARCHER', institution: 'bjut' }],
    profile: {
      department,
      gender,
      birthDate: bornYearsAgo(age),
      title: 'SENIOR',
      degree: 'DOCTORATE',
      disciplineCodes: ['510'],
      keywords: ['存算一体'],
    },
  })),
  { email: 'office@demo.jingyan.cn', name: '张敏', roles: [{ role: 'INSTITUTION_OFFICE', institution: 'bjut' }] },
  { email: 'staff@demo.jingyan.cn', name: '陈立', roles: [{ role: 'COMMISSION_STAFF' }] },
  {
    email: 'expert@demo.jingyan.cn',
    name: '刘洋',
    // Experts are usually researchers too: this account shows the role switcher.
    roles: [{ role: 'EXPERT' }, { role: 'RESEARCHER', institution: 'buaa' }],
    profile: {
      department: '材料科学与工程学院',
      gender: 'MALE',
      birthDate: new Date('1970-09-02T00:00:00Z'),
      title: 'SENIOR',
      degree: 'DOCTORATE',
      disciplineCodes: ['430'],
      keywords: ['先进功能材料'],
    },
  },
  { email: 'intl.expert@demo.jingyan.cn', name: 'Anna Schmidt', locale: 'en', roles: [{ role: 'EXPERT' }] },
  { email: 'expert2@demo.jingyan.cn', name: '王磊', roles: [{ role: 'EXPERT' }] },
  { email: 'expert3@demo.jingyan.cn', name: '黄丽', roles: [{ role: 'EXPERT' }] },
  // The horse-race round's mail reviewers and panel (prisma/seed-horse-race.ts).
  { email: 'expert4@demo.jingyan.cn', name: '周立新', roles: [{ role: 'EXPERT' }] },
  { email: 'expert5@demo.jingyan.cn', name: '何静', roles: [{ role: 'EXPERT' }] },
  { email: 'expert6@demo.jingyan.cn', name: '马超', roles: [{ role: 'EXPERT' }] },
  { email: 'committee@demo.jingyan.cn', name: '赵永刚', roles: [{ role: 'COMMITTEE_MEMBER' }] },
  { email: 'committee2@demo.jingyan.cn', name: '钟慧敏', roles: [{ role: 'COMMITTEE_MEMBER' }] },
  { email: 'enterprise@demo.jingyan.cn', name: '孙强', roles: [{ role: 'ENTERPRISE', institution: 'enterprise' }] },
  { email: 'sysadmin@demo.jingyan.cn', name: '系统管理员', roles: [{ role: 'SYSTEM_ADMIN' }] },
  { email: 'secadmin@demo.jingyan.cn', name: '安全管理员', roles: [{ role: 'SECURITY_ADMIN' }] },
  { email: 'auditor@demo.jingyan.cn', name: '审计管理员', roles: [{ role: 'AUDIT_ADMIN' }] },
];

const DEMO_ANNOUNCEMENT = {
  title: '关于开展2027年度北京高校基础研究项目申报工作的预通知（演示）',
  body:
    '各有关高校：\n\n2027年度一般项目、重点项目（揭榜挂帅）和卓越青年科学家计划的申报指南将于近期在本平台发布。' +
    '请各单位科研管理部门提前组织科研人员完善人才档案，并确认本单位账号信息。\n\n本公告为演示数据。',
};

export async function seedDemo(client: Db, options: { allowInProduction?: boolean; applications?: boolean } = {}) {
  if (process.env.NODE_ENV === 'production' && !options.allowInProduction) {
    throw new Error('Refusing to load demo data into a production database (NODE_ENV=production).');
  }
  const institutionIds = new Map<InstitutionKey, string>();
  for (const { key, ...data } of DEMO_INSTITUTIONS) {
    const row = await client.institution.upsert({
      where: { creditCode: data.creditCode },
      create: { ...data, aliases: [...data.aliases] },
      update: {},
      select: { id: true },
    });
    institutionIds.set(key, row.id);
  }

  let created = 0;
  for (const user of DEMO_USERS) {
    const exists = await client.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    const researcherRole = user.roles.find((r) => r.role === 'RESEARCHER');
    await client.user.create({
      data: {
        email: user.email,
        name: user.name,
        locale: user.locale ?? 'zh-CN',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles: {
          create: user.roles.map((r) => ({
            role: r.role,
            institutionId: r.institution ? institutionIds.get(r.institution)! : null,
          })),
        },
        ...(user.profile && researcherRole?.institution
          ? {
              researcherProfile: {
                create: { ...user.profile, institutionId: institutionIds.get(researcherRole.institution)! },
              },
            }
          : {}),
      },
    });
    created++;
  }

  const staff = await client.user.findUniqueOrThrow({
    where: { email: 'staff@demo.jingyan.cn' },
    select: { id: true },
  });
  const hasAnnouncement = await client.announcement.count({ where: { title: DEMO_ANNOUNCEMENT.title } });
  if (!hasAnnouncement) {
    await client.announcement.create({
      data: { ...DEMO_ANNOUNCEMENT, authorId: staff.id, status: 'PUBLISHED', publishedAt: new Date() },
    });
  }

  await seedExpertProfiles(client, institutionIds);
  const programs = await seedProgramsAndChallenges(client);
  const applications = options.applications === false ? { created: false } : await seedApplications(client);
  const horseRace = options.applications === false ? { created: false } : await seedHorseRace(client);
  const committee = await seedCommittee(client);
  const platformCall = await seedPlatformCall(client);
  const platforms = options.applications === false ? { created: false } : await seedPlatforms(client);

  if (
    created > 0 ||
    !hasAnnouncement ||
    programs.created ||
    applications.created ||
    horseRace.created ||
    committee.created ||
    platformCall.created ||
    platforms.created
  ) {
    await client.$transaction((tx) =>
      recordAudit(tx, {
        actor: null,
        action: 'system.seed_demo',
        entityType: 'System',
        summary: { usersCreated: created, institutions: DEMO_INSTITUTIONS.length, programs: programs.created },
      }),
    );
  }
  return { usersCreated: created };
}

/** The demo experts' entries in the expert pool (专家库); created once, never overwritten. */
async function seedExpertProfiles(client: Db, institutionIds: Map<InstitutionKey, string>) {
  const profiles = [
    {
      email: 'expert@demo.jingyan.cn',
      institutionId: institutionIds.get('buaa')!,
      institutionName: '北京航空航天大学',
      country: 'CN',
      languages: ['zh', 'en'],
      nameVariants: ['Liu Yang', 'Yang Liu'],
      disciplineCodes: ['430', '43015'],
      keywords: ['先进功能材料', '高熵合金', '纳米结构'],
      title: 'SENIOR' as const,
      loadLimitPerCall: 12,
    },
    {
      email: 'intl.expert@demo.jingyan.cn',
      institutionId: null,
      institutionName: 'Technische Universität München',
      country: 'DE',
      languages: ['en'],
      nameVariants: [],
      disciplineCodes: ['520', '52020'],
      keywords: ['neuromorphic computing', 'spiking neural networks', 'edge AI'],
      title: 'SENIOR' as const,
      loadLimitPerCall: 8,
    },
    {
      email: 'expert2@demo.jingyan.cn',
      institutionId: null,
      institutionName: '中国科学院自动化研究所',
      country: 'CN',
      languages: ['zh', 'en'],
      nameVariants: ['Wang Lei', 'Lei Wang'],
      disciplineCodes: ['520', '52020'],
      keywords: ['脉冲神经网络', '类脑计算', '低功耗'],
      title: 'SENIOR' as const,
      loadLimitPerCall: 10,
    },
    {
      email: 'expert3@demo.jingyan.cn',
      institutionId: null,
      institutionName: '浙江大学',
      country: 'CN',
      languages: ['zh'],
      nameVariants: ['Huang Li', 'Li Huang'],
      disciplineCodes: ['520'],
      keywords: ['边缘计算', '嵌入式系统'],
      title: 'SENIOR' as const,
      loadLimitPerCall: 10,
    },
    ...(
      [
        ['expert4@demo.jingyan.cn', '清华大学', ['Zhou Lixin', 'Lixin Zhou'], ['存算一体', '集成电路设计']],
        ['expert5@demo.jingyan.cn', '中国科学院微电子研究所', ['He Jing', 'Jing He'], ['阻变存储器', '器件可靠性']],
        ['expert6@demo.jingyan.cn', '北京大学', ['Ma Chao', 'Chao Ma'], ['SRAM', '低功耗电路']],
      ] as const
    ).map(([email, institutionName, nameVariants, keywords]) => ({
      email,
      institutionId: null,
      institutionName,
      country: 'CN',
      languages: ['zh'],
      nameVariants: [...nameVariants],
      disciplineCodes: ['510'],
      keywords: [...keywords],
      title: 'SENIOR' as const,
      loadLimitPerCall: 10,
    })),
  ];
  for (const { email, ...profile } of profiles) {
    const user = await client.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await client.expertProfile.upsert({
      where: { userId: user.id },
      create: { ...profile, userId: user.id },
      update: {},
    });
  }
}
