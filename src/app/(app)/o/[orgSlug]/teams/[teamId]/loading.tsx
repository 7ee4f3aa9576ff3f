import { getTranslations } from "next-intl/server";
import { TeamDashboardSkeleton } from "@/features/team-dashboard/components/team-dashboard-skeleton";

export default async function TeamDashboardLoading() {
  return <TeamDashboardSkeleton label={(await getTranslations("teamDashboard"))("loading")} />;
}
