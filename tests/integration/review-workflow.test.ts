import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZDecideNonConsensus, ZMatrixQuery, ZProposeAssignmentRun, ZSubmitReview } from '@/lib/validation/review';
import type { Actor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { getDashboard } from '@/server/dashboard/get-dashboard';
import { db } from '@/server/db';
import { readFile } from '@/server/files/files';
import { fileStore } from '@/server/files/store';
import { decideAssignmentRun, proposeAssignmentRun } from '@/server/review/assignment-runs';
import {
  getAssignmentForExpert,
  listOwnAssignments,
  readAssignmentAttachment,
  respondToReviewInvitation,
  saveReviewDraft,
  submitReview,
} from '@/server/review/expert-work';
import {
  cancelAssignment,
  computeCallScores,
  decideNonConsensus,
  dismissConflict,
  getCallReview,
  getNonConsensus,
  getReviewMatrix,
  listCandidates,
  listNonConsensus,
  listReviewCalls,
  manualAssign,
  markOverdueAssignments,
  rateReview,
  remindAssignment,
} from '@/server/review/staff-review';
import { seedDemo } from '../../prisma/seed';
import { actorFor, auditActions, DEMO, DEMO_PASSWORD, expectDomainError } from './helpers';

// The whole of mail review on the demo call's one application past the formal check (周敏's spiking-network
// proposal): the solver invites the three pool experts who fit it (Anna Schmidt, 王磊, 黄丽); they answer, score and
// read each other; staff aggregate, see the non-consensus flag and route it. Every refusal is the pure guard's code.

const DUE = '2040-03-01T17:00';
let staff: Actor;
let anna: Actor;
let wang: Actor;
let huang: Actor;
let liu: Actor;
let app: { id: string; callId: string };
const assignmentOf = async (expert: Actor) =>
  db().reviewAssignment.findFirstOrThrow({ where: { applicationId: app.id, expertUserId: expert.userId } });

const complete = (assignmentId: string, version: number, overall: number, language: 'zh' | 'en') =>
  ZSubmitReview.parse({
    assignmentId,
    version,
    scores: { originality: overall, feasibility: overall, team: overall, impact: overall },
    recommendation: overall >= 8 ? 'PRIORITY' : overall >= 5 ? 'FUNDABLE' : 'NOT_FUNDABLE',
    confidence: 'HIGH',
    commentToApplicant:
      language === 'en'
        ? 'The proposal addresses energy-efficient training of spiking networks with a clear plan. '.repeat(4)
        : '研究问题明确，技术路线清楚，团队基础扎实，预期成果对边缘智能有实际意义。'.repeat(4),
    confidentialComment: language === 'en' ? 'Strong team; budget is reasonable.' : '',
    language,
    nonConsensusSupport: overall >= 8,
    nonConsensusReason:
      overall >= 8 ? 'Original local learning rule; high risk but could change on-device training entirely.' : '',
    conflict: 'NONE',
  });

async function poolExpert(email: string, name: string) {
  await db().user.create({
    data: {
      email,
      name,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: { create: [{ role: 'EXPERT' }] },
      expertProfile: { create: { institutionName: '复旦大学', disciplineCodes: ['110'], languages: ['zh'] } },
    },
  });
  return actorFor(email, 'EXPERT');
}

beforeAll(async () => {
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
  anna = await actorFor(DEMO.intlExpert);
  wang = await actorFor('expert2@demo.jingyan.cn');
  huang = await actorFor('expert3@demo.jingyan.cn');
  liu = await actorFor(DEMO.expert, 'EXPERT');
  app = await db().application.findFirstOrThrow({
    where: { status: 'FORMAL_CHECK_PASSED' },
    select: { id: true, callId: true },
  });
  const run = await proposeAssignmentRun(db(), staff, ZProposeAssignmentRun.parse({ callId: app.callId, dueAt: DUE }));
  await decideAssignmentRun(db(), staff, { runId: run.runId, decision: 'COMMIT' });
});

describe('invitations', () => {
  it('invites the three fitting experts and puts the application under review', async () => {
    const rows = await db().reviewAssignment.findMany({
      where: { applicationId: app.id },
      include: { invitations: true },
    });
    expect(new Set(rows.map((r) => r.expertUserId))).toEqual(new Set([anna.userId, wang.userId, huang.userId]));
    expect(rows.every((r) => r.status === 'INVITED' && r.invitations.length === 1)).toBe(true);
    expect((await db().application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('UNDER_REVIEW');
    expect(await auditActions(app.id)).toContain('application.start_review');

    const list = await listOwnAssignments(db(), anna);
    expect(list).toHaveLength(1);
    expect(await getDashboard(db(), anna)).toMatchObject({ kind: 'EXPERT', invited: 1, toSubmit: 0, overdue: 0 });
    expect(list[0]).toMatchObject({ status: 'INVITED', seenAt: null });
    // Opening it marks the invitation seen (NIH's "seen" receipt for staff).
    await getAssignmentForExpert(db(), anna, list[0]!.id);
    expect((await listOwnAssignments(db(), anna))[0]!.seenAt).toBeInstanceOf(Date);
    // The call is still open in the demo, but it has an application in review: it is on the review hub.
    expect((await listReviewCalls(db(), staff)).map((c) => c.id)).toContain(app.callId);
    const staffView = await listCandidates(db(), staff, app.id);
    expect(staffView.assignments.find((a) => a.expertName === 'Anna Schmidt')).toMatchObject({ seen: true });
  });

  it('an unassigned expert finds nothing: not the assignment, not its files, not the list', async () => {
    const own = await assignmentOf(anna);
    // A PDF as a word processor writes it: the author's name in its metadata.
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.setAuthor('Zhou Min');
    pdf.setTitle('Zhou Min — research basis');
    const bytes = Buffer.from(await pdf.save());
    const file = await db().storedFile.create({
      data: {
        storageKey: `test/${randomUUID()}`,
        filename: '周敏-研究基础.pdf',
        mimeType: 'application/pdf',
        sizeBytes: bytes.length,
        sha256: 'x'.repeat(64),
        ownerId: (await db().application.findUniqueOrThrow({ where: { id: app.id } })).applicantId,
        purpose: 'APPLICATION_ATTACHMENT',
      },
    });
    await fileStore().put(file.storageKey, bytes);
    const version = await db().applicationVersion.findFirstOrThrow({
      where: { applicationId: app.id },
      orderBy: { number: 'desc' },
    });
    const snapshot = version.snapshot as { attachments: unknown[] };
    snapshot.attachments = [{ slotKey: 'proof', fileId: file.id, filename: file.filename, sha256: file.sha256 }];
    await db().applicationVersion.update({
      where: { id: version.id },
      data: { snapshot: JSON.parse(JSON.stringify(snapshot)) },
    });

    expect((await readAssignmentAttachment(db(), anna, own.id, 'proof')).bytes.equals(bytes)).toBe(true);
    expect(await listOwnAssignments(db(), liu)).toEqual([]);
    await expectDomainError(getAssignmentForExpert(db(), liu, own.id), 'NOT_FOUND');
    await expectDomainError(readAssignmentAttachment(db(), liu, own.id, 'proof'), 'NOT_FOUND');
    await expectDomainError(readFile(db(), liu, file.id), 'NOT_FOUND');
    await expectDomainError(readFile(db(), anna, file.id), 'NOT_FOUND'); // experts fetch by slot, never by file id
  });

  it('a conflicted expert finds nothing while the conflict stands; staff may dismiss only name-based findings', async () => {
    const own = await assignmentOf(huang);
    const coAuthor = await db().detectedConflict.create({
      data: {
        applicationId: app.id,
        expertUserId: huang.userId,
        reason: 'CO_AUTHOR',
        detail: { works: [] },
        detectedAt: new Date(),
      },
    });
    await expectDomainError(getAssignmentForExpert(db(), huang, own.id), 'NOT_FOUND');
    await expectDomainError(readAssignmentAttachment(db(), huang, own.id, 'proof'), 'NOT_FOUND');
    expect(await listOwnAssignments(db(), huang)).toEqual([]);
    // Staff see it among the candidates' reasons, and cannot invite the pair by hand either.
    const marked = await db().detectedConflict.create({
      data: {
        applicationId: app.id,
        expertUserId: liu.userId,
        reason: 'STAFF_MARKED',
        detail: {},
        detectedAt: new Date(),
      },
    });
    const refused = await expectDomainError(
      manualAssign(db(), staff, {
        applicationId: app.id,
        expertUserId: liu.userId,
        dueAt: new Date(`${DUE}:00+08:00`),
      }),
      'VALIDATION',
    );
    expect(refused.messageKey).toBe('conflictOfInterest');
    expect(
      (await expectDomainError(dismissConflict(db(), staff, { conflictId: marked.id, reason: '核实' }), 'CONFLICT'))
        .messageKey,
    ).toBe('conflictNotDismissible');
    await db().detectedConflict.delete({ where: { id: marked.id } });

    await dismissConflict(db(), staff, { conflictId: coAuthor.id, reason: '同名不同人，已核实论文作者单位' });
    expect((await getAssignmentForExpert(db(), huang, own.id)).status).toBe('INVITED');
    expect(await auditActions(coAuthor.id)).toEqual(['conflict.dismiss']);
  });

  it('accepting needs the declaration; declaring a conflict withdraws the expert for good; declining needs a reason', async () => {
    // 刘洋 by hand (manual assignment works without affinity), then he declines with a suggestion.
    const invited = await manualAssign(db(), staff, {
      applicationId: app.id,
      expertUserId: liu.userId,
      dueAt: new Date(`${DUE}:00+08:00`),
    });
    await expectDomainError(
      manualAssign(db(), staff, {
        applicationId: app.id,
        expertUserId: liu.userId,
        dueAt: new Date(`${DUE}:00+08:00`),
      }),
      'CONFLICT',
    );
    await respondToReviewInvitation(db(), liu, {
      assignmentId: invited.id,
      response: 'DECLINE',
      declineReason: '研究方向不符',
      suggestedExpert: '清华大学 某某教授',
    });
    const declined = await db().reviewAssignment.findUniqueOrThrow({
      where: { id: invited.id },
      include: { invitations: true },
    });
    expect(declined.status).toBe('DECLINED');
    expect(declined.invitations[0]).toMatchObject({ response: 'DECLINED', suggestedExpert: '清华大学 某某教授' });
    const liuProfile = await db().expertProfile.findUniqueOrThrow({ where: { userId: liu.userId } });
    expect(liuProfile.invitationsDeclined).toBe(1);
    expect(liuProfile.creditScore).not.toBeNull();

    // A fourth expert declares a conflict when asked to accept.
    const zhou = await poolExpert('declares@test.jingyan.cn', '钱学');
    const second = await manualAssign(db(), staff, {
      applicationId: app.id,
      expertUserId: zhou.userId,
      dueAt: new Date(`${DUE}:00+08:00`),
    });
    await respondToReviewInvitation(db(), zhou, {
      assignmentId: second.id,
      response: 'ACCEPT',
      conflict: 'DECLARED',
      conflictStatement: '申请人是我过去三年的合作者。',
    });
    expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      'WITHDRAWN_CONFLICT',
    );
    expect(
      await db().detectedConflict.count({
        where: { applicationId: app.id, expertUserId: zhou.userId, reason: 'EXPERT_DECLARED' },
      }),
    ).toBe(1);
    await expectDomainError(getAssignmentForExpert(db(), zhou, second.id), 'NOT_FOUND');
    expect(await auditActions(second.id)).toEqual(['review_assignment.invite', 'review_assignment.withdraw_conflict']);
  });
});

describe('scoring and the read phase', () => {
  it('saves drafts as typed, refuses an incomplete submission by field, freezes on submit', async () => {
    const own = await assignmentOf(anna);
    // Not yet accepted: no draft.
    await expectDomainError(saveReviewDraft(db(), anna, { ...complete(own.id, 0, 9, 'en') }), 'CONFLICT');
    await respondToReviewInvitation(db(), anna, {
      assignmentId: own.id,
      response: 'ACCEPT',
      conflict: 'NONE',
      conflictStatement: null,
    });
    const partial = { ...complete(own.id, 0, 9, 'en'), scores: { originality: 9 }, commentToApplicant: 'Good.' };
    const saved = await saveReviewDraft(db(), anna, partial);
    expect(saved.version).toBe(1);
    await expectDomainError(saveReviewDraft(db(), anna, partial), 'STALE'); // a second tab's older copy
    const incomplete = await expectDomainError(submitReview(db(), anna, { ...partial, version: 1 }), 'VALIDATION');
    expect(incomplete.fieldErrors).toMatchObject({
      'scores.feasibility': 'required',
      commentToApplicant: expect.stringMatching(/^tooShort/),
    });

    const result = await submitReview(db(), anna, complete(own.id, 1, 9, 'en'));
    expect(result.status).toBe('SUBMITTED');
    await expectDomainError(submitReview(db(), anna, complete(own.id, 2, 9, 'en')), 'CONFLICT');
    const review = await db().review.findUniqueOrThrow({ where: { assignmentId: own.id } });
    expect(review).toMatchObject({ status: 'SUBMITTED', language: 'en', nonConsensusSupport: true });
    expect(Number(review.weightedScore)).toBe(9);
    const profile = await db().expertProfile.findUniqueOrThrow({ where: { userId: anna.userId } });
    expect(profile).toMatchObject({ reviewsSubmitted: 1, reviewsLate: 0 });
    // Nobody else has submitted: the read phase shows an empty list, not null.
    expect((await getAssignmentForExpert(db(), anna, own.id)).others).toEqual([]);
  });

  it("shows the others' reviews only after one's own is submitted, without their confidential comments", async () => {
    const own = await assignmentOf(wang);
    await respondToReviewInvitation(db(), wang, {
      assignmentId: own.id,
      response: 'ACCEPT',
      conflict: 'NONE',
      conflictStatement: null,
    });
    expect((await getAssignmentForExpert(db(), wang, own.id)).others).toBeUndefined();
    // A conflict noticed at submission is declared then; here there is none.
    await submitReview(db(), wang, complete(own.id, 0, 2, 'zh'));
    const view = await getAssignmentForExpert(db(), wang, own.id);
    expect(view.others).toHaveLength(1);
    expect(view.others![0]).toMatchObject({ ordinal: 1, weightedScore: 9, recommendation: 'PRIORITY' });
    expect(view.others![0]).not.toHaveProperty('confidentialComment');
    expect(JSON.stringify(view.others)).not.toContain('Anna');
  });

  it('hides who applied from every field an expert reaches in blind mode', async () => {
    const version = await db().application.findUniqueOrThrow({
      where: { id: app.id },
      select: { ruleVersionId: true },
    });
    const ruleVersion = await db().programRuleVersion.findUniqueOrThrow({ where: { id: version.ruleVersionId } });
    const rules = ruleVersion.rules as { mailReview: { blind: boolean } };
    await db().programRuleVersion.update({
      where: { id: ruleVersion.id },
      data: { rules: { ...rules, mailReview: { ...rules.mailReview, blind: true } } },
    });
    try {
      const own = await assignmentOf(anna);
      const view = await getAssignmentForExpert(db(), anna, own.id);
      const application = await db().application.findUniqueOrThrow({
        where: { id: app.id },
        include: { applicant: true, institution: true },
      });
      const text = JSON.stringify(view);
      expect(view.blind).toBe(true);
      expect(text).not.toContain(application.applicant.name);
      expect(text).not.toContain(application.institution.name);
      const download = await readAssignmentAttachment(db(), anna, own.id, 'proof');
      expect(download.filename).toBe('proof.pdf');
      // The file itself no longer names her: metadata emptied, the page kept.
      expect(download.bytes.toString('latin1')).not.toContain('Zhou Min');
      const cleaned = await PDFDocument.load(download.bytes);
      expect([cleaned.getAuthor() ?? '', cleaned.getTitle() ?? '', cleaned.getPageCount()]).toEqual(['', '', 1]);
      expect((await listOwnAssignments(db(), anna))[0]!.blind).toBe(true);
    } finally {
      await db().programRuleVersion.update({ where: { id: ruleVersion.id }, data: { rules } });
    }
  });
});

describe('staff: reminders, overdue, aggregation and the non-consensus route', () => {
  it('reminds, and sweeps unanswered invitations past their due instant to OVERDUE', async () => {
    const own = await assignmentOf(huang);
    expect(await remindAssignment(db(), staff, { assignmentId: own.id })).toEqual({ remindersSent: 1 });
    expect(await markOverdueAssignments(db(), app.callId, new Date('2040-03-01T08:59:59Z'))).toBe(0);
    expect(await markOverdueAssignments(db(), app.callId, new Date('2040-03-01T09:00:00Z'))).toBe(1);
    expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: own.id } })).status).toBe('OVERDUE');
    // Overdue is still visible to the expert (a late review is better than none) but can no longer be cancelled.
    expect((await getAssignmentForExpert(db(), huang, own.id)).status).toBe('OVERDUE');
    await expectDomainError(cancelAssignment(db(), staff, { assignmentId: own.id, reason: '超期' }), 'CONFLICT');
  });

  it('aggregates into normalised scores and ranks, flags the divided application, and routes it in writing', async () => {
    const summary = await computeCallScores(db(), staff, { callId: app.callId });
    expect(summary).toEqual({ reviews: 2, applications: 1, unscored: 0, nonConsensus: 1 });
    const row = await db().scoreNormalisation.findUniqueOrThrow({
      where: { applicationId_stage: { applicationId: app.id, stage: 'MAIL' } },
    });
    expect(row).toMatchObject({ reviewCount: 2, rank: 1 });
    expect([Number(row.weightedMean), Number(row.range), Number(row.stdDev)]).toEqual([5.5, 7, 3.5]);
    const reviews = await db().review.findMany({ where: { assignment: { applicationId: app.id } } });
    expect(reviews.every((r) => r.normalisedScore !== null)).toBe(true);
    // Re-running replaces, it does not add.
    await computeCallScores(db(), staff, { callId: app.callId });
    expect(await db().scoreNormalisation.count({ where: { callId: app.callId } })).toBe(1);

    const matrix = await getReviewMatrix(db(), staff, app.callId, ZMatrixQuery.parse({ sort: 'range' }));
    expect(matrix.total).toBe(1);
    expect(matrix.rows[0]).toMatchObject({ id: app.id, range: 7, flag: 'DETECTED' });
    expect(matrix.rows[0]!.cells.filter((c) => c.submitted).map((c) => c.weightedScore)).toEqual(
      expect.arrayContaining([9, 2]),
    );

    const list = await listNonConsensus(db(), staff, app.callId);
    expect(list).toHaveLength(1);
    const flag = await getNonConsensus(db(), staff, list[0]!.id);
    expect(flag.reviews).toHaveLength(2);
    expect(flag.reviews.find((r) => r.nonConsensusSupport)?.confidentialComment).toBe(
      'Strong team; budget is reasonable.',
    );
    expect(
      ZDecideNonConsensus.safeParse({ flagId: flag.id, version: 1, decision: 'ROUTE', justification: '好' }).success,
    ).toBe(false);
    await decideNonConsensus(db(), staff, {
      flagId: flag.id,
      version: flag.version,
      decision: 'ROUTE',
      justification: '一位专家认为该方法原创性强，虽风险高但有望改变端侧训练方式，建议走非共识通道。',
    });
    await expectDomainError(
      decideNonConsensus(db(), staff, {
        flagId: flag.id,
        version: flag.version,
        decision: 'DISMISS',
        justification: 'x'.repeat(30),
      }),
      'CONFLICT',
    );
    expect(await auditActions(flag.id)).toEqual(['non_consensus.route']);
    // Re-aggregating keeps staff's decision.
    await computeCallScores(db(), staff, { callId: app.callId });
    expect((await db().nonConsensusFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe('ROUTED');
  });

  it("staff rate a review's quality into the expert's credit record", async () => {
    const review = await db().review.findFirstOrThrow({ where: { assignment: { expertUserId: anna.userId } } });
    await rateReview(db(), staff, { reviewId: review.id, rating: 5 });
    const profile = await db().expertProfile.findUniqueOrThrow({ where: { userId: anna.userId } });
    expect(Number(profile.qualityRatingAvg)).toBe(5);
    expect(profile.creditScore).toBeGreaterThan(0);
    const overview = await getCallReview(db(), staff, app.callId);
    expect(overview.scoredApplications).toBe(1);
    expect(overview.nonConsensus).toEqual({ ROUTED: 1 });
  });
});
