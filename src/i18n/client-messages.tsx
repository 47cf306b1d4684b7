import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_NAMESPACES, SHELL, type ClientRoute, type Namespace } from './client-namespaces';
import { NestedMessages } from './nested-messages';

/** The request locale's messages of these namespaces, and nothing else. */
async function pick(namespaces: readonly Namespace[]) {
  const all = await getMessages();
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
}

/**
 * The messages client components below may use (src/i18n/client-namespaces.ts). Without `route` (the root layout):
 * the provider itself, with SHELL, the locale, the time zone and the formats. With a route: that route's list, added
 * to what the providers above already hold rather than sent again.
 */
export async function ClientMessages({ route, children }: { route?: ClientRoute; children: ReactNode }) {
  if (route === undefined) {
    return <NextIntlClientProvider messages={await pick(SHELL)}>{children}</NextIntlClientProvider>;
  }
  return <NestedMessages messages={await pick(CLIENT_NAMESPACES[route])}>{children}</NestedMessages>;
}

/** The layout of a directory whose pages need messages beyond those above it: it provides them and nothing else. */
export function messagesLayout(route: ClientRoute) {
  return function MessagesLayout({ children }: { children: ReactNode }) {
    return <ClientMessages route={route}>{children}</ClientMessages>;
  };
}
