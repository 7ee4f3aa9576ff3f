import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function ReportsLoading() {
  const t = await getTranslations("reports");
  return (
    <div className="flex flex-col gap-5" data-testid="report-loading">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <Skeleton label={t("loading")} rows={10} />
    </div>
  );
}
