import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AlignmentView } from "@/features/alignment/components/alignment-view";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { EmptyState } from "@/ui/page-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alignment"))("title") };
}

export default async function AlignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const { orgSlug } = await params;
  const { period: requested } = await searchParams;
  const caller = await serverCaller();
  const returnTo = `/o/${orgSlug}/alignment`;
  const [me, periods] = await Promise.all([
    pageData(caller.member.me({ orgSlug }), returnTo),
    pageData(caller.period.list({ orgSlug }), returnTo),
  ]);
  const t = await getTranslations("alignment");

  // the period asked for, else the current one, else the latest
  const chosen =
    periods.find((period) => period.id === requested) ??
    periods.find((period) => period.isCurrent) ??
    [...periods].sort((a, b) => b.startDate.getTime() - a.startDate.getTime())[0];

  if (!chosen) {
    return (
      <div className="flex flex-col gap-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("lead")}</p>
        </div>
        <EmptyState title={t("noPeriodsTitle")}>
          {me.permissions.includes("period.manage") ? (
            <Link href={`/o/${orgSlug}/admin/periods`} className="text-brand-700 underline">
              {t("noPeriodsAdmin")}
            </Link>
          ) : (
            t("noPeriodsBody")
          )}
        </EmptyState>
      </div>
    );
  }

  const tree = await pageData(caller.goal.alignmentTree({ orgSlug, periodId: chosen.id }), returnTo);
  return (
    <AlignmentView
      orgSlug={orgSlug}
      periods={periods.map(({ id, name, isCurrent }) => ({ id, name, isCurrent }))}
      initialPeriodId={chosen.id}
      initialTree={tree}
      canCreateOrganizationGoals={me.permissions.includes("goal.createOrganization")}
    />
  );
}
