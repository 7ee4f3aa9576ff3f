import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-start justify-center gap-3 px-6 py-16">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">{t("notFound.title")}</h1>
      <p className="text-slate-600">{t("notFound.body")}</p>
      <Link href="/" className={buttonClasses("primary", "mt-2")}>
        {t("common.backHome")}
      </Link>
    </main>
  );
}
