import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HrReportView } from "@/features/reports/components/hr-report-view";
import { EmptyState } from "@/ui/page-parts";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const caller = await serverCaller();
  const me = await pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}/reports`);
  const t = await getTranslations("reports");
  if (!me.permissions.includes("report.read")) {
    return (
      <div className="flex flex-col gap-5" data-testid="report-no-access">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <EmptyState title={t("noAccess.title")}>
          <p>{t("noAccess.body")}</p>
        </EmptyState>
      </div>
    );
  }
  const periods = await pageData(caller.period.list({ orgSlug }), `/o/${orgSlug}/reports`);
  return (
    <HrReportView
      orgSlug={orgSlug}
      organizationName={me.organization.name}
      periods={periods.map(({ id, name, isCurrent, closedAt }) => ({ id, name, isCurrent, closed: closedAt !== null }))}
    />
  );
}
