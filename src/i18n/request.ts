import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type AppLocale } from "./config";
import { sessionClaims } from "@/server/auth/session";
import { organizationLocaleForPath } from "./organization-locale";

/**
 * The language of a request: the person's own choice (cookie, set from their account at
 * sign-in), else the default of the organisation in the URL (for its members), else the
 * browser's, else Swedish.
 */
export async function resolveLocale(): Promise<AppLocale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const requestHeaders = await headers();
  const fromOrganization = await organizationLocaleForPath(requestHeaders.get("x-smarta-pathname"), await sessionClaims());
  if (fromOrganization) return fromOrganization;
  return localeFromAcceptLanguage(requestHeaders.get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = locale === "en" ? (await import("./messages/en")).default : (await import("./messages/sv")).default;
  return { locale, messages, timeZone: "Europe/Stockholm" };
});
