import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GoalList } from "@/features/goals/components/goal-list/goal-list";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("goals.list"))("title") };
}

export default async function GoalsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const caller = await serverCaller();
  const [me, periods] = await Promise.all([
    pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}/goals`),
    pageData(caller.period.list({ orgSlug }), `/o/${orgSlug}/goals`),
  ]);
  return (
    <GoalList
      orgSlug={orgSlug}
      ownMembershipId={me.membershipId}
      periods={periods.map(({ id, name, isCurrent }) => ({ id, name, isCurrent }))}
    />
  );
}
