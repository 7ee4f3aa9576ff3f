import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function Loading() {
  return <Skeleton label={(await getTranslations("settings"))("loading")} rows={6} />;
}
