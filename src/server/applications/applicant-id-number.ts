import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZRevealApplicantIdNumber } from '@/lib/validation/applications';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { revealIdNumberForStaff } from '../researchers/talent-record';
import { REVIEWED_BY_STAFF } from './review-side';

// The applicant's ID number beside an application, for commission staff only. The snapshot deliberately holds no
// ID number; staff see the masked one and may reveal the full number, each time audited by the talent record.

/** Scoped like getApplicationForReader for staff: an application staff cannot read does not exist (404). */
async function applicantOf(client: Db, actor: Actor, applicationId: string) {
  assertCan(actor, 'read:id-number:all');
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw new DomainError('NOT_FOUND');
  const app = await client.application.findFirst({
    where: { id: applicationId, status: { in: [...REVIEWED_BY_STAFF] } },
    select: { applicantId: true, applicant: { select: { researcherProfile: { select: { idNumberMasked: true } } } } },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  return app;
}

export async function getApplicantIdNumberMasked(client: Db, actor: Actor, applicationId: string) {
  const app = await applicantOf(client, actor, applicationId);
  return { masked: app.applicant.researcherProfile?.idNumberMasked ?? null };
}

export async function revealApplicantIdNumber(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRevealApplicantIdNumber>,
) {
  const app = await applicantOf(client, actor, input.applicationId);
  return { idNumber: await revealIdNumberForStaff(client, actor, app.applicantId) };
}
