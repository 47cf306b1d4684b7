import 'server-only';
import type { z } from 'zod';
import { can } from '@/domain/auth/permissions';
import { checkDirections, platformIsOpen } from '@/domain/platform/platform';
import { DomainError, forbidden, notFound, stale } from '@/lib/errors';
import type { ZSaveDirections } from '@/lib/validation/platform-record';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { platformAuthorWhere, scopedPlatform } from './platforms';

// 研究方向 (DATA-MODEL §2.13 PlatformDirection): the director, the host office and staff keep the platform's
// directions. The list is saved whole against the platform's version (two editors never overwrite each other);
// directions are never deleted, only made inactive (checkDirections).

export async function saveDirections(client: Db, actor: Actor, input: z.output<typeof ZSaveDirections>) {
  if (
    !can(actor.role, 'manage:platform:all') &&
    !can(actor.role, 'manage:platform:institution') &&
    !can(actor.role, 'manage:platform:own')
  ) {
    throw forbidden();
  }
  return client.$transaction(async (tx) => {
    const p = await tx.platform.findFirst({
      where: scopedPlatform(actor, input.platformId, platformAuthorWhere(actor)),
      select: {
        id: true,
        status: true,
        version: true,
        directions: { orderBy: { ordinal: 'asc' }, select: { id: true, ordinal: true, title: true, active: true } },
      },
    });
    if (!p) throw notFound();
    if (!platformIsOpen(p.status)) throw new DomainError('CONFLICT', 'platformClosed');
    // A page loaded before someone else's save is stale, whatever its list now looks like against the new one.
    if (p.version !== input.version) throw stale();
    const issues = checkDirections(
      input.directions,
      p.directions.map((d) => d.id),
    );
    if (issues.length) {
      throw new DomainError('VALIDATION', 'checkFields', Object.fromEntries(issues.map((i) => [i.field, i.code])));
    }
    const bumped = await tx.platform.updateMany({
      where: { id: p.id, version: input.version, status: p.status },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw stale();
    let ordinal = p.directions.reduce((m, d) => Math.max(m, d.ordinal), 0);
    let added = 0;
    let changed = 0;
    for (const d of input.directions) {
      const data = {
        title: d.title,
        titleEn: d.titleEn ?? '',
        leadName: d.leadName ?? '',
        description: d.description ?? '',
        active: d.active,
      };
      if (d.id === null) {
        await tx.platformDirection.create({ data: { ...data, platformId: p.id, ordinal: ++ordinal } });
        added++;
      } else {
        await tx.platformDirection.update({ where: { id: d.id }, data: { ...data, version: { increment: 1 } } });
        changed++;
      }
    }
    await recordAudit(tx, {
      actor,
      action: 'platform.save_directions',
      entityType: 'Platform',
      entityId: p.id,
      summary: {
        added,
        changed,
        active: input.directions.filter((d) => d.active).length,
        titles: input.directions.filter((d) => d.active).map((d) => d.title),
      },
    });
    return { version: input.version + 1 };
  });
}
