import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OrgDashboardView } from "@/features/org-dashboard/components/org-dashboard-view";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { EmptyState } from "@/ui/page-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgDashboard"))("title") };
}

export default async function OrgDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const { orgSlug } = await params;
  const { period: requested } = await searchParams;
  const caller = await serverCaller();
  const returnTo = `/o/${orgSlug}/dashboard`;
  const [me, periods] = await Promise.all([pageData(caller.member.me({ orgSlug }), returnTo), pageData(caller.period.list({ orgSlug }), returnTo)]);
  const t = await getTranslations("orgDashboard");

  // the period asked for, else the current one, else the latest
  const chosen =
    periods.find((period) => period.id === requested) ??
    periods.find((period) => period.isCurrent) ??
    [...periods].sort((a, b) => b.startDate.getTime() - a.startDate.getTime())[0];

  if (!chosen) {
    return (
      <div className="flex flex-col gap-5" data-testid="org-dashboard">
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

  const [overview, roots] = await Promise.all([
    pageData(caller.orgDashboard.overview({ orgSlug, periodId: chosen.id }), returnTo),
    pageData(caller.orgDashboard.children({ orgSlug, periodId: chosen.id, parentGoalId: null }), returnTo),
  ]);
  return (
    <OrgDashboardView
      orgSlug={orgSlug}
      periods={periods.map(({ id, name, isCurrent }) => ({ id, name, isCurrent }))}
      initialPeriodId={chosen.id}
      initialOverview={overview}
      initialRoots={roots}
      canCreateOrganizationGoals={me.permissions.includes("goal.createOrganization")}
      canManageTeams={me.permissions.includes("team.manage")}
    />
  );
}
