import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function OrgChartLoading() {
  const t = await getTranslations("orgChart");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <Skeleton label={t("loading")} rows={8} />
    </div>
  );
}
