import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { TeamDashboardView } from "@/features/team-dashboard/components/team-dashboard-view";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

type Params = {
  params: Promise<{ orgSlug: string; teamId: string }>;
  searchParams: Promise<{ period?: string | string[] }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?period=<id>` chooses the period; anything else reads as the default (the current one). */
function periodParam(value: string | string[] | undefined): string | null {
  return typeof value === "string" && UUID.test(value) ? value : null;
}

// one read per request, shared by the title and the page; another organisation's team is not found
const loadDashboard = cache(async (orgSlug: string, teamId: string, periodId: string | null) =>
  pageData((await serverCaller()).teamDashboard.get({ orgSlug, teamId, periodId }), `/o/${orgSlug}/teams/${teamId}`),
);

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { orgSlug, teamId } = await params;
  const dashboard = await loadDashboard(orgSlug, teamId, periodParam((await searchParams).period));
  return { title: `${dashboard.team.name} · ${(await getTranslations("teamDashboard"))("title")}` };
}

export default async function TeamDashboardPage({ params, searchParams }: Params) {
  const { orgSlug, teamId } = await params;
  const periodId = periodParam((await searchParams).period);
  const dashboard = await loadDashboard(orgSlug, teamId, periodId);
  return <TeamDashboardView orgSlug={orgSlug} initial={dashboard} initialPeriodId={periodId} />;
}
