import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { ClientMessages } from '@/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: `${t('appName')} · ${t('appFullName')}`, template: `%s · ${t('appName')}` } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (src/proxy.ts), which a page
  // prerendered at build time could not.
  await connection();
  const locale = await getLocale();
  // Client components get only the messages they use: SHELL here, each route's own below (src/i18n/client-namespaces.ts).
  return (
    <html lang={locale}>
      <body>
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  );
}
