'use client';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTransition, useState } from 'react';
import type { Role } from '@/domain/auth/roles';
import { switchRoleAction } from '@/app/actions/session';

type Option = { role: Role; label: string; institutionName: string | null };

/** Shows the active role on every page; lets a person with several roles change it. */
export function RoleSwitcher({
  active,
  activeLabel,
  roles,
  labels,
}: {
  active: Role;
  activeLabel: string;
  roles: Option[];
  labels: { activeRole: string; switchRole: string };
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const badge = (
    <span className="flex flex-col items-end leading-tight">
      <span className="hidden text-[11px] text-brand-100 sm:inline">{labels.activeRole}</span>
      <span className="max-w-[6.5rem] truncate text-sm font-medium sm:max-w-none" data-testid="active-role">
        {activeLabel}
      </span>
    </span>
  );
  if (roles.length < 2) return <div className="px-2">{badge}</div>;
  return (
    // Not modal: a modal menu hides the page with aria-hidden while its elements stay focusable (axe: aria-hidden-focus).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex items-center gap-1 rounded px-2 py-1 hover:bg-brand-700"
        aria-label={`${labels.switchRole}（${labels.activeRole}：${activeLabel}）`}
        aria-busy={pending || undefined}
      >
        {badge}
        <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-600">{labels.switchRole}</DropdownMenu.Label>
          {roles.map((r) => (
            <DropdownMenu.Item
              key={r.role}
              disabled={r.role === active || pending}
              onSelect={() =>
                startTransition(async () => {
                  setError(null);
                  const result = await switchRoleAction({ role: r.role });
                  if (result && !result.ok) setError(result.message);
                })
              }
              className="flex cursor-pointer flex-col rounded px-2 py-2 text-sm outline-none data-[disabled]:cursor-default data-[disabled]:font-semibold data-[highlighted]:bg-brand-50"
            >
              <span>
                {r.label}
                {r.role === active ? ' ✓' : ''}
              </span>
              {r.institutionName ? <span className="text-xs text-slate-600">{r.institutionName}</span> : null}
            </DropdownMenu.Item>
          ))}
          {error ? (
            <p role="alert" className="px-2 py-1 text-xs text-accent-600">
              {error}
            </p>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
