import { beforeAll, describe, expect, it } from 'vitest';
import { defaultProgramRules, PROGRAM_KINDS } from '@/domain/program/rules';
import { ZCreateCall, ZUpdateCall } from '@/lib/validation/calls';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  createCall,
  extendCallDeadline,
  listQuotasForOffice,
  setCallQuotas,
  transitionCall,
  updateCall,
} from '@/server/calls/calls';
import { getPublicCall, listPublicCalls } from '@/server/calls/public-calls';
import { createProgram, getProgram, saveProgramRules } from '@/server/programs/programs';
import { horseRaceChallenge } from './decision-fixtures';
import { actorFor, auditActions, DEMO, expectDomainError, institutionId, seed } from './helpers';

let staff: Actor;
const day = 86_400_000;
const beijing = (offsetDays: number, hour = 17) => {
  const d = new Date(Date.now() + offsetDays * day + 8 * 3600_000);
  d.setUTCHours(hour, 0, 0, 0);
  return new Date(d.getTime() - 8 * 3600_000).toISOString().slice(0, 19).replace('Z', '');
};
/** Beijing wall-clock string for a Date (what a datetime-local input sends). */
const wall = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
});

async function newProgram(code: string, kind: 'GENERAL' | 'EXCELLENT_YOUNG' | 'KEY_CHALLENGE' = 'GENERAL') {
  return createProgram(db(), staff, {
    code,
    name: `测试计划 ${code}`,
    nameEn: `Test ${code}`,
    kind,
    description: '',
    descriptionEn: '',
  });
}

function callInput(programId: string, openDays = -1, closeDays = 30) {
  return ZCreateCall.parse({
    programId,
    year: 2027,
    title: '测试申报',
    opensAt: wall(new Date(Date.now() + openDays * day)),
    closesAt: beijing(closeDays),
    plannedAwards: 2,
  });
}

describe('programs and their rules', () => {
  it('are created with the defaults of their kind as version 1, and saving rules makes version 2', async () => {
    const { id } = await newProgram('T-RULES', 'EXCELLENT_YOUNG');
    const program = await getProgram(db(), staff, id);
    expect(program.currentRules?.number).toBe(1);
    expect(program.rules?.age).toEqual({ maxExclusive: 45 });

    const rules = { ...defaultProgramRules('EXCELLENT_YOUNG'), age: { maxExclusive: 40 } };
    await expect(saveProgramRules(db(), staff, { programId: id, currentVersion: 1, rules })).resolves.toEqual({
      number: 2,
      changed: ['age'],
    });
    // An editor loaded at version 1 cannot overwrite version 2.
    await expectDomainError(saveProgramRules(db(), staff, { programId: id, currentVersion: 1, rules }), 'STALE');
    const after = await getProgram(db(), staff, id);
    expect(after.ruleVersions.map((v) => v.number)).toEqual([2, 1]);
    expect(await auditActions(id)).toEqual(['program.create', 'program.save_rules']);
  });

  it('refuse a duplicate code on its field', async () => {
    await newProgram('T-DUP');
    const e = await expectDomainError(newProgram('T-DUP'), 'CONFLICT');
    expect(e.fieldErrors).toEqual({ code: 'programCodeTaken' });
  });
});

describe('calls', () => {
  it('are published with the current rules frozen; later rule edits do not reach them', async () => {
    const { id: programId } = await newProgram('T-FREEZE', 'EXCELLENT_YOUNG');
    const call = await createCall(db(), staff, callInput(programId));
    await setCallQuotas(db(), staff, {
      callId: call.id,
      version: 1,
      quotas: [{ institutionId: await institutionId('北京工业大学'), maxRecommended: 3 }],
    });
    await transitionCall(db(), staff, { id: call.id, version: 2, transition: 'publish' });
    await saveProgramRules(db(), staff, {
      programId,
      currentVersion: 1,
      rules: { ...defaultProgramRules('EXCELLENT_YOUNG'), age: { maxExclusive: 40 } },
    });
    const published = await getPublicCall(db(), call.id);
    expect(published?.rulesVersion).toBe(1);
    expect(published?.rules?.age).toEqual({ maxExclusive: 45 });
    expect(published?.phase).toBe('OPEN');
    expect(await auditActions(call.id)).toEqual(['call.create', 'call.set_quotas', 'call.publish']);
  });

  it('refuse a closing time before the opening time, naming the field, and save nothing', async () => {
    const { id: programId } = await newProgram('T-BADWIN');
    const before = await db().call.count();
    const e = await expectDomainError(
      createCall(
        db(),
        staff,
        ZCreateCall.parse({ programId, year: 2027, title: '坏窗口', opensAt: beijing(10), closesAt: beijing(5) }),
      ),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ closesAt: 'closeBeforeOpen' });
    expect(await db().call.count()).toBe(before);
  });

  it('refuse publishing an overlapping second call of the same program, and publishing twice', async () => {
    const { id: programId } = await newProgram('T-OVERLAP');
    const bjut = await institutionId('北京工业大学');
    const first = await createCall(db(), staff, callInput(programId));
    await setCallQuotas(db(), staff, {
      callId: first.id,
      version: 1,
      quotas: [{ institutionId: bjut, maxRecommended: 2 }],
    });
    await transitionCall(db(), staff, { id: first.id, version: 2, transition: 'publish' });
    await expectDomainError(
      transitionCall(db(), staff, { id: first.id, version: 3, transition: 'publish' }),
      'CONFLICT',
    );

    const second = await createCall(db(), staff, callInput(programId, 5, 40));
    await setCallQuotas(db(), staff, {
      callId: second.id,
      version: 1,
      quotas: [{ institutionId: bjut, maxRecommended: 2 }],
    });
    const e = await expectDomainError(
      transitionCall(db(), staff, { id: second.id, version: 2, transition: 'publish' }),
      'CONFLICT',
    );
    expect(e.messageKey).toBe('callWindowOverlaps');
    expect((await db().call.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('DRAFT');
  });

  it('check quotas: eligibility, sums, and a field error per row', async () => {
    const { id: programId } = await newProgram('T-QUOTA'); // GENERAL: municipal universities only
    const call = await createCall(db(), staff, callInput(programId));
    const buaa = await institutionId('北京航空航天大学'); // 中央在京
    const e = await expectDomainError(
      setCallQuotas(db(), staff, { callId: call.id, version: 1, quotas: [{ institutionId: buaa, maxRecommended: 5 }] }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ 'quotas.0.maxRecommended': 'quotaIneligible' });
    const short = await expectDomainError(
      setCallQuotas(db(), staff, {
        callId: call.id,
        version: 1,
        quotas: [{ institutionId: await institutionId('北京联合大学'), maxRecommended: 1 }],
      }),
      'VALIDATION',
    );
    expect(short.fieldErrors).toEqual({ quotas: 'quotaBelowAwards?total=1&awards=2' });
    expect(await db().institutionQuota.count({ where: { callId: call.id } })).toBe(0);
  });

  it('keep their deadline to the second: no early close; extensions only later; drafts only are edited', async () => {
    const { id: programId } = await newProgram('T-CLOSE', 'KEY_CHALLENGE');
    const call = await createCall(db(), staff, callInput(programId));
    await transitionCall(db(), staff, { id: call.id, version: 1, transition: 'publish' });
    const row = await db().call.findUniqueOrThrow({ where: { id: call.id } });
    const early = await expectDomainError(
      transitionCall(
        db(),
        staff,
        { id: call.id, version: 2, transition: 'close' },
        new Date(row.closesAt.getTime() - 1000),
      ),
      'CONFLICT',
    );
    expect(early.messageKey).toBe('callStillOpen');
    // A challenge published into the call closes with it (and is audited as following the call).
    const challenge = await horseRaceChallenge(call.id);
    await db().challenge.update({ where: { id: challenge.id }, data: { status: 'PUBLISHED' } });
    await expect(
      transitionCall(db(), staff, { id: call.id, version: 2, transition: 'close' }, row.closesAt),
    ).resolves.toMatchObject({ status: 'CLOSED' });
    expect((await db().challenge.findUniqueOrThrow({ where: { id: challenge.id } })).status).toBe('CLOSED');
    expect(await auditActions(challenge.id)).toEqual(['challenge.close']);
    // Then review, decision (no application awaits one) and the archive, each a state change with its audit event.
    const later = new Date(row.closesAt.getTime() + day);
    await transitionCall(db(), staff, { id: call.id, version: 3, transition: 'start_review' }, later);
    await transitionCall(db(), staff, { id: call.id, version: 4, transition: 'decide' }, later);
    await expectDomainError(
      transitionCall(db(), staff, { id: call.id, version: 5, transition: 'start_review' }, later),
      'CONFLICT',
    );
    await expect(
      transitionCall(db(), staff, { id: call.id, version: 5, transition: 'archive' }, later),
    ).resolves.toMatchObject({ status: 'ARCHIVED' });
    expect(await auditActions(call.id)).toEqual([
      'call.create',
      'call.publish',
      'call.close',
      'call.start_review',
      'call.decide',
      'call.archive',
    ]);

    const other = await createCall(db(), staff, callInput(programId, 60, 90));
    const { closesAt, ...draft } = ZUpdateCall.parse({
      id: other.id,
      version: 1,
      year: 2027,
      title: '改过的标题',
      opensAt: beijing(60, 9),
      closesAt: beijing(90),
    });
    await updateCall(db(), staff, { ...draft, closesAt });
    await transitionCall(db(), staff, { id: other.id, version: 2, transition: 'publish' });
    await expectDomainError(updateCall(db(), staff, { ...draft, version: 3, closesAt }), 'CONFLICT');
    const sooner = await expectDomainError(
      extendCallDeadline(db(), staff, { id: other.id, version: 3, closesAt: new Date(closesAt.getTime() - day) }),
      'VALIDATION',
    );
    expect(sooner.fieldErrors).toEqual({ closesAt: 'extensionNotLater' });
    await extendCallDeadline(db(), staff, { id: other.id, version: 3, closesAt: new Date(closesAt.getTime() + day) });
    expect(await auditActions(other.id)).toEqual([
      'call.create',
      'call.update',
      'call.publish',
      'call.extend_deadline',
    ]);
  });

  it('are public once published, never as drafts', async () => {
    const { id: programId } = await newProgram('T-PUBLIC', 'KEY_CHALLENGE');
    const draft = await createCall(db(), staff, callInput(programId, 100, 130));
    expect((await listPublicCalls(db())).map((c) => c.id)).not.toContain(draft.id);
    expect(await getPublicCall(db(), draft.id)).toBeNull();
    await transitionCall(db(), staff, { id: draft.id, version: 1, transition: 'publish' });
    const listed = (await listPublicCalls(db())).find((c) => c.id === draft.id);
    expect(listed?.phase).toBe('UPCOMING');
  });
});

describe('the demo and the offices', () => {
  it('has an open call for every program kind, made through the same functions as the pages', async () => {
    for (const kind of PROGRAM_KINDS) {
      const open = await db().call.count({ where: { status: 'OPEN', program: { kind } } });
      expect(open, kind).toBeGreaterThanOrEqual(1);
    }
    const created = await db().auditEvent.count({ where: { action: 'call.publish' } });
    expect(created).toBeGreaterThanOrEqual(PROGRAM_KINDS.length);
  });

  it("shows a research office its own quota on each call, and no other institution's", async () => {
    const office = await actorFor(DEMO.office);
    const { id: programId } = await newProgram('T-OFFICEQ');
    const call = await createCall(db(), staff, callInput(programId));
    const mine = office.institutionId!;
    const other = await db().institution.findFirstOrThrow({
      where: { id: { not: mine }, kind: 'RESEARCH_UNIVERSITY' },
      select: { id: true },
    });
    await setCallQuotas(db(), staff, {
      callId: call.id,
      version: 1,
      quotas: [
        { institutionId: mine, maxRecommended: 1 },
        { institutionId: other.id, maxRecommended: 1 },
      ],
    });
    await transitionCall(db(), staff, { id: call.id, version: 2, transition: 'publish' });
    const seen = (await listQuotasForOffice(db(), office)).filter((q) => q.call.id === call.id);
    expect(seen.map((q) => q.maxRecommended)).toEqual([1]);
    const rows = await db().institutionQuota.findMany({ where: { callId: call.id } });
    expect(rows).toHaveLength(2);
  });
});

describe('stored rules', () => {
  it('every stored rules version still parses with the current schema (ADR 0008: the schema only grows compatibly)', async () => {
    const versions = await db().programRuleVersion.findMany({ select: { id: true, rules: true } });
    expect(versions.length).toBeGreaterThanOrEqual(11);
    const { ZProgramRules } = await import('@/domain/program/rules');
    for (const v of versions) expect(ZProgramRules.safeParse(v.rules).success, v.id).toBe(true);
  });
});
