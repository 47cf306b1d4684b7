// Audit events for what the generated data says happened (submissions, reviews, final decisions, projects), appended
// to the existing chain (ADR 0006): under recordAudit's advisory lock, ids are taken from the AuditEvent sequence
// in one block and each hash is computed by the same auditHash() over the same content the verifier reads back.
// The events keep the times the data says (2022–2026) while their ids follow the demo's: the chain orders by id.
import type pg from 'pg';
import { auditHash, GENESIS_HASH, type AuditContent } from '../../../src/domain/audit/hash-chain';

const AUDIT_CHAIN_LOCK = 727_001; // the same lock as src/server/audit/record-audit.ts
const BATCH = 5000;

export async function stageAuditEvents(client: pg.Client) {
  await client.query(`
    create temp table scale_audit as
    select row_number() over (order by at, kind, key) as ord, * from (
      select a."submittedAt" as at, 1 as kind, a.n as key, a."applicantId" as "actorId", 'RESEARCHER' as "actorRole",
             a."piName" as "actorName", 'application.submit' as action, 'Application' as "entityType", a.id::text as "entityId",
             jsonb_build_object('versionNo', 1, 'from', 'DRAFT', 'to', 'SUBMITTED') as summary
        from scale_app a where a.stage > 0
      union all
      select rv."submittedAt", 2, s.m, s."expertUserId", 'EXPERT', e.name, 'review.submit', 'Review', rv.id::text,
             jsonb_build_object('applicationId', s."applicationId", 'weightedScore', rv."weightedScore"::text)
        from scale_assignment s join "Review" rv on rv.id = pg_temp.uid('review', s.m) join scale_expert e on e.id = s."expertUserId"
      union all
      select d."finalAt", 3, d.n, u.id, 'COMMISSION_STAFF', u.name, 'decision.finalise', 'Decision',
             pg_temp.uid('decision', d.n)::text, jsonb_build_object('outcome', case when d.fund then 'FUND' else 'REJECT' end)
        from scale_decision d, (select id, name from "User" where id = (select "userId" from "RoleAssignment"
                                 where role = 'COMMISSION_STAFF' order by "createdAt", "userId" limit 1)) u
      union all
      select d."finalAt" + interval '1 second', 4, d.n, u.id, 'COMMISSION_STAFF', u.name, 'project.create', 'Project',
             pg_temp.uid('project', d.n)::text, jsonb_build_object('awardedFiscalFen', d.award::text)
        from scale_decision d, (select id, name from "User" where id = (select "userId" from "RoleAssignment"
                                 where role = 'COMMISSION_STAFF' order by "createdAt", "userId" limit 1)) u
       where d.fund
    ) x`);
}

interface StagedRow {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
}

/** Appends the staged events (and then `extra`, the generator's own marker event) to the chain. Returns the count. */
export async function appendAuditEvents(client: pg.Client, extra: Omit<StagedRow, 'at'> | null): Promise<number> {
  await client.query('begin');
  try {
    await client.query(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const { rows: head } = await client.query<{ hash: string }>(
      `select hash from "AuditEvent" order by id desc limit 1`,
    );
    let prevHash = head[0]?.hash ?? GENESIS_HASH;
    const { rows: countRows } = await client.query<{ c: string }>(`select count(*) as c from scale_audit`);
    const total = Number(countRows[0]!.c) + (extra ? 1 : 0);
    // Reserve the block of ids: nextval once, then move the sequence past the block (nobody else writes: we hold
    // the chain's lock, and every writer takes it before nextval).
    const { rows: first } = await client.query<{ id: string }>(
      `select nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) as id`,
    );
    let id = BigInt(first[0]!.id);
    await client.query(`select setval(pg_get_serial_sequence('"AuditEvent"', 'id'), $1)`, [
      (id + BigInt(total) - 1n).toString(),
    ]);

    const insert = async (batch: StagedRow[]) => {
      const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
      for (const e of batch) {
        const occurredAt = new Date(e.at.getTime());
        const content: AuditContent = {
          id: id.toString(),
          occurredAt: occurredAt.toISOString(),
          actorId: e.actorId,
          actorRole: e.actorRole,
          actorName: e.actorName,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          summary: e.summary,
          ip: null,
        };
        const hash = auditHash(prevHash, content);
        const values = [
          id.toString(),
          content.occurredAt,
          e.actorId,
          e.actorRole,
          e.actorName,
          e.action,
          e.entityType,
          e.entityId,
          JSON.stringify(e.summary),
          prevHash,
          hash,
        ];
        values.forEach((v, i) => cols[i]!.push(v));
        prevHash = hash;
        id++;
      }
      await client.query(
        `insert into "AuditEvent" (id, "occurredAt", "actorId", "actorRole", "actorName", action, "entityType", "entityId",
                                   summary, "prevHash", hash)
         select * from unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::"Role"[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::jsonb[], $10::text[], $11::text[])`,
        cols,
      );
    };

    let after = 0;
    for (;;) {
      const { rows } = await client.query<StagedRow & { ord: string }>(
        `select ord, date_trunc('milliseconds', at) as at, "actorId", "actorRole", "actorName", action, "entityType",
                "entityId", summary
           from scale_audit where ord > $1 order by ord limit ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await insert(rows);
      after = Number(rows[rows.length - 1]!.ord);
    }
    if (extra) await insert([{ ...extra, at: new Date() }]);
    await client.query('commit');
    return total;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
