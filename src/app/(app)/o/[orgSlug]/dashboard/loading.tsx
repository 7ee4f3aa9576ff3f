import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function OrgDashboardLoading() {
  const t = await getTranslations("orgDashboard");
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <Skeleton label={t("loading")} rows={4} />
      <Skeleton label={t("tree.loading")} rows={6} />
    </div>
  );
}
