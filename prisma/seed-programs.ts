// Demo programs, calls and challenges, created through the same server modules the UI's actions call (so the
// demo obeys every rule a user would meet: validation, transitions, audit). Only for dev/demo databases.
import { isRole, type Role } from '@/domain/auth/roles';
import { defaultProgramRules, PROGRAM_KINDS, type ProgramKind } from '@/domain/program/rules';
import { toBeijingInput } from '@/domain/time';
import { ZCallTransition, ZCreateCall, ZSetQuotas } from '@/lib/validation/calls';
import { ZChallengeDraft, ZChallengeTransition } from '@/lib/validation/challenges';
import { ZCreateProgram } from '@/lib/validation/programs';
import type { Actor } from '@/server/auth/actor';
import { createCall, setCallQuotas, transitionCall } from '@/server/calls/calls';
import { createChallenge, transitionChallenge } from '@/server/challenges/challenges';
import type { Db } from '@/server/db';
import { createProgram } from '@/server/programs/programs';
import { DEMO_CHALLENGES } from './seed-data/challenges';

/** An Actor for a demo account, as resolveSession() would build it (no session: the seed acts directly). */
export async function demoActor(client: Db, email: string, role: Role): Promise<Actor> {
  const user = await client.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      mustChangePassword: true,
      roles: { select: { role: true, institutionId: true, institution: { select: { name: true } } } },
    },
  });
  const roles = user.roles
    .filter((r) => isRole(r.role))
    .map((r) => ({
      role: r.role as Role,
      institutionId: r.institutionId,
      institutionName: r.institution?.name ?? null,
    }));
  const active = roles.find((r) => r.role === role);
  if (!active) throw new Error(`${email} does not hold ${role}`);
  return {
    userId: user.id,
    sessionId: null,
    name: user.name,
    email: user.email,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    role,
    institutionId: active.institutionId,
    roles,
    ip: null,
    mustChangePassword: user.mustChangePassword,
  };
}

export const DEMO_PROGRAMS: Record<
  ProgramKind,
  { code: string; name: string; nameEn: string; description: string; descriptionEn: string }
> = {
  GENERAL: {
    code: 'GEN',
    name: '市属高校科研计划一般项目',
    nameEn: 'General Projects of Municipal Universities',
    description: '引导高校自主布局基础研究，加强自由探索、突出原创，重点支持35岁以下优秀青年科学家。',
    descriptionEn: 'Free exploration led by the universities, with priority for outstanding scientists under 35.',
  },
  KEY_CHALLENGE: {
    code: 'KEY',
    name: '市教委科研计划重点项目（揭榜挂帅）',
    nameEn: 'Key Projects by Open Challenge (Jiebang Guashuai)',
    description: '联合行业企业、新型研发机构发布“揭榜挂帅”榜单，支持高校开展基础理论研究和关键核心技术攻关。',
    descriptionEn: 'Challenges published with enterprises and new R&D institutions in twelve priority fields.',
  },
  EXCELLENT_YOUNG: {
    code: 'EYS',
    name: '卓越青年科学家计划',
    nameEn: 'Excellent Young Scientists Program',
    description: '支持45岁以下优秀青年科技人才挑大梁、担重任，开展“从0到1”的原创研究，每个项目配备护航专家。',
    descriptionEn: 'Original "from 0 to 1" research by scientists under 45, each project with a responsible expert.',
  },
  LAB_BASIC: {
    code: 'LAB-B',
    name: '北京实验室（基础研究类）',
    nameEn: 'Beijing Laboratories (basic research)',
    description: '',
    descriptionEn: '',
  },
  LAB_APPLIED: {
    code: 'LAB-A',
    name: '北京实验室（应用类）',
    nameEn: 'Beijing Laboratories (applied research)',
    description: '',
    descriptionEn: '',
  },
  LAB_HUMANITIES: {
    code: 'LAB-H',
    name: '北京实验室（文科类）',
    nameEn: 'Beijing Laboratories (humanities)',
    description: '',
    descriptionEn: '',
  },
  ADVANCED_INNOVATION_CENTER: {
    code: 'AIC',
    name: '北京高校高精尖创新中心',
    nameEn: 'Beijing Advanced Innovation Centers',
    description: '实行项目经理人机制，面向高精尖产业开展有组织科研。',
    descriptionEn: 'Organised research for advanced industries, run with project managers.',
  },
  RESEARCH_CENTER: {
    code: 'BRC',
    name: '北京研究中心',
    nameEn: 'Beijing Research Centers',
    description: '由战略科学家领衔。',
    descriptionEn: 'Led by strategic scientists.',
  },
  HUMANITIES_SOCIAL_CENTER: {
    code: 'HSC',
    name: '北京人文社会科学研究中心',
    nameEn: 'Beijing Humanities and Social Sciences Research Centers',
    description: '',
    descriptionEn: '',
  },
  PHILOSOPHY_SOCIAL_INNOVATION_CENTER: {
    code: 'PSIC',
    name: '哲学社会科学创新中心',
    nameEn: 'Philosophy and Social Sciences Innovation Centers',
    description: '',
    descriptionEn: '',
  },
  THREE_CITIES_PLATFORM: {
    code: 'TCP',
    name: '“三城一区”联合创新平台',
    nameEn: '"Three Cities and One District" Joint Platforms',
    description: '高校与企业紧密对接“三城一区”建设，共建联合平台。',
    descriptionEn: 'Joint platforms of universities and enterprises for the "three cities and one district".',
  },
};

const guide = (name: string) =>
  `## 一、申报说明\n\n本指南为**演示数据**，用于展示${name}的申报流程。\n\n## 二、申报条件\n\n1. 申报人须为依托单位在职人员，信用记录良好；\n2. 年龄、职称等要求以本计划规则为准，年龄按申报截止日（北京时间）计算；\n3. 每人限申报一项。\n\n## 三、申报方式\n\n申报人在线填写申报书，经依托单位科研管理部门审核推荐后提交。逾期系统不再受理。\n\n## 四、联系方式\n\n市教委科研处（演示）`;

/** A Beijing wall-clock time `days` from now at `hour`:00. */
function beijingAt(days: number, hour: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000 + 8 * 3600_000);
  shifted.setUTCHours(hour, 0, 0, 0);
  return toBeijingInput(new Date(shifted.getTime() - 8 * 3600_000));
}

/**
 * One program of every kind, one open call each (with quotas for the eligible demo institutions), and a dozen
 * published challenges across the twelve fields. Skipped when programs already exist (idempotent).
 */
export async function seedProgramsAndChallenges(client: Db): Promise<{ created: boolean }> {
  if ((await client.program.count()) > 0) return { created: false };
  const staff = await demoActor(client, 'staff@demo.jingyan.cn', 'COMMISSION_STAFF');
  const enterprise = await demoActor(client, 'enterprise@demo.jingyan.cn', 'ENTERPRISE');
  const institutions = await client.institution.findMany({
    where: { active: true },
    select: { id: true, kind: true, affiliation: true },
  });
  const year = new Date().getUTCFullYear() + 1;
  let keyCallId = '';

  for (const kind of PROGRAM_KINDS) {
    const meta = DEMO_PROGRAMS[kind];
    const { id: programId } = await createProgram(client, staff, ZCreateProgram.parse({ ...meta, kind }));
    const rules = defaultProgramRules(kind);
    const call = await createCall(
      client,
      staff,
      ZCreateCall.parse({
        programId,
        year,
        title: `${year}年度${meta.name}申报指南（演示）`,
        titleEn: `${year} ${meta.nameEn}: Call for Applications (demo)`,
        guide: guide(meta.name),
        opensAt: beijingAt(-3, 9),
        closesAt: beijingAt(45, 17),
        institutionReviewClosesAt: beijingAt(52, 17),
        plannedAwards: kind === 'GENERAL' ? 30 : kind === 'KEY_CHALLENGE' ? 12 : 3,
        fiscalEnvelopeWan: kind === 'GENERAL' ? '600' : kind === 'KEY_CHALLENGE' ? '9000' : '3000',
      }),
    );
    const eligible = institutions.filter(
      (i) => rules.institutionKinds.includes(i.kind) && rules.affiliations.includes(i.affiliation),
    );
    if (eligible.length) {
      // Enough places to fill the planned awards: spread over the eligible demo institutions.
      const planned = kind === 'GENERAL' ? 30 : kind === 'KEY_CHALLENGE' ? 12 : 3;
      const each = Math.max(rules.quota.defaultPerInstitution, Math.ceil(planned / eligible.length));
      await setCallQuotas(
        client,
        staff,
        ZSetQuotas.parse({
          callId: call.id,
          version: 1,
          quotas: eligible.map((i) => ({ institutionId: i.id, maxRecommended: each })),
        }),
      );
    }
    const current = await client.call.findUniqueOrThrow({ where: { id: call.id }, select: { version: true } });
    await transitionCall(
      client,
      staff,
      ZCallTransition.parse({ id: call.id, version: current.version, transition: 'publish' }),
    );
    if (kind === 'KEY_CHALLENGE') keyCallId = call.id;
  }

  const fields = new Map(
    (await client.challengeField.findMany({ where: { edition: { current: true } } })).map((f) => [f.code, f.id]),
  );
  for (const demo of DEMO_CHALLENGES) {
    const issuer = demo.issuer === 'ENTERPRISE' ? enterprise : staff;
    const draft = ZChallengeDraft.parse({
      fieldId: fields.get(demo.fieldCode),
      title: demo.title,
      titleEn: demo.titleEn,
      problem: demo.problem,
      problemEn: demo.problemEn,
      deliverables: demo.deliverables,
      targets: demo.targets.map((t) => ({ ...t, targetMin: t.targetMin ?? '', targetMax: t.targetMax ?? '' })),
      durationMonths: demo.durationMonths,
      fiscalWan: demo.fiscalWan,
      selectionMode: demo.selectionMode,
      teamCount: demo.teamCount,
      cutAfterMonths: demo.cutAfterMonths ?? null,
      keepAfterCut: demo.keepAfterCut ?? null,
      chiefScientistRequirements: demo.chiefScientistRequirements,
      chiefScientistRequirementsEn: demo.chiefScientistRequirementsEn,
      pledgeWan: demo.issuer === 'ENTERPRISE' ? demo.pledgeWan : undefined,
    });
    const { id } = await createChallenge(client, issuer, draft);
    await transitionChallenge(client, issuer, ZChallengeTransition.parse({ id, version: 1, transition: 'propose' }));
    await transitionChallenge(client, staff, ZChallengeTransition.parse({ id, version: 2, transition: 'take_up' }));
    await transitionChallenge(
      client,
      staff,
      ZChallengeTransition.parse({ id, version: 3, transition: 'publish', callId: keyCallId }),
    );
  }
  return { created: true };
}
