'use client';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { signOut } from 'next-auth/react';
import Link from 'next/link';

export function UserMenu({
  name,
  labels,
}: {
  name: string;
  labels: { menu: string; changePassword: string; logout: string };
}) {
  return (
    // Not modal: a modal menu hides the page with aria-hidden while its elements stay focusable (axe: aria-hidden-focus).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex items-center gap-1 rounded px-2 py-1 text-sm hover:bg-brand-700"
        aria-label={`${labels.menu}：${name}`}
      >
        <span className="max-w-16 truncate sm:max-w-32">{name}</span>
        <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg"
        >
          <DropdownMenu.Item
            asChild
            className="block rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-brand-50"
          >
            <Link href="/account/password">{labels.changePassword}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut({ callbackUrl: '/login?reason=logout' })}
            className="cursor-pointer rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-brand-50"
          >
            {labels.logout}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
