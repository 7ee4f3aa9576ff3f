import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrgChartView } from "@/features/org-chart/components/org-chart-view";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgChart"))("title") };
}

export default async function OrgChartPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const caller = await serverCaller();
  const [chart, me] = await Promise.all([
    pageData(caller.orgChart.get({ orgSlug }), `/o/${orgSlug}/org-chart`),
    pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}/org-chart`),
  ]);
  return <OrgChartView orgSlug={orgSlug} chart={chart} canManageTeams={me.permissions.includes("team.manage")} />;
}
