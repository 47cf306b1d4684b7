import type { getTranslations } from 'next-intl/server';
import type { ConflictFinding } from '@/domain/review/conflicts';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * One readable line for a stored finding (DetectedConflict.detail, written by src/domain/review/conflicts.ts): the
 * first match behind it and how many more. A row whose detail does not have the expected shape (written by an older
 * version) shows no explanation rather than failing the page: the reason label is still there.
 */
export function explainConflict(t: Translate, reason: string, detail: unknown): string {
  try {
    const finding = { reason, detail } as ConflictFinding;
    const more = (n: number) => (n > 1 ? t('review.conflictMore', { count: n - 1 }) : '');
    switch (finding.reason) {
      case 'SAME_INSTITUTION': {
        const m = finding.detail.matches[0]!;
        return (
          t('review.conflictText.SAME_INSTITUTION', {
            person: m.personName,
            partyInstitution: m.partyInstitution,
            expertInstitution: m.expertInstitution,
          }) + more(finding.detail.matches.length)
        );
      }
      case 'FORMER_INSTITUTION': {
        const m = finding.detail.matches[0]!;
        return (
          t('review.conflictText.FORMER_INSTITUTION', {
            person: m.personName,
            partyInstitution: m.partyInstitution,
            expertInstitution: m.expertInstitution,
            from: m.fromDate,
            to: m.toDate,
          }) + more(finding.detail.matches.length)
        );
      }
      case 'TEAM_MEMBER': {
        const m = finding.detail.matches[0]!;
        return t('review.conflictText.TEAM_MEMBER', { person: m.personName }) + more(finding.detail.matches.length);
      }
      case 'CO_AUTHOR': {
        const m = finding.detail.matches[0]!;
        return (
          t('review.conflictText.CO_AUTHOR', { title: m.title, year: m.year, author: m.author }) +
          more(finding.detail.matches.length)
        );
      }
      case 'APPLICANT_AVOIDANCE': {
        const m = finding.detail.matches[0]!;
        return (
          t('review.conflictText.APPLICANT_AVOIDANCE', {
            name: m.requestedName || '—',
            institution: m.requestedInstitution || '—',
            reason: m.reason || '—',
          }) + more(finding.detail.matches.length)
        );
      }
      case 'EXPERT_DECLARED': {
        const d = finding.detail.declarations[0]!;
        return (
          t('review.conflictText.EXPERT_DECLARED', { statement: d.statement || '—' }) +
          more(finding.detail.declarations.length)
        );
      }
      case 'STAFF_MARKED': {
        const m = finding.detail.marks[0]!;
        return t('review.conflictText.STAFF_MARKED', { reason: m.reason || '—' }) + more(finding.detail.marks.length);
      }
      default:
        return '';
    }
  } catch {
    return '';
  }
}
