import { getTranslations } from "next-intl/server";

const BAR = "animate-pulse rounded bg-slate-200/70";

export default async function GoalLoading() {
  const t = await getTranslations("goals.page");
  return (
    <div className="flex flex-col gap-5" role="status" aria-label={t("loading")}>
      <div className={`h-4 w-24 ${BAR}`} />
      <div className={`h-6 w-48 ${BAR}`} />
      <div className={`h-9 w-2/3 ${BAR}`} />
      <div className="h-24 animate-pulse rounded-lg bg-brand-50" />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
          {Array.from({ length: 8 }, (_, index) => (
            <div key={index} className={`h-6 ${BAR}`} />
          ))}
        </div>
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className={`h-6 ${BAR}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
