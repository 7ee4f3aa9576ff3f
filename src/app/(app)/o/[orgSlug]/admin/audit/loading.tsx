import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function Loading() {
  return <Skeleton label={(await getTranslations("audit"))("loading")} rows={8} />;
}
