import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { asLocale, LOCALE_COOKIE } from './config';

// Chinese unless the person chose English (the cookie), which the login also sets from their saved preference.
export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
