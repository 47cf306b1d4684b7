import { getTranslations } from 'next-intl/server';
import { AddMemberForm, CreateTermForm, EditTermForm } from '@/components/committee/term-forms';
import { ActionButton } from '@/components/projects/project-forms';
import { Card, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { beijingDate } from '@/domain/time';
import { endMembershipAction } from '@/app/actions/committee';
import { requirePermission } from '@/server/auth/session';
import { listTerms } from '@/server/committee/terms';
import { db } from '@/server/db';

// 届次与委员 for staff: every term with its scoring rules and members; edit a term; appoint a member; end a membership
// today (or on the term's last day once it is over).
export default async function TermsPage() {
  const actor = await requirePermission('manage:committee:all');
  const [terms, t] = await Promise.all([listTerms(db(), actor), getTranslations()]);
  const today = beijingDate(new Date());
  return (
    <>
      <PageHeader title={t('committee.termsTitle')} description={t('committee.termsDescription')} />
      <div className="flex flex-col gap-6">
        {terms.map((term) => (
          <Card key={term.id} title={t('committee.term', { name: term.name, from: term.startsOn, to: term.endsOn })}>
            <p className="mb-3 text-sm text-slate-600">
              {t('committee.settings', { max: term.scoreScaleMax, min: term.minScoresToDecide })}
            </p>
            <Table
              caption={`${t('committee.membersTitle')}：${term.name}`}
              head={[
                t('committee.memberName'),
                t('committee.position'),
                t('committee.category'),
                t('committee.affiliation'),
                t('committee.fromDate'),
                t('committee.toDate'),
                t('common.actions'),
              ]}
            >
              {term.members.map((m) => (
                <tr key={m.id}>
                  <Td>{m.user.name}</Td>
                  <Td>{t(`enums.CommitteePosition.${m.position}`)}</Td>
                  <Td>{t(`enums.CommitteeCategory.${m.category}`)}</Td>
                  <Td>{m.affiliation}</Td>
                  <Td>{m.fromDate}</Td>
                  <Td>{m.toDate ?? t('committee.current')}</Td>
                  <Td>
                    {m.toDate === null && today >= m.fromDate ? (
                      <ActionButton
                        action={endMembershipAction}
                        input={{
                          membershipId: m.id,
                          version: m.version,
                          toDate: today < term.endsOn ? today : term.endsOn,
                        }}
                        label={t('committee.endMember')}
                        accessibleLabel={t('committee.endMemberLabel', { name: m.user.name })}
                        done={t('committee.ended')}
                        variant="secondary"
                      />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
            <details className="mt-4 border-t border-slate-100 pt-4">
              <summary className="cursor-pointer text-sm font-medium text-brand-800">{t('committee.editTerm')}</summary>
              <div className="mt-3">
                <EditTermForm
                  term={{
                    termId: term.id,
                    version: term.version,
                    name: term.name,
                    startsOn: term.startsOn,
                    endsOn: term.endsOn,
                    scoreScaleMax: term.scoreScaleMax,
                    minScoresToDecide: term.minScoresToDecide,
                  }}
                />
              </div>
            </details>
            <div className="mt-4 border-t border-slate-100 pt-4">
              <AddMemberForm
                termId={term.id}
                termName={term.name}
                from={today > term.startsOn && today <= term.endsOn ? today : term.startsOn}
              />
            </div>
          </Card>
        ))}
        <Card title={t('committee.newTerm')}>
          <CreateTermForm />
        </Card>
      </div>
    </>
  );
}
