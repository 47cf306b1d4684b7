import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { unreadCount } from '@/server/notify/inbox';
import { InboxLink } from './inbox-link';
import { LanguageSwitch } from './language-switch';
import { MobileNav, NavLinks } from './nav-links';
import { navFor } from './nav';
import { RoleSwitcher } from './role-switcher';
import { UserMenu } from './user-menu';

/** The signed-in frame: brand, the active role's navigation, role switcher, language, account menu. */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const t = await getTranslations();
  const unread = await unreadCount(db(), actor);
  const items = navFor(actor.role).map((i) => ({ href: i.href, label: t(`nav.${i.label}`) }));
  const roles = actor.roles.map((r) => ({
    role: r.role,
    label: t(`roles.${r.role}`),
    institutionName: r.institutionName,
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('common.skipToContent')}
      </a>
      <header className="border-b border-brand-900 bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2">
          <MobileNav
            items={items}
            openLabel={t('nav.openMenu')}
            closeLabel={t('nav.closeMenu')}
            navLabel={t('nav.label')}
          />
          <Link href="/dashboard" className="flex items-baseline gap-2 font-semibold whitespace-nowrap">
            <span className="text-lg">{t('common.appName')}</span>
            <span className="hidden text-sm font-normal text-brand-100 md:inline">{t('common.appFullName')}</span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <RoleSwitcher
              active={actor.role}
              activeLabel={t(`roles.${actor.role}`)}
              roles={roles}
              labels={{ activeRole: t('shell.activeRole'), switchRole: t('shell.switchRole') }}
            />
            <InboxLink unread={unread} label={t('notifications.bellLabel', { count: unread })} />
            <LanguageSwitch label={t('shell.language')} />
            <UserMenu
              name={actor.name}
              labels={{
                menu: t('shell.userMenu'),
                changePassword: t('shell.changePassword'),
                logout: t('shell.logout'),
              }}
            />
          </div>
        </div>
        <div className="hidden border-t border-brand-700 bg-brand-700 md:block">
          <div className="mx-auto max-w-7xl px-4">
            <NavLinks items={items} label={t('nav.label')} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
