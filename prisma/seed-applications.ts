// Demo applications in every state the first lifecycle stages reach, made through the same server modules the UI
// calls (start → draft → attach → submit → office return / recommend → formal check, and a withdrawal), so the
// office's vetting page and the commission's formal-check list have something real to show. Idempotent: skipped
// once any application exists. Only for dev/demo databases.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZApplicationDraft } from '@/lib/validation/applications';
import {
  attachFile,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/server/applications/applicant';
import { formalCheck, recommendApplications, returnApplication } from '@/server/applications/review-side';
import type { Actor } from '@/server/auth/actor';
import type { Db } from '@/server/db';
import { uploadFile } from '@/server/files/files';
import { createWork } from '@/server/researchers/talent-record';
import { demoActor } from './seed-programs';
import { section } from './seed-text';

/** The reasons staff choose from when an application fails the formal check; staff can add and retire reasons. */
export const DEFAULT_FORMAL_CHECK_REASONS = [
  { code: 'MISSING_SEAL', label: '申报书未加盖依托单位公章', labelEn: "The application lacks the institution's seal" },
  {
    code: 'INELIGIBLE_APPLICANT',
    label: '申请人不符合本计划申报条件',
    labelEn: 'The applicant does not meet the eligibility rules',
  },
  { code: 'OUT_OF_SCOPE', label: '研究内容不属于本计划资助范围', labelEn: 'The research is outside the program' },
  { code: 'DUPLICATE', label: '与已资助或在审项目内容重复', labelEn: 'Duplicates a funded or pending project' },
  { code: 'BUDGET_NONCOMPLIANT', label: '预算编制不符合经费管理规定', labelEn: 'The budget breaks the funding rules' },
  {
    code: 'ATTACHMENT_INCOMPLETE',
    label: '附件缺失、无法打开或内容不全',
    labelEn: 'Attachments are missing, unreadable or incomplete',
  },
  { code: 'ETHICS_MISSING', label: '缺少科技伦理审查意见', labelEn: 'The ethics review opinion is missing' },
];

export async function seedFormalCheckReasons(client: Db) {
  await client.formalCheckReason.createMany({
    data: DEFAULT_FORMAL_CHECK_REASONS.map((r, i) => ({ ...r, ordinal: i + 1 })),
    skipDuplicates: true,
  });
}

interface DemoApplication {
  email: string;
  title: string;
  titleEn: string;
  abstractEn?: string;
  disciplineCode: string;
  keywords: string;
  topic: string;
  fiscalWan: string;
  work: { title: string; venue: string; year: number };
  /** Where the demo leaves it. */
  outcome:
    | 'DRAFT'
    | 'SUBMITTED'
    | 'RETURNED'
    | 'INSTITUTION_APPROVED'
    | 'FORMAL_CHECK_PASSED'
    | 'FORMAL_CHECK_FAILED'
    | 'WITHDRAWN';
}

const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    email: 'zhou.min@demo.jingyan.cn',
    title: '面向低功耗边缘设备的脉冲神经网络训练方法研究',
    titleEn: 'Training spiking neural networks for low-power edge devices',
    abstractEn:
      'Spiking neural networks promise orders of magnitude lower energy on edge devices, but training them remains ' +
      'slow and unstable. We develop surrogate-gradient and local learning rules that train deep spiking networks ' +
      'on-device within a fixed energy budget, and validate them on neuromorphic hardware.',
    disciplineCode: '520',
    keywords: '脉冲神经网络，边缘计算，低功耗',
    topic: '脉冲神经网络在边缘设备上的高效训练',
    fiscalWan: '20',
    work: { title: '基于代理梯度的脉冲神经网络训练', venue: '计算机学报', year: 2025 },
    outcome: 'FORMAL_CHECK_PASSED',
  },
  {
    email: 'zhao.lei@demo.jingyan.cn',
    title: '高熵合金表面纳米结构的形成机理与服役性能',
    titleEn: 'Surface nanostructures of high-entropy alloys: formation and service performance',
    disciplineCode: '430',
    keywords: '高熵合金，纳米结构，服役性能',
    topic: '高熵合金表面纳米结构的形成机理',
    fiscalWan: '25',
    work: { title: '高熵合金表面梯度纳米结构的原位观察', venue: '金属学报', year: 2024 },
    outcome: 'INSTITUTION_APPROVED',
  },
  {
    email: 'wu.tao@demo.jingyan.cn',
    title: '城市地下空间多源数据融合感知方法',
    titleEn: 'Multi-source data fusion for sensing urban underground space',
    disciplineCode: '520',
    keywords: '数据融合，地下空间，感知',
    topic: '城市地下空间多源感知数据的融合方法',
    fiscalWan: '15',
    work: { title: '地下管廊多传感器数据融合框架', venue: '测绘学报', year: 2025 },
    outcome: 'FORMAL_CHECK_FAILED',
  },
  {
    email: 'chen.jing@demo.jingyan.cn',
    title: '二维磁性材料中的拓扑磁激发与调控',
    titleEn: 'Topological magnetic excitations in two-dimensional magnets and their control',
    disciplineCode: '140',
    keywords: '二维磁性，拓扑激发，自旋',
    topic: '二维磁性材料中拓扑磁激发的调控',
    fiscalWan: '20',
    work: { title: '范德华磁体中斯格明子的电场调控', venue: '物理学报', year: 2025 },
    outcome: 'SUBMITTED',
  },
  {
    email: 'sun.peng@demo.jingyan.cn',
    title: '数字孪生驱动的城市交通信号协同优化',
    titleEn: 'Digital-twin-driven coordinated optimisation of urban traffic signals',
    disciplineCode: '580',
    keywords: '数字孪生，交通信号，协同优化',
    topic: '数字孪生驱动的城市交通信号协同优化',
    fiscalWan: '22',
    work: { title: '面向交叉口群的信号协同强化学习方法', venue: '交通运输系统工程与信息', year: 2024 },
    outcome: 'RETURNED',
  },
  {
    email: 'zheng.hua@demo.jingyan.cn',
    title: '古建筑木结构损伤的声发射识别方法',
    titleEn: 'Acoustic-emission identification of damage in historic timber structures',
    disciplineCode: '560',
    keywords: '古建筑，木结构，声发射',
    topic: '古建筑木结构损伤的声发射识别',
    fiscalWan: '18',
    work: { title: '木构件损伤声发射特征的试验研究', venue: '建筑结构学报', year: 2023 },
    outcome: 'WITHDRAWN',
  },
  {
    email: 'researcher@demo.jingyan.cn',
    title: '类脑计算芯片的在线学习机制',
    titleEn: '',
    disciplineCode: '520',
    keywords: '类脑计算',
    topic: '类脑计算芯片的在线学习机制',
    fiscalWan: '',
    work: { title: '忆阻器阵列上的在线学习', venue: '中国科学：信息科学', year: 2024 },
    outcome: 'DRAFT',
  },
];

async function buildApplication(client: Db, callId: string, pdf: Buffer, demo: DemoApplication) {
  const actor = await demoActor(client, demo.email, 'RESEARCHER');
  const work = await createWork(client, actor, {
    type: 'PAPER',
    title: demo.work.title,
    authors: (await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } })).name,
    venue: demo.work.venue,
    year: demo.work.year,
    identifier: '',
    citation: '',
    contributionStatement: '第一作者兼通讯作者，提出研究思路与方法，完成主要实验和论文撰写。',
    evidenceFileId: null,
  });
  const { id } = await startApplication(client, actor, { callId });
  const complete = demo.outcome !== 'DRAFT';
  await saveDraft(
    client,
    actor,
    ZApplicationDraft.parse({
      id,
      version: 1,
      title: demo.title,
      titleEn: demo.titleEn,
      disciplineCode: demo.disciplineCode,
      keywords: demo.keywords,
      abstract: section(demo.topic, '研究', complete ? 4 : 1),
      abstractEn: demo.abstractEn ?? '',
      content: complete
        ? {
            researchContent: section(demo.topic, '系统研究', 8),
            innovation: section(demo.topic, '创新性研究', 4),
            plan: section(demo.topic, '分阶段研究', 4),
            outcomes: section(demo.topic, '成果凝练', 2),
          }
        : { researchContent: section(demo.topic, '研究', 1), innovation: '', plan: '', outcomes: '' },
      durationMonths: complete ? 24 : null,
      budgetMode: 'LUMP_SUM',
      lumpSumWan: demo.fiscalWan,
      lumpSumPlan: complete ? section(demo.topic, '经费使用规划', 2) : '',
      budgetLines: [],
      funding: { fiscalWan: demo.fiscalWan, enterpriseWan: '', institutionWan: '' },
      workIds: [work.id],
    }),
  );
  if (!complete) return { id, actor };
  const file = await uploadFile(client, actor, {
    name: '申报书（盖章版）.pdf',
    bytes: pdf,
    purpose: 'APPLICATION_ATTACHMENT',
  });
  await attachFile(client, actor, { applicationId: id, slotKey: 'proposal', fileId: file.id });
  await submitApplication(client, actor, { id, idempotencyKey: randomUUID() });
  return { id, actor };
}

export async function seedApplications(client: Db): Promise<{ created: boolean }> {
  await seedFormalCheckReasons(client);
  if ((await client.application.count()) > 0) return { created: false };
  const call = await client.call.findFirst({
    where: { program: { code: 'GEN' }, status: 'OPEN' },
    select: { id: true },
  });
  if (!call) return { created: false };
  const pdf = readFileSync(path.join(import.meta.dirname, 'seed-data', 'demo-proposal.pdf'));
  const office = await demoActor(client, 'office@demo.jingyan.cn', 'INSTITUTION_OFFICE');
  const staff = await demoActor(client, 'staff@demo.jingyan.cn', 'COMMISSION_STAFF');

  const made = new Map<DemoApplication['outcome'], { id: string; actor: Actor }>();
  for (const demo of DEMO_APPLICATIONS) made.set(demo.outcome, await buildApplication(client, call.id, pdf, demo));
  const id = (o: DemoApplication['outcome']) => made.get(o)!.id;

  await returnApplication(client, office, {
    id: id('RETURNED'),
    comment: '请补充研究基础和前期工作，并按学校要求加盖公章后重新提交。',
  });
  await recommendApplications(client, office, {
    callId: call.id,
    ids: [id('FORMAL_CHECK_PASSED'), id('INSTITUTION_APPROVED'), id('FORMAL_CHECK_FAILED')],
  });
  await formalCheck(client, staff, { id: id('FORMAL_CHECK_PASSED'), outcome: 'PASS', reasonCodes: [], comment: null });
  await formalCheck(client, staff, {
    id: id('FORMAL_CHECK_FAILED'),
    outcome: 'FAIL',
    reasonCodes: ['MISSING_SEAL'],
    comment: '上传的申报书未加盖依托单位公章。',
  });
  const withdrawn = made.get('WITHDRAWN')!;
  await withdrawApplication(client, withdrawn.actor, { id: withdrawn.id, reason: '研究方向调整，本年度暂不申报。' });
  return { created: true };
}
