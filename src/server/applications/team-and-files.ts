import 'server-only';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError } from '@/lib/errors';
import type { ZAttach, ZInviteMember } from '@/lib/validation/applications';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';

// The team and the attachment slots of an editable application, whoever edits it: the PI of a project application
// (applicant.ts) or the institution office of a platform application (platforms/application.ts). Each caller has
// already, inside its own transaction, found the application in the actor's scope and checked it is editable; these
// write the row and its audit event in that same transaction.

/** What the callers' scoped lookups return and these need. */
export interface EditableApplication {
  id: string;
  applicantId: string;
  ruleVersionId: string;
}

/**
 * Adds a registered, active researcher to the team; they confirm in their own account. `leadError` names the error
 * when the person is the application's own lead (the PI, or the platform's director).
 */
export async function addTeamMember(
  tx: Tx,
  actor: Actor,
  app: EditableApplication,
  input: z.output<typeof ZInviteMember>,
  leadError: 'memberIsApplicant' | 'memberIsDirector',
) {
  const user = await tx.user.findUnique({
    where: { email: input.email },
    select: { id: true, status: true, roles: { select: { role: true } } },
  });
  if (!user || user.status !== 'ACTIVE' || !user.roles.some((r) => r.role === 'RESEARCHER')) {
    throw new DomainError('VALIDATION', 'checkFields', { email: 'memberNotResearcher' });
  }
  if (user.id === app.applicantId) throw new DomainError('VALIDATION', 'checkFields', { email: leadError });
  const count = await tx.applicationMember.count({ where: { applicationId: app.id } });
  try {
    const member = await tx.applicationMember.create({
      data: {
        applicationId: app.id,
        userId: user.id,
        ordinal: count + 1,
        responsibility: input.responsibility,
        monthsPerYear: input.monthsPerYear,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'application.invite_member',
      entityType: 'Application',
      entityId: app.id,
      summary: { memberUserId: user.id },
    });
    return member;
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('VALIDATION', 'checkFields', { email: 'memberAlreadyInvited' });
    throw e;
  }
}

export async function removeTeamMember(tx: Tx, actor: Actor, app: EditableApplication, memberId: string) {
  const removed = await tx.applicationMember.deleteMany({ where: { id: memberId, applicationId: app.id } });
  if (removed.count === 0) throw new DomainError('NOT_FOUND');
  await recordAudit(tx, {
    actor,
    action: 'application.remove_member',
    entityType: 'Application',
    entityId: app.id,
    summary: { memberId },
  });
  return { id: memberId };
}

/** A PDF the actor uploaded, into one of the slots the application's frozen rules name, within that slot's size. */
export async function attachToSlot(tx: Tx, actor: Actor, app: EditableApplication, input: z.output<typeof ZAttach>) {
  const rules = ZProgramRules.parse(
    (await tx.programRuleVersion.findUniqueOrThrow({ where: { id: app.ruleVersionId }, select: { rules: true } }))
      .rules,
  );
  const slot = rules.requiredAttachments.find((s) => s.key === input.slotKey);
  if (!slot) throw new DomainError('VALIDATION', 'checkFields', { slotKey: 'invalid' });
  const file = await tx.storedFile.findFirst({
    where: { id: input.fileId, ownerId: actor.userId, deletedAt: null },
    select: { id: true, sizeBytes: true, filename: true },
  });
  if (!file) throw new DomainError('VALIDATION', 'checkFields', { [`attachments.${slot.key}`]: 'fileUnknown' });
  if (file.sizeBytes > slot.maxMb * 1024 * 1024) {
    throw new DomainError('VALIDATION', 'checkFields', {
      [`attachments.${slot.key}`]: `fileTooLarge?max=${slot.maxMb}`,
    });
  }
  await tx.applicationAttachment.upsert({
    where: { applicationId_slotKey: { applicationId: app.id, slotKey: slot.key } },
    create: { applicationId: app.id, slotKey: slot.key, fileId: file.id },
    update: { fileId: file.id },
  });
  await recordAudit(tx, {
    actor,
    action: 'application.attach',
    entityType: 'Application',
    entityId: app.id,
    summary: { slotKey: slot.key, filename: file.filename },
  });
  return { slotKey: slot.key };
}

export async function detachFromSlot(tx: Tx, actor: Actor, app: EditableApplication, slotKey: string) {
  await tx.applicationAttachment.deleteMany({ where: { applicationId: app.id, slotKey } });
  await recordAudit(tx, {
    actor,
    action: 'application.detach',
    entityType: 'Application',
    entityId: app.id,
    summary: { slotKey },
  });
  return { slotKey };
}
