import 'server-only';
import { defaultProgramRules, ZProgramRules, type ProgramRules } from '@/domain/program/rules';
import { DomainError } from '@/lib/errors';
import type { ZCreateProgram, ZSaveProgramRules } from '@/lib/validation/programs';
import type { z } from 'zod';
import { isUniqueViolation, type Db, type DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// Programs (计划) and their versioned rules (ADR 0008). Saving rules never edits a version: it inserts the next
// one and makes it current; published calls keep the version they pinned.

export async function listPrograms(client: Db, actor: Actor) {
  assertCan(actor, 'manage:program:all');
  const programs = await client.program.findMany({
    orderBy: [{ active: 'desc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      kind: true,
      active: true,
      currentRules: { select: { number: true, createdAt: true } },
      _count: { select: { calls: true } },
    },
  });
  return programs;
}

export async function getProgram(client: Db, actor: Actor, id: string) {
  assertCan(actor, 'manage:program:all');
  const program = await client.program.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      kind: true,
      description: true,
      descriptionEn: true,
      active: true,
      version: true,
      currentRules: { select: { id: true, number: true, rules: true, createdAt: true } },
      ruleVersions: {
        orderBy: { number: 'desc' },
        select: {
          number: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          _count: { select: { calls: true } },
        },
      },
    },
  });
  if (!program) throw new DomainError('NOT_FOUND');
  return { ...program, rules: program.currentRules ? ZProgramRules.parse(program.currentRules.rules) : null };
}

export async function createProgram(client: Db, actor: Actor, input: z.output<typeof ZCreateProgram>) {
  assertCan(actor, 'manage:program:all');
  const rules = defaultProgramRules(input.kind);
  return client.$transaction(async (tx) => {
    const clash = await tx.program.count({ where: { code: input.code } });
    if (clash) throw new DomainError('CONFLICT', 'checkFields', { code: 'programCodeTaken' });
    const program = await tx.program.create({ data: input, select: { id: true } });
    const version = await tx.programRuleVersion.create({
      data: { programId: program.id, number: 1, rules, createdById: actor.userId },
      select: { id: true },
    });
    await tx.program.update({ where: { id: program.id }, data: { currentRuleVersionId: version.id } });
    await recordAudit(tx, {
      actor,
      action: 'program.create',
      entityType: 'Program',
      entityId: program.id,
      summary: { code: input.code, name: input.name, kind: input.kind, rulesVersion: 1 },
    });
    return { id: program.id };
  });
}

/** Which top-level parts of the rules differ, for the audit summary (the full documents are both kept). */
function changedSections(before: ProgramRules, after: ProgramRules): string[] {
  return (Object.keys(after) as (keyof ProgramRules)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export async function saveProgramRules(client: Db, actor: Actor, input: z.output<typeof ZSaveProgramRules>) {
  assertCan(actor, 'manage:program:all');
  return client.$transaction(async (tx) => {
    const program = await tx.program.findUnique({
      where: { id: input.programId },
      select: { id: true, currentRules: { select: { number: true, rules: true } } },
    });
    if (!program) throw new DomainError('NOT_FOUND');
    const current = program.currentRules;
    // Someone saved a newer version since this editor was loaded: do not silently replace it.
    if ((current?.number ?? 0) !== input.currentVersion) throw new DomainError('STALE');
    const before = current ? ZProgramRules.parse(current.rules) : null;
    const changed = before ? changedSections(before, input.rules) : Object.keys(input.rules);
    if (changed.length === 0) return { number: input.currentVersion, changed };
    const number = input.currentVersion + 1;
    const version = await tx.programRuleVersion
      .create({
        data: { programId: program.id, number, rules: input.rules, createdById: actor.userId },
        select: { id: true },
      })
      .catch((e: unknown) => {
        // A parallel save took this number first.
        throw isUniqueViolation(e) ? new DomainError('STALE') : e;
      });
    const bumped = await tx.program.updateMany({
      where: { id: program.id, currentRuleVersionId: { not: version.id } },
      data: { currentRuleVersionId: version.id, version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: 'program.save_rules',
      entityType: 'Program',
      entityId: program.id,
      summary: { fromVersion: input.currentVersion, toVersion: number, changed },
    });
    return { number, changed };
  });
}

/** Programs anyone may see (the public call list names them). */
export async function listPublicPrograms(client: DbOrTx) {
  return client.program.findMany({
    where: { active: true },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true, kind: true, description: true, descriptionEn: true },
  });
}
