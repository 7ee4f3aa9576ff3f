import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { GoalView } from "@/features/goals/components/goal-page/goal-view";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

type Params = { params: Promise<{ orgSlug: string; goalId: string }> };

// one read per request, shared by the title and the page; unknown and hidden goals are not found
const loadGoal = cache(async (orgSlug: string, goalId: string) =>
  pageData((await serverCaller()).goal.get({ orgSlug, goalId }), `/o/${orgSlug}/goals/${goalId}`),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { orgSlug, goalId } = await params;
  const goal = await loadGoal(orgSlug, goalId);
  return { title: `${goal.fields.title} · ${(await getTranslations("goals.list"))("title")}` };
}

export default async function GoalPage({ params }: Params) {
  const { orgSlug, goalId } = await params;
  const goal = await loadGoal(orgSlug, goalId);
  return <GoalView orgSlug={orgSlug} initial={goal} />;
}
