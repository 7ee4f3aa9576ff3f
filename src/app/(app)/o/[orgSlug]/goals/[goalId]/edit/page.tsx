import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { GoalEditor } from "@/features/goals/components/editor/goal-editor";
import { editorPeriods } from "@/features/goals/components/editor/periods";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { buttonClasses } from "@/ui/button";
import { EmptyState } from "@/ui/page-parts";

type Params = { params: Promise<{ orgSlug: string; goalId: string }> };

// one read per request, shared by the title and the page; unknown and hidden goals are not found
const loadGoal = cache(async (orgSlug: string, goalId: string) =>
  pageData((await serverCaller()).goal.get({ orgSlug, goalId }), `/o/${orgSlug}/goals/${goalId}/edit`),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { orgSlug, goalId } = await params;
  const goal = await loadGoal(orgSlug, goalId);
  return { title: `${goal.fields.title} · ${(await getTranslations("goalEditor"))("titleEdit")}` };
}

export default async function EditGoalPage({ params }: Params) {
  const { orgSlug, goalId } = await params;
  const caller = await serverCaller();
  const [goal, me, periodRows] = await Promise.all([
    loadGoal(orgSlug, goalId),
    pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}/goals/${goalId}/edit`),
    caller.period.list({ orgSlug }),
  ]);
  const t = await getTranslations();

  if (!goal.can.edit) {
    return (
      <EmptyState title={t("goalEditor.notEditable.title")}>
        <p>{t("goalEditor.notEditable.body", { status: t(`goals.status.${goal.status}`) })}</p>
        <Link href={`/o/${orgSlug}/goals/${goal.id}`} className={buttonClasses("secondary", "mt-4")}>
          {t("goalEditor.toGoalPage")}
        </Link>
      </EmptyState>
    );
  }

  const periods = editorPeriods(periodRows);
  return (
    <GoalEditor
      key={goal.id}
      orgSlug={orgSlug}
      me={{ membershipId: me.membershipId, name: me.name }}
      periods={periods}
      mode={{ kind: "edit", detail: goal }}
    />
  );
}
