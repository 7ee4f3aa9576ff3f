import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function ImportLoading() {
  const t = await getTranslations("common");
  return <Skeleton label={t("loading")} rows={4} />;
}
