import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Role } from '@/domain/auth/roles';
import type { Actor } from '@/server/auth/actor';
import { SwitchRoleButton } from './switch-role-button';

/**
 * A role's area of the portal. The active role enters; a person who holds the role but is acting in another is
 * offered the switch; anyone else finds no such page (404). Pages still check their own permission — this gate
 * only shapes what people see.
 */
export async function RoleGate({ actor, roles, children }: { actor: Actor; roles: Role[]; children: React.ReactNode }) {
  if (roles.includes(actor.role)) return <>{children}</>;
  const held = actor.roles.find((r) => roles.includes(r.role));
  if (!held) notFound();
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">{t('shell.wrongRoleTitle', { role: t(`roles.${held.role}`) })}</h1>
      <p className="mt-2 text-sm text-slate-700">{t('shell.wrongRoleBody', { active: t(`roles.${actor.role}`) })}</p>
      <div className="mt-4">
        <SwitchRoleButton role={held.role} label={t('shell.switchRoleTo', { role: t(`roles.${held.role}`) })} />
      </div>
    </div>
  );
}
