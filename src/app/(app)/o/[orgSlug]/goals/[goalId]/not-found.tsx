import { getTranslations } from "next-intl/server";
import { GoalNotFoundLink } from "@/features/goals/components/goal-page/goal-not-found-link";

/** An unknown goal, another organisation's, or a development goal the reader may not see: all alike. */
export default async function GoalNotFound() {
  const t = await getTranslations("goals.notFound");
  return (
    <div className="flex max-w-lg flex-col items-start gap-3 py-10">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <GoalNotFoundLink label={t("back")} />
    </div>
  );
}
