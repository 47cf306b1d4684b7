import 'server-only';
import type { z } from 'zod';
import {
  canAcceptInvitation,
  canDeclineInvitation,
  canSubmitReview,
  isLateSubmission,
  mustWithdrawForConflict,
  SCORING_ASSIGNMENT_STATUSES,
  type AssignmentFacts,
  type AssignmentRefusal,
} from '@/domain/review/assignment-status';
import { redactForBlindReview, type BlindSnapshot } from '@/domain/review/blind';
import { expertCredit } from '@/domain/review/expert-credit';
import { validateReview, weightedScore, type ReviewDraft, type ReviewForm } from '@/domain/review/scoring';
import { canExpertSeeOtherReviews } from '@/domain/review/visibility';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZRespondToInvitation, ZReviewDraft, ZSubmitReview } from '@/lib/validation/review';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { issuesToFieldErrors, type ApplicationSnapshot } from '../applications/applicant';
import { stripPdfMetadata } from '../files/pdf-metadata';
import { fileStore } from '../files/store';
import { BLIND_NAMES_SELECT, blindAlsoHide } from './blind-names';
import { expertAssignmentWhere } from './scope';

// The expert's side of review (DATA-MODEL §3.4, issue 5 "Scoring online"): the invitations, answering them with a
// conflict declaration, the scoring form (drafts saved as typed, submission freezes), and — after submitting — the
// other experts' reviews of the same application. Every query starts from expertAssignmentWhere (scope.ts), so a
// conflicted or unassigned expert finds nothing and gets 404. The guards are the pure ones in
// src/domain/review/assignment-status.ts; a refusal comes back as a DomainError with the guard's code.

const refusal = (code: AssignmentRefusal, fieldErrors?: Record<string, string>) =>
  new DomainError(code === 'wrongState' ? 'CONFLICT' : 'VALIDATION', code, fieldErrors);

/** The expert's assignments: open ones first by due date, then the submitted ones. */
export async function listOwnAssignments(client: Db, actor: Actor) {
  assertCan(actor, 'review:assignment:own');
  const rows = await client.reviewAssignment.findMany({
    where: expertAssignmentWhere(actor.userId),
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      dueAt: true,
      application: {
        select: {
          code: true,
          ruleVersion: { select: { rules: true } },
          call: { select: { title: true, titleEn: true } },
          versions: { orderBy: { number: 'desc' }, take: 1, select: { snapshot: true } },
          ...BLIND_NAMES_SELECT,
        },
      },
      invitations: {
        orderBy: { sentAt: 'desc' },
        take: 1,
        select: { sentAt: true, seenAt: true, remindersSent: true },
      },
      review: { select: { status: true, updatedAt: true } },
    },
  });
  return rows.map((r) => {
    const rules = ZProgramRules.safeParse(r.application.ruleVersion.rules);
    const blind = rules.success ? (rules.data.mailReview?.blind ?? false) : true;
    // The titles as submitted (the snapshot), scrubbed of names in blind mode like everything else the expert reads.
    const snapshot = r.application.versions[0]?.snapshot as ApplicationSnapshot | undefined;
    const shown = snapshot
      ? blind
        ? redactForBlindReview(snapshot, { alsoHide: blindAlsoHide(r.application) })
        : snapshot
      : { title: '', titleEn: '' };
    return {
      id: r.id,
      status: r.status,
      dueAt: r.dueAt,
      code: r.application.code,
      title: shown.title,
      titleEn: shown.titleEn,
      blind,
      remindersSent: r.invitations[0]?.remindersSent ?? 0,
      call: r.application.call,
      invitedAt: r.invitations[0]?.sentAt ?? null,
      seenAt: r.invitations[0]?.seenAt ?? null,
      reviewStatus: r.review?.status ?? null,
      draftSavedAt: r.review?.updatedAt ?? null,
    };
  });
}

/** The pieces of an expert's assignment every action needs, read inside its transaction. */
async function loadOwnAssignment(tx: Tx, actor: Actor, assignmentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(assignmentId)) throw notFound();
  const a = await tx.reviewAssignment.findFirst({
    where: { id: assignmentId, ...expertAssignmentWhere(actor.userId) },
    select: {
      id: true,
      status: true,
      applicationId: true,
      expertUserId: true,
      callId: true,
      dueAt: true,
      version: true,
      application: {
        select: { currentVersionNo: true, ruleVersionId: true, ruleVersion: { select: { rules: true } } },
      },
      declarations: { select: { moment: true, hasConflict: true } },
      review: { select: { id: true, status: true, version: true } },
      invitations: { orderBy: { sentAt: 'desc' }, take: 1, select: { id: true, respondedAt: true } },
    },
  });
  if (!a) throw notFound();
  const conflicts = await tx.detectedConflict.findMany({
    where: { applicationId: a.applicationId, expertUserId: a.expertUserId },
    select: { applicationId: true, expertUserId: true, dismissedById: true },
  });
  const rules = ZProgramRules.parse(a.application.ruleVersion.rules);
  return { a, conflicts, form: rules.reviewForm, rules };
}

const facts = (a: { status: string; applicationId: string; expertUserId: string; dueAt: Date }): AssignmentFacts => ({
  status: a.status as AssignmentFacts['status'],
  applicationId: a.applicationId,
  expertUserId: a.expertUserId,
  dueAt: a.dueAt,
});

/** Records the expert's 利益冲突声明 for one moment (a second answer for the same moment replaces the first). */
async function declare(
  tx: Tx,
  assignmentId: string,
  moment: 'ON_ACCEPT' | 'ON_SUBMIT',
  conflict: { hasConflict: boolean; statement: string | null },
  now: Date,
) {
  await tx.conflictDeclaration.upsert({
    where: { assignmentId_moment: { assignmentId, moment } },
    create: { assignmentId, moment, ...conflict, declaredAt: now },
    update: { ...conflict, declaredAt: now },
  });
}

/** Moves the assignment if nobody moved it since it was read (optimistic version), else STALE. */
async function moveAssignment(
  tx: Tx,
  a: { id: string; version: number },
  status: 'ACCEPTED' | 'DECLINED' | 'SUBMITTED' | 'WITHDRAWN_CONFLICT',
  withdrawnReason?: string,
) {
  const moved = await tx.reviewAssignment.updateMany({
    where: { id: a.id, version: a.version },
    data: { status, ...(withdrawnReason ? { withdrawnReason } : {}), version: { increment: 1 } },
  });
  if (moved.count === 0) throw stale();
}

/**
 * The expert declared a conflict: the declaration is kept, a DetectedConflict (EXPERT_DECLARED, never dismissible)
 * bars the pair from now on, and the assignment is withdrawn. Returns the new status.
 */
async function withdrawForDeclaredConflict(
  tx: Tx,
  actor: Actor,
  a: { id: string; status: string; applicationId: string; expertUserId: string; dueAt: Date; version: number },
  moment: 'ON_ACCEPT' | 'ON_SUBMIT',
  statement: string | null,
  now: Date,
) {
  const verdict = mustWithdrawForConflict(
    facts(a),
    { conflicts: [], declarations: [{ moment, hasConflict: true }] },
    { kind: 'EXPERT', userId: actor.userId },
  );
  if (!verdict.ok) throw refusal(verdict.code);
  await declare(tx, a.id, moment, { hasConflict: true, statement }, now);
  await tx.detectedConflict.upsert({
    where: {
      applicationId_expertUserId_reason: {
        applicationId: a.applicationId,
        expertUserId: a.expertUserId,
        reason: 'EXPERT_DECLARED',
      },
    },
    create: {
      applicationId: a.applicationId,
      expertUserId: a.expertUserId,
      reason: 'EXPERT_DECLARED',
      detail: { moment, statement },
      detectedAt: now,
    },
    update: {},
  });
  await moveAssignment(tx, a, 'WITHDRAWN_CONFLICT', 'declaredConflict');
  await recordAudit(tx, {
    actor,
    action: 'review_assignment.withdraw_conflict',
    entityType: 'ReviewAssignment',
    entityId: a.id,
    summary: { from: a.status, to: 'WITHDRAWN_CONFLICT', moment },
  });
  return 'WITHDRAWN_CONFLICT' as const;
}

/** Recomputes the expert's reviewer credit (NSFC's RCC idea) from their counters and staff's quality ratings. */
export async function refreshExpertCredit(tx: Tx, expertUserId: string) {
  const profile = await tx.expertProfile.findUnique({
    where: { userId: expertUserId },
    select: { reviewsSubmitted: true, reviewsLate: true, invitationsDeclined: true },
  });
  if (!profile) return;
  const ratings = await tx.review.findMany({
    where: { assignment: { expertUserId }, qualityRating: { not: null } },
    select: { qualityRating: true },
  });
  const qualityRatings = ratings.map((r) => r.qualityRating!);
  const credit = expertCredit({ ...profile, qualityRatings });
  const avg = qualityRatings.length ? qualityRatings.reduce((s, r) => s + r, 0) / qualityRatings.length : null;
  await tx.expertProfile.update({
    where: { userId: expertUserId },
    data: { creditScore: credit.score, qualityRatingAvg: avg === null ? null : avg.toFixed(2) },
  });
}

/** Accept (with the ON_ACCEPT declaration) or decline (with a reason and, if they like, whom to ask instead). */
export async function respondToReviewInvitation(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRespondToInvitation>,
  now: Date = new Date(),
) {
  assertCan(actor, 'review:assignment:own');
  return client.$transaction(async (tx) => {
    const { a, conflicts } = await loadOwnAssignment(tx, actor, input.assignmentId);
    const invitation = a.invitations[0];
    const expert = { kind: 'EXPERT' as const, userId: actor.userId };
    if (input.response === 'DECLINE') {
      const verdict = canDeclineInvitation(facts(a), expert, { reason: input.declineReason });
      if (!verdict.ok)
        throw refusal(
          verdict.code,
          verdict.code === 'declineReasonRequired' ? { declineReason: 'required' } : undefined,
        );
      await moveAssignment(tx, a, 'DECLINED');
      if (invitation) {
        await tx.reviewInvitation.update({
          where: { id: invitation.id },
          data: {
            respondedAt: now,
            response: 'DECLINED',
            declineReason: input.declineReason,
            suggestedExpert: input.suggestedExpert,
            seenAt: now,
          },
        });
      }
      await tx.expertProfile.updateMany({
        where: { userId: actor.userId },
        data: { invitationsDeclined: { increment: 1 } },
      });
      await refreshExpertCredit(tx, actor.userId);
      await recordAudit(tx, {
        actor,
        action: 'review_assignment.decline',
        entityType: 'ReviewAssignment',
        entityId: a.id,
        summary: { from: a.status, to: 'DECLINED', suggested: input.suggestedExpert !== null },
      });
      return { status: 'DECLINED' as const };
    }

    if (input.conflict === 'DECLARED') {
      if (a.status !== 'INVITED') throw refusal('wrongState');
      if (invitation) {
        await tx.reviewInvitation.update({
          where: { id: invitation.id },
          data: { respondedAt: now, response: 'DECLINED', declineReason: 'declaredConflict', seenAt: now },
        });
      }
      return { status: await withdrawForDeclaredConflict(tx, actor, a, 'ON_ACCEPT', input.conflictStatement, now) };
    }
    const verdict = canAcceptInvitation(facts(a), expert, {
      declaration: { moment: 'ON_ACCEPT', hasConflict: false },
      conflicts,
      now,
    });
    if (!verdict.ok) throw refusal(verdict.code);
    await declare(tx, a.id, 'ON_ACCEPT', { hasConflict: false, statement: null }, now);
    await moveAssignment(tx, a, 'ACCEPTED');
    if (invitation) {
      await tx.reviewInvitation.update({
        where: { id: invitation.id },
        data: { respondedAt: now, response: 'ACCEPTED', seenAt: now },
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'review_assignment.accept',
      entityType: 'ReviewAssignment',
      entityId: a.id,
      summary: { from: a.status, to: 'ACCEPTED', declaredNoConflict: true },
    });
    return { status: 'ACCEPTED' as const };
  });
}

const draftOf = (input: z.output<typeof ZReviewDraft>): ReviewDraft => ({
  scores: input.scores,
  recommendation: input.recommendation,
  confidence: input.confidence,
  commentToApplicant: input.commentToApplicant,
  confidentialComment: input.confidentialComment,
  language: input.language,
  nonConsensusSupport: input.nonConsensusSupport,
  nonConsensusReason: input.nonConsensusReason,
});

function draftData(input: z.output<typeof ZReviewDraft>, form: ReviewForm) {
  // Only the form's own criteria are kept; a key the form does not have is dropped, not stored.
  const scores = Object.fromEntries(form.criteria.map((c) => [c.key, input.scores[c.key] ?? null]));
  const score = weightedScore(form, scores);
  return {
    scores,
    weightedScore: score.ok ? score.value.toFixed(4) : null,
    recommendation: input.recommendation,
    confidence: input.confidence,
    commentToApplicant: input.commentToApplicant,
    confidentialComment: input.confidentialComment,
    language: input.language,
    nonConsensusSupport: input.nonConsensusSupport,
    nonConsensusReason: input.nonConsensusSupport ? input.nonConsensusReason : '',
  };
}

/**
 * Writes the draft as it stands (autosave): incomplete is fine, nothing is validated but types and lengths. A draft
 * is not a state change and is not audited; submission is. Optimistic: a second tab's older copy gets STALE.
 */
export async function saveReviewDraft(client: Db, actor: Actor, input: z.output<typeof ZReviewDraft>) {
  assertCan(actor, 'review:assignment:own');
  return client.$transaction(async (tx) => {
    const { a, form } = await loadOwnAssignment(tx, actor, input.assignmentId);
    if (!SCORING_ASSIGNMENT_STATUSES.includes(a.status)) throw refusal('wrongState');
    const data = draftData(input, form);
    if (!a.review) {
      if (input.version !== 0) throw stale();
      const created = await tx.review.create({
        data: {
          assignmentId: a.id,
          applicationVersionNo: a.application.currentVersionNo,
          ruleVersionId: a.application.ruleVersionId,
          ...data,
        },
        select: { version: true, updatedAt: true },
      });
      return created;
    }
    if (a.review.status !== 'DRAFT') throw refusal('wrongState');
    const updated = await tx.review.updateMany({
      where: { id: a.review.id, version: input.version, status: 'DRAFT' },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    return tx.review.findUniqueOrThrow({ where: { id: a.review.id }, select: { version: true, updatedAt: true } });
  });
}

/**
 * Submits: the ON_SUBMIT declaration again (a conflict noticed while reading withdraws the assignment and keeps
 * nothing of the draft in the results), then every rule of validateReview; the review freezes and the expert's
 * record counts it (late when at or after the due instant).
 */
export async function submitReview(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSubmitReview>,
  now: Date = new Date(),
) {
  assertCan(actor, 'review:assignment:own');
  return client.$transaction(async (tx) => {
    const { a, conflicts, form } = await loadOwnAssignment(tx, actor, input.assignmentId);
    if (input.conflict === 'DECLARED') {
      return { status: await withdrawForDeclaredConflict(tx, actor, a, 'ON_SUBMIT', input.conflictStatement, now) };
    }
    const draft = draftOf(input);
    const verdict = canSubmitReview(
      facts(a),
      { kind: 'EXPERT', userId: actor.userId },
      {
        form,
        draft,
        declaration: { moment: 'ON_SUBMIT', hasConflict: false },
        conflicts,
      },
    );
    if (!verdict.ok) {
      if (verdict.code === 'reviewIncomplete') {
        throw new DomainError('VALIDATION', 'checkFields', issuesToFieldErrors(verdict.issues ?? []));
      }
      throw refusal(verdict.code);
    }
    const data = draftData(input, form);
    const frozen = { ...data, status: 'SUBMITTED' as const, submittedAt: now };
    if (!a.review) {
      if (input.version !== 0) throw stale();
      await tx.review.create({
        data: {
          assignmentId: a.id,
          applicationVersionNo: a.application.currentVersionNo,
          ruleVersionId: a.application.ruleVersionId,
          ...frozen,
        },
      });
    } else {
      const updated = await tx.review.updateMany({
        where: { id: a.review.id, version: input.version, status: 'DRAFT' },
        data: { ...frozen, version: { increment: 1 } },
      });
      if (updated.count === 0) throw a.review.status === 'SUBMITTED' ? refusal('wrongState') : stale();
    }
    await declare(tx, a.id, 'ON_SUBMIT', { hasConflict: false, statement: null }, now);
    await moveAssignment(tx, a, 'SUBMITTED');
    const late = isLateSubmission(a, now);
    await tx.expertProfile.updateMany({
      where: { userId: actor.userId },
      data: { reviewsSubmitted: { increment: 1 }, ...(late ? { reviewsLate: { increment: 1 } } : {}) },
    });
    await refreshExpertCredit(tx, actor.userId);
    await recordAudit(tx, {
      actor,
      action: 'review.submit',
      entityType: 'ReviewAssignment',
      entityId: a.id,
      summary: {
        from: a.status,
        to: 'SUBMITTED',
        weightedScore: data.weightedScore,
        recommendation: data.recommendation,
        nonConsensusSupport: data.nonConsensusSupport,
        late,
      },
    });
    return { status: 'SUBMITTED' as const, warnings: validateReview(form, draft).warnings };
  });
}

/**
 * Everything the expert's page shows: the application as the expert may read it (redacted in blind mode), the form,
 * the draft or submitted review, and — once their own is submitted — the other experts' reviews (anonymised as
 * 专家 1, 2 …, without their confidential comments). Opening it marks the invitation seen.
 */
export async function getAssignmentForExpert(client: Db, actor: Actor, assignmentId: string, now: Date = new Date()) {
  assertCan(actor, 'review:assignment:own');
  if (!/^[0-9a-f-]{36}$/i.test(assignmentId)) throw notFound();
  const a = await client.reviewAssignment.findFirst({
    where: { id: assignmentId, ...expertAssignmentWhere(actor.userId) },
    select: {
      id: true,
      status: true,
      applicationId: true,
      expertUserId: true,
      stage: true,
      dueAt: true,
      version: true,
      declarations: { select: { moment: true, hasConflict: true, declaredAt: true } },
      invitations: {
        orderBy: { sentAt: 'desc' },
        take: 1,
        select: { id: true, sentAt: true, seenAt: true, remindersSent: true, lastReminderAt: true },
      },
      review: {
        select: {
          version: true,
          status: true,
          scores: true,
          weightedScore: true,
          recommendation: true,
          confidence: true,
          commentToApplicant: true,
          confidentialComment: true,
          language: true,
          nonConsensusSupport: true,
          nonConsensusReason: true,
          submittedAt: true,
          updatedAt: true,
        },
      },
      application: {
        select: {
          code: true,
          ruleVersion: { select: { rules: true } },
          versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, snapshot: true } },
          ...BLIND_NAMES_SELECT,
        },
      },
    },
  });
  if (!a) throw notFound();
  const invitation = a.invitations[0];
  if (invitation && !invitation.seenAt) {
    await client.reviewInvitation.updateMany({ where: { id: invitation.id, seenAt: null }, data: { seenAt: now } });
  }
  const rules = ZProgramRules.parse(a.application.ruleVersion.rules);
  const blind = rules.mailReview?.blind ?? false;
  const raw = (a.application.versions[0]?.snapshot ?? null) as ApplicationSnapshot | null;
  const snapshot: { blind: false; full: ApplicationSnapshot } | { blind: true; redacted: BlindSnapshot } | null = raw
    ? blind
      ? {
          blind: true,
          redacted: redactForBlindReview(raw, {
            slots: rules.requiredAttachments,
            alsoHide: blindAlsoHide(a.application),
          }),
        }
      : { blind: false, full: raw }
    : null;

  const conflicts = await client.detectedConflict.findMany({
    where: { applicationId: a.applicationId, expertUserId: a.expertUserId },
    select: { applicationId: true, expertUserId: true, dismissedById: true },
  });
  const mayReadOthers = canExpertSeeOtherReviews(
    { status: a.status, applicationId: a.applicationId, expertUserId: a.expertUserId },
    a.review?.status ?? null,
    conflicts,
  ).ok;
  const others = mayReadOthers
    ? await client.review.findMany({
        where: {
          status: 'SUBMITTED',
          assignment: { applicationId: a.applicationId, stage: a.stage, NOT: { id: a.id } },
        },
        orderBy: { submittedAt: 'asc' },
        select: {
          scores: true,
          weightedScore: true,
          recommendation: true,
          confidence: true,
          commentToApplicant: true,
          language: true,
          nonConsensusSupport: true,
          nonConsensusReason: true,
          submittedAt: true,
        },
      })
    : null;

  return {
    id: a.id,
    status: a.status,
    dueAt: a.dueAt,
    code: a.application.code,
    blind,
    form: rules.reviewForm,
    attachmentSlots: rules.requiredAttachments,
    snapshot,
    declarations: a.declarations,
    invitation: invitation ?? null,
    review: a.review
      ? {
          ...a.review,
          scores: a.review.scores as Record<string, number | null>,
          weightedScore: a.review.weightedScore === null ? null : Number(a.review.weightedScore),
        }
      : null,
    others: others?.map((r, i) => ({
      ordinal: i + 1,
      ...r,
      scores: r.scores as Record<string, number | null>,
      weightedScore: r.weightedScore === null ? null : Number(r.weightedScore),
    })),
  };
}
export type ExpertAssignmentView = Awaited<ReturnType<typeof getAssignmentForExpert>>;

/**
 * An attachment of the application, for the expert, by its slot (never by file id, so nothing in the URL or the
 * download names the applicant): through the gate like the application. Blind mode names the file by its slot.
 */
export async function readAssignmentAttachment(client: Db, actor: Actor, assignmentId: string, slotKey: string) {
  assertCan(actor, 'review:assignment:own');
  if (!/^[0-9a-f-]{36}$/i.test(assignmentId) || !/^[a-z][a-z0-9_]{0,39}$/.test(slotKey)) throw notFound();
  const a = await client.reviewAssignment.findFirst({
    where: { id: assignmentId, ...expertAssignmentWhere(actor.userId) },
    select: {
      application: {
        select: {
          ruleVersion: { select: { rules: true } },
          versions: { orderBy: { number: 'desc' }, take: 1, select: { snapshot: true } },
        },
      },
    },
  });
  const snapshot = a?.application.versions[0]?.snapshot as ApplicationSnapshot | undefined;
  const attachment = snapshot?.attachments.find((x) => x.slotKey === slotKey);
  if (!a || !attachment) throw notFound();
  const file = await client.storedFile.findUnique({
    where: { id: attachment.fileId },
    select: { storageKey: true, filename: true, mimeType: true, deletedAt: true },
  });
  if (!file) throw notFound();
  const rules = ZProgramRules.parse(a.application.ruleVersion.rules);
  const blind = rules.mailReview?.blind ?? false;
  const bytes = await fileStore().get(file.storageKey);
  if (!blind) return { filename: file.filename, mimeType: file.mimeType, bytes };
  // Blind: named by its slot, and without the author and title the word processor wrote into the file.
  const stripped = await stripPdfMetadata(bytes);
  if (!stripped) throw notFound();
  return { filename: `${slotKey}.pdf`, mimeType: file.mimeType, bytes: Buffer.from(stripped) };
}
