// next-intl request config (referenced by next.config.ts): one locale per request, no locale
// in the URL — the region already owns the first path segment.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { LOCALE_COOKIE, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return {
    locale,
    messages: catalogs[locale],
    // A fixed zone keeps server and browser rendering identical; operators work across zones.
    timeZone: "UTC",
  };
});
