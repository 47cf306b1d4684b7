// A funded 高精尖创新中心 of 北京工业大学 for the demo: its platform application and FINAL decision are written
// straight to the tables (the application side is walked by tests/e2e/platforms.spec.ts), then the real
// createProjectFromDecision makes the project and the platform; the task book is confirmed by the director, the office
// and staff and the project activated through the same server modules the UI calls; 李晓 is appointed project manager
// and runs one center project. Idempotent: skipped once the platform exists. Only for dev/demo databases.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/server/db';
import { appointManager, savePlatformProject } from '@/server/platforms/managers';
import { createProjectFromDecision } from '@/server/projects/create-project';
import { activateProject, confirmTaskBook } from '@/server/projects/task-book';
import { demoActor } from './seed-programs';

export const DEMO_PLATFORM_TITLE = '北京类脑智能高精尖创新中心（演示）';

const WAN = 1_000_000n;

export async function seedPlatforms(client: Db): Promise<{ created: boolean }> {
  if (await client.platform.findFirst({ where: { name: DEMO_PLATFORM_TITLE }, select: { id: true } })) {
    return { created: false };
  }
  const call = await client.call.findFirst({
    where: { program: { code: 'AIC' } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, ruleVersionId: true, year: true },
  });
  if (!call?.ruleVersionId) return { created: false };
  const director = await demoActor(client, 'researcher@demo.jingyan.cn', 'RESEARCHER');
  const office = await demoActor(client, 'office@demo.jingyan.cn', 'INSTITUTION_OFFICE');
  const staff = await demoActor(client, 'staff@demo.jingyan.cn', 'COMMISSION_STAFF');
  const partner = await client.institution.findFirstOrThrow({ where: { name: '北京航空航天大学' } });
  const enterprise = await client.institution.findFirstOrThrow({ where: { kind: 'ENTERPRISE' } });
  const application = await client.application.create({
    data: {
      kind: 'PLATFORM',
      createdById: office.userId,
      callId: call.id,
      ruleVersionId: call.ruleVersionId,
      applicantId: director.userId,
      institutionId: office.institutionId!,
      status: 'PANEL',
      code: `DEMO-P-${randomUUID().slice(0, 8)}`,
      title: DEMO_PLATFORM_TITLE,
      content: {
        directions: [
          { title: '类脑计算芯片', description: '器件、电路与架构协同设计。', leadName: '王建国' },
          { title: '脉冲神经网络算法', description: '面向类脑芯片的学习与推理算法。', leadName: '李晓' },
          { title: '类脑智能应用', description: '面向智能终端与城市治理的应用验证。', leadName: '吴涛' },
        ],
      },
      durationMonths: 36,
      budgetMode: 'LUMP_SUM',
      lumpSumFen: 3300n * WAN,
      currentVersionNo: 1,
      submittedAt: new Date(),
      funding: {
        create: [
          { source: 'FISCAL', amountFen: 3000n * WAN },
          { source: 'INSTITUTION', amountFen: 300n * WAN },
        ],
      },
      yearBudgets: {
        create: [
          { year: call.year, source: 'FISCAL', amountFen: 800n * WAN },
          { year: call.year + 1, source: 'FISCAL', amountFen: 1000n * WAN },
          { year: call.year + 2, source: 'FISCAL', amountFen: 1200n * WAN },
        ],
      },
      partners: {
        create: [
          { institutionId: partner.id, ordinal: 1, role: 'CO_BUILDER', contribution: '共建类脑芯片测试平台' },
          { institutionId: enterprise.id, ordinal: 2, role: 'ENTERPRISE_PARTNER', contribution: '应用场景与工程化' },
        ],
      },
    },
    select: { id: true },
  });
  const now = new Date();
  const decision = await client.decision.create({
    data: {
      applicationId: application.id,
      callId: call.id,
      outcome: 'FUND',
      awardedFiscalFen: 3000n * WAN,
      reasons: '专家一致认为建设目标明确、依托条件良好，同意支持建设。',
      status: 'FINAL',
      decidedById: staff.userId,
      publishedAt: now,
      finalAt: now,
    },
    select: { id: true },
  });
  const { projectId } = await client.$transaction((tx) => createProjectFromDecision(tx, decision.id, now));
  const taskBook = await client.taskBook.findFirstOrThrow({ where: { projectId }, select: { id: true } });
  await client.projectKpi.create({
    data: {
      taskBookId: taskBook.id,
      ordinal: 1,
      name: '仪器设备开放共享',
      unit: '机时/年',
      comparator: 'GTE',
      targetValue: '2000',
      acceptanceMethod: '开放共享记录',
    },
  });
  for (const actor of [director, office, staff]) {
    const { version } = await client.taskBook.findUniqueOrThrow({
      where: { id: taskBook.id },
      select: { version: true },
    });
    await confirmTaskBook(client, actor, { projectId, version });
  }
  const { version } = await client.project.findUniqueOrThrow({ where: { id: projectId }, select: { version: true } });
  await activateProject(client, staff, { projectId, version });
  const platform = await client.platform.findUniqueOrThrow({
    where: { projectId },
    select: { id: true, establishedOn: true },
  });
  const established = platform.establishedOn.toISOString().slice(0, 10);
  const manager = await appointManager(client, office, {
    platformId: platform.id,
    email: 'young@demo.jingyan.cn',
    appointedOn: established,
    remit: '脉冲神经网络方向的中心项目',
  });
  const young = await demoActor(client, 'young@demo.jingyan.cn', 'RESEARCHER');
  await savePlatformProject(client, young, {
    platformId: platform.id,
    id: null,
    projectManagerId: manager.id,
    title: '面向类脑芯片的脉冲神经网络训练框架',
    leadName: '周敏',
    budgetWan: 150n * WAN,
    startsOn: established,
    endsOn: `${Number(established.slice(0, 4)) + 1}-12-31`,
    summary: '开发可在类脑芯片上部署的训练与推理工具链。',
  });
  return { created: true };
}
