import 'server-only';
import { canCreatePlatform, directionsFromApplication } from '@/domain/platform/platform';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '../audit/record-audit';
import type { Tx } from '../db';

/**
 * A platform is born with its project (DATA-MODEL §2.13): when a FUND decision on a PLATFORM application becomes
 * FINAL, createProjectFromDecision makes the project and calls this in the same transaction. The platform takes the
 * program's kind, the application's title as its name, the institution as host, the applicant (the director, for a
 * 北京研究中心 a strategic scientist) as director and the project's start date as its establishment; the
 * application's partners are linked to it and its research directions copied. Idempotent: a second call returns the
 * platform the first made. Audited `platform.create` (system: no actor). `now` is unused today; it is taken so the
 * birth reads the same clock as the finalising transaction should a rule come to need it.
 */
export async function createPlatformFromProject(tx: Tx, projectId: string, now: Date): Promise<{ platformId: string }> {
  void now;
  const existing = await tx.platform.findUnique({ where: { projectId }, select: { id: true } });
  if (existing) return { platformId: existing.id };
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      title: true,
      piUserId: true,
      institutionId: true,
      startDate: true,
      program: { select: { kind: true } },
      application: { select: { id: true, kind: true, content: true } },
    },
  });
  if (!project) throw new DomainError('NOT_FOUND');
  const guard = canCreatePlatform({ applicationKind: project.application.kind, programKind: project.program.kind });
  if (!guard.ok) throw new DomainError('CONFLICT', guard.code);

  const platform = await tx.platform.create({
    data: {
      projectId: project.id,
      kind: project.program.kind,
      name: project.title,
      hostInstitutionId: project.institutionId,
      directorUserId: project.piUserId,
      establishedOn: project.startDate,
    },
    select: { id: true },
  });
  const partners = await tx.platformPartner.updateMany({
    where: { applicationId: project.application.id },
    data: { platformId: platform.id },
  });
  const directions = directionsFromApplication(project.application.content);
  if (directions.length) {
    await tx.platformDirection.createMany({
      data: directions.map((d) => ({
        platformId: platform.id,
        ordinal: d.ordinal,
        title: d.title,
        description: d.description,
        leadName: d.leadName,
      })),
    });
  }
  await recordAudit(tx, {
    actor: null,
    action: 'platform.create',
    entityType: 'Platform',
    entityId: platform.id,
    summary: {
      to: 'ACTIVE',
      projectId: project.id,
      applicationId: project.application.id,
      kind: project.program.kind,
      partners: partners.count,
      directions: directions.length,
    },
  });
  return { platformId: platform.id };
}
