import { beforeAll, describe, expect, it } from 'vitest';
import { ZExpertProfile, ZOwnExpertProfile } from '@/lib/validation/review';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  getOwnExpertProfile,
  listExpertCandidates,
  listExperts,
  saveExpertProfile,
  updateOwnExpertProfile,
} from '@/server/review/expert-pool';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 专家库: staff keep the profile (optimistic, audited, codes checked against the standard); an expert keeps only
// their languages, keywords, name variants and availability.

let staff: Actor;
let expert: Actor;
let intl: Actor;

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  expert = await actorFor(DEMO.expert, 'EXPERT');
  intl = await actorFor(DEMO.intlExpert);
});

const profileInput = (userId: string, overrides: Record<string, unknown> = {}) =>
  ZExpertProfile.parse({
    userId,
    country: 'de',
    languages: ['en'],
    nameVariants: '',
    disciplineCodes: '520, 52020',
    keywords: 'neuromorphic computing, edge AI',
    loadLimitPerCall: 6,
    active: true,
    ...overrides,
  });

describe('expert pool', () => {
  it('has the demo experts, filterable by discipline (a first-level code finds second-level experts) and origin', async () => {
    const all = await listExperts(db(), staff, {});
    // The seed's pool: 刘洋, Anna Schmidt, two domestic computing experts (expert2, expert3) and the three
    // electronics experts of the horse-race round (expert4–6).
    expect(all.map((e) => e.user.email).sort()).toEqual(
      [
        DEMO.expert,
        DEMO.intlExpert,
        'expert2@demo.jingyan.cn',
        'expert3@demo.jingyan.cn',
        'expert4@demo.jingyan.cn',
        'expert5@demo.jingyan.cn',
        'expert6@demo.jingyan.cn',
      ].sort(),
    );
    expect((await listExperts(db(), staff, { discipline: '510' })).map((e) => e.user.email).sort()).toEqual(
      ['expert4@demo.jingyan.cn', 'expert5@demo.jingyan.cn', 'expert6@demo.jingyan.cn'].sort(),
    );
    const computing = await listExperts(db(), staff, { discipline: '52020' });
    // 52020 also finds experts filed under its first-level discipline 520 (expert3).
    expect(computing.map((e) => e.user.email).sort()).toEqual(
      [DEMO.intlExpert, 'expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn'].sort(),
    );
    expect((await listExperts(db(), staff, { international: 'yes' })).map((e) => e.user.email)).toEqual([
      DEMO.intlExpert,
    ]);
    expect((await listExperts(db(), staff, { discipline: '430' })).map((e) => e.user.email)).toEqual([DEMO.expert]);
  });

  it('lets staff edit a profile against the version they loaded, checks the codes, and audits', async () => {
    const current = await db().expertProfile.findUniqueOrThrow({ where: { userId: intl.userId } });
    const saved = await saveExpertProfile(
      db(),
      staff,
      profileInput(intl.userId, { version: current.version, loadLimitPerCall: 4 }),
    );
    expect(saved.version).toBe(current.version + 1);
    const row = await db().expertProfile.findUniqueOrThrow({ where: { userId: intl.userId } });
    expect(row).toMatchObject({ country: 'DE', loadLimitPerCall: 4, disciplineCodes: ['520', '52020'] });
    expect(await auditActions(intl.userId)).toContain('expert_profile.update');

    // The same old version again: someone saved in between.
    await expectDomainError(
      saveExpertProfile(db(), staff, profileInput(intl.userId, { version: current.version })),
      'STALE',
    );
    // A code the standard lacks is named on its field; nothing changes.
    const unknown = await expectDomainError(
      saveExpertProfile(db(), staff, profileInput(intl.userId, { version: saved.version, disciplineCodes: '52098' })),
      'VALIDATION',
    );
    expect(unknown.fieldErrors).toEqual({ disciplineCodes: 'disciplineUnknown' });
    // Only a person holding the expert role can be in the pool.
    const notExpert = await expectDomainError(saveExpertProfile(db(), staff, profileInput(staff.userId)), 'VALIDATION');
    expect(notExpert.fieldErrors).toEqual({ userId: 'notAnExpert' });
    expect(await db().expertProfile.count({ where: { userId: staff.userId } })).toBe(0);
  });

  it("keeps an expert's former institutions, linked to the directory where the name is known, replaced as a whole", async () => {
    const liu = await db().user.findUniqueOrThrow({ where: { email: DEMO.expert } });
    const current = await db().expertProfile.findUniqueOrThrow({ where: { userId: liu.id } });
    const input = (version: number, affiliations: unknown[]) =>
      profileInput(liu.id, { version, country: 'CN', languages: ['zh'], disciplineCodes: '430', affiliations });
    // An end before the start is named on that row's field.
    const backwards = ZExpertProfile.safeParse({
      userId: liu.id,
      country: 'CN',
      languages: ['zh'],
      loadLimitPerCall: 6,
      active: true,
      affiliations: [{ institutionName: '复旦大学', fromDate: '2020-09-01', toDate: '2019-07-01' }],
    });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['affiliations', 0, 'toDate'], message: 'maxBelowMin' });

    await saveExpertProfile(
      db(),
      staff,
      input(current.version, [
        { institutionName: '北京工业大学', fromDate: '2015-09-01', toDate: '2024-06-30' },
        { institutionName: '复旦大学', fromDate: '2010-09-01', toDate: '2015-07-01' },
      ]),
    );
    const rows = await db().expertAffiliationHistory.findMany({
      where: { expertUserId: liu.id },
      orderBy: { fromDate: 'asc' },
    });
    expect(rows.map((r) => [r.institutionName, r.institutionId !== null])).toEqual([
      ['复旦大学', false],
      ['北京工业大学', true],
    ]);
    expect((await listExperts(db(), staff, {})).find((e) => e.userId === liu.id)?.affiliations).toHaveLength(2);
    // Saving again with one row leaves one row.
    await saveExpertProfile(
      db(),
      staff,
      input(current.version + 1, [{ institutionName: '复旦大学', fromDate: '2010-09-01', toDate: '' }]),
    );
    expect(await db().expertAffiliationHistory.count({ where: { expertUserId: liu.id } })).toBe(1);
  });

  it('refuses an availability window that ends before it starts, naming the field', () => {
    const r = ZOwnExpertProfile.safeParse({
      version: 1,
      languages: ['zh'],
      keywords: '',
      nameVariants: '',
      unavailableFrom: '2027-03-10',
      unavailableUntil: '2027-03-01',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['unavailableUntil'], message: 'maxBelowMin' });
  });

  it('lets an expert keep their own availability and keywords, but not what decides assignments', async () => {
    const own = await getOwnExpertProfile(db(), expert);
    const saved = await updateOwnExpertProfile(
      db(),
      expert,
      ZOwnExpertProfile.parse({
        version: own.version,
        languages: ['zh', 'en'],
        keywords: '高熵合金, 界面工程',
        nameVariants: 'Liu Yang',
        unavailableFrom: '2027-03-01',
        unavailableUntil: '2027-03-15',
      }),
    );
    const row = await db().expertProfile.findUniqueOrThrow({ where: { userId: expert.userId } });
    expect(row.version).toBe(saved.version);
    expect(row.keywords).toEqual(['高熵合金', '界面工程']);
    expect(row.unavailableUntil?.toISOString().slice(0, 10)).toBe('2027-03-15');
    // Discipline codes and the load limit are untouched (the schema does not even carry them).
    expect(row.disciplineCodes).toEqual(own.disciplineCodes);
    expect(row.loadLimitPerCall).toBe(own.loadLimitPerCall);
    await expectDomainError(
      updateOwnExpertProfile(db(), expert, { ...ZOwnExpertProfile.parse({ version: own.version, languages: ['zh'] }) }),
      'STALE',
    );
    expect(await auditActions(expert.userId)).toContain('expert_profile.update_own');
  });

  it('offers staff exactly the active EXPERT-role holders not yet in the pool, until they are added', async () => {
    const make = (email: string, status: 'ACTIVE' | 'DISABLED') =>
      db().user.create({
        data: { email, name: email, passwordHash: 'x', status, roles: { create: [{ role: 'EXPERT' }] } },
        select: { id: true },
      });
    const fresh = await make('new.expert@example.org', 'ACTIVE');
    await make('gone.expert@example.org', 'DISABLED');
    const candidates = await listExpertCandidates(db(), staff);
    // Not the demo experts (already in the pool), not staff (no EXPERT role), not a disabled account.
    expect(candidates).toEqual([{ id: fresh.id, name: 'new.expert@example.org', email: 'new.expert@example.org' }]);

    await saveExpertProfile(db(), staff, profileInput(fresh.id, { country: 'CN', languages: ['zh'] }));
    expect(await listExpertCandidates(db(), staff)).toEqual([]);
    const listed = await listExperts(db(), staff, { international: 'no' });
    expect(listed.find((e) => e.userId === fresh.id)).toMatchObject({
      country: 'CN',
      reviewsSubmitted: 0,
      reviewsLate: 0,
      invitationsDeclined: 0,
      qualityRatingAvg: null,
      version: 1,
    });
    await expectDomainError(listExpertCandidates(db(), expert), 'FORBIDDEN');
  });
});
