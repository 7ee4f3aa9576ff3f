"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, rememberLocaleInBrowser, type AppLocale } from "@/i18n/config";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Switches the language at once. Signed in, the choice is also saved on the account so it
 * follows the person to other devices.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("shell");
  const tLocales = useTranslations("locales");
  const current = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const saveLocale = useMutation(trpc.account.setLocale.mutationOptions());
  const [pending, startTransition] = useTransition();

  async function choose(locale: AppLocale) {
    if (locale === current) return;
    rememberLocaleInBrowser(locale);
    if (signedIn) await saveLocale.mutateAsync({ locale }).catch(() => undefined);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t("language")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => void choose(locale)}
          className={`rounded px-2.5 py-1 ${locale === current ? "bg-brand-600 font-medium text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {tLocales(locale)}
        </button>
      ))}
    </div>
  );
}
