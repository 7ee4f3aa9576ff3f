"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-start justify-center gap-3 px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      {error.digest ? <p className="text-xs text-slate-500">{t("reference", { digest: error.digest })}</p> : null}
      <Button onClick={reset} className="mt-2">
        {t("retry")}
      </Button>
    </main>
  );
}
