import 'server-only';
import { EXPERT_VISIBLE_STATUSES } from '@/domain/review/visibility';
import type { Prisma } from '../db';

// The access gate of an expert (DATA-MODEL §2.8), as the WHERE clause every expert-facing query starts from. It must
// select exactly what src/domain/review/visibility.ts allows: an assignment of the actor's in EXPERT_VISIBLE_STATUSES,
// with no undismissed conflict standing between the actor and the application. A conflicted, unassigned or withdrawn
// expert's query finds nothing, and the page answers 404 — the same as for an id that does not exist.

export function expertAssignmentWhere(expertUserId: string): Prisma.ReviewAssignmentWhereInput {
  return {
    expertUserId,
    status: { in: [...EXPERT_VISIBLE_STATUSES] },
    application: { detectedConflicts: { none: { expertUserId, dismissedById: null } } },
  };
}
