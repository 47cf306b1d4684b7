'use client';
import { useMemo, type ReactNode } from 'react';
import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from 'next-intl';

/**
 * Adds namespaces to the messages of the provider above. A nested NextIntlClientProvider replaces its parent's
 * messages (use-intl's IntlProvider does not merge them; time zone, formats and `now` it does inherit), so the
 * parent's are merged in here, in the browser, instead of being serialised into the page a second time.
 */
export function NestedMessages({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const parent = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
