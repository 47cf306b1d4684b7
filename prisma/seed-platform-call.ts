// Demo: an open call of the 北京实验室（基础研究类） program (LAB_BASIC), so the office demo account
// (office@demo.jingyan.cn, 北京工业大学) can apply for a platform (issue 7). Created through the same server modules
// the staff UI calls (validation, the overlap and quota checks, audit). Idempotent: nothing is done while a call of
// the program is already accepting applications.
import { defaultProgramRules, ZProgramRules } from '@/domain/program/rules';
import { toBeijingInput } from '@/domain/time';
import { ZCallTransition, ZCreateCall, ZSetQuotas } from '@/lib/validation/calls';
import { createCall, setCallQuotas, transitionCall } from '@/server/calls/calls';
import type { Db } from '@/server/db';
import { demoActor } from './seed-programs';

/** A Beijing wall-clock time `days` from `now` at `hour`:00, as the call form takes it. */
function beijingAt(now: Date, days: number, hour: number): Date {
  const shifted = new Date(now.getTime() + days * 86_400_000 + 8 * 3600_000);
  shifted.setUTCHours(hour, 0, 0, 0);
  return new Date(shifted.getTime() - 8 * 3600_000);
}

export async function seedPlatformCall(client: Db, now = new Date()): Promise<{ created: boolean }> {
  const program = await client.program.findFirst({ where: { kind: 'LAB_BASIC' }, select: { id: true, name: true } });
  if (!program) return { created: false };
  const accepting = await client.call.count({
    where: { programId: program.id, status: 'OPEN', opensAt: { lte: now }, closesAt: { gt: now } },
  });
  if (accepting > 0) return { created: false };

  const staff = await demoActor(client, 'staff@demo.jingyan.cn', 'COMMISSION_STAFF');
  // Open since yesterday morning, but never overlapping an earlier call of the program still flagged OPEN.
  const lastClose = await client.call.findFirst({
    where: { programId: program.id, status: 'OPEN' },
    orderBy: { closesAt: 'desc' },
    select: { closesAt: true },
  });
  const yesterday = beijingAt(now, -1, 9);
  const opensAt = lastClose && lastClose.closesAt > yesterday ? lastClose.closesAt : yesterday;
  const closesAt = beijingAt(now, 120, 17);
  const year = Number(toBeijingInput(now).slice(0, 4));
  const call = await createCall(
    client,
    staff,
    ZCreateCall.parse({
      programId: program.id,
      year,
      title: `${year}年度${program.name}申报指南（演示）`,
      titleEn: `${year} Beijing Laboratories (basic research): Call for Applications (demo)`,
      guide:
        '## 一、申报说明\n\n本指南为**演示数据**，用于展示平台类申报流程：由依托单位科研管理部门以单位名义申报，' +
        '指定平台主任，填写建设方案、研究方向、共建单位与分年度、分来源预算，提交即视为单位推荐。\n\n' +
        '## 二、申报条件\n\n1. 依托单位为市属高校；\n2. 平台主任为依托单位在职科研人员，信用记录良好；\n' +
        '3. 每个单位限报数量以本批次限额为准。',
      opensAt: toBeijingInput(opensAt),
      closesAt: toBeijingInput(closesAt),
      institutionReviewClosesAt: toBeijingInput(beijingAt(now, 127, 17)),
      plannedAwards: 3,
      fiscalEnvelopeWan: '6000',
    }),
  );
  // Places for the institutions the program's current rules admit (the rules publishing pins).
  const { currentRules } = await client.program.findUniqueOrThrow({
    where: { id: program.id },
    select: { currentRules: { select: { rules: true } } },
  });
  const rules = ZProgramRules.parse(currentRules?.rules ?? defaultProgramRules('LAB_BASIC'));
  const institutions = await client.institution.findMany({
    where: { active: true, kind: { in: [...rules.institutionKinds] }, affiliation: { in: [...rules.affiliations] } },
    select: { id: true },
  });
  if (institutions.length) {
    await setCallQuotas(
      client,
      staff,
      ZSetQuotas.parse({
        callId: call.id,
        version: 1,
        quotas: institutions.map((i) => ({ institutionId: i.id, maxRecommended: 2 })),
      }),
    );
  }
  const { version } = await client.call.findUniqueOrThrow({ where: { id: call.id }, select: { version: true } });
  await transitionCall(client, staff, ZCallTransition.parse({ id: call.id, version, transition: 'publish' }), now);
  return { created: true };
}
