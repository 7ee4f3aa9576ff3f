import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/ui/page-parts";

export default async function Loading() {
  return <Skeleton label={(await getTranslations("periods"))("loading")} rows={4} />;
}
