import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { GoalEditor } from "@/features/goals/components/editor/goal-editor";
import { editorPeriods } from "@/features/goals/components/editor/periods";
import { chooseNewGoalDefaults, creatableLevels, type NewGoalQuery } from "@/features/goals/components/editor/new-goal-defaults";
import { GOAL_LEVELS, type GoalLevel, type OwnerOptions } from "@/features/goals/goals.schema";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { buttonClasses } from "@/ui/button";
import { EmptyState } from "@/ui/page-parts";

type Props = {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("goalEditor"))("titleNew") };
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** Today's calendar day where the organisations work. */
const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

export default async function NewGoalPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const search = await searchParams;
  const query: NewGoalQuery = {
    level: single(search.level),
    teamId: single(search.teamId),
    ownerId: single(search.ownerId),
    parentGoalId: single(search.parentGoalId),
  };
  const caller = await serverCaller();
  const me = await pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}/goals/new`);
  const t = await getTranslations("goalEditor");

  const [periodRows, parentDetail, ...options] = await Promise.all([
    caller.period.list({ orgSlug }),
    query.parentGoalId ? caller.goal.get({ orgSlug, goalId: query.parentGoalId }).catch(() => null) : Promise.resolve(null),
    ...GOAL_LEVELS.map((level) => caller.goal.ownerOptions({ orgSlug, level }).catch(() => null)),
  ]);
  const ownerChoices: Partial<Record<GoalLevel, OwnerOptions>> = {};
  GOAL_LEVELS.forEach((level, index) => {
    const choice = options[index];
    if (choice) ownerChoices[level] = choice;
  });
  const allowedLevels = creatableLevels(ownerChoices);
  const periods = editorPeriods(periodRows);

  const back = (
    <Link href={`/o/${orgSlug}/goals`} className={buttonClasses("secondary", "mt-4")}>
      {t("backToGoals")}
    </Link>
  );
  if (allowedLevels.length === 0) {
    return (
      <EmptyState title={t("noLevels.title")}>
        <p>{t("noLevels.body")}</p>
        {back}
      </EmptyState>
    );
  }
  const defaults = chooseNewGoalDefaults({
    query,
    allowedLevels,
    ownerChoices,
    periods,
    me: me.membershipId,
    parent: parentDetail ? { id: parentDetail.id, level: parentDetail.level, period: parentDetail.period } : null,
    today: today(),
  });
  if (!defaults) {
    return (
      <EmptyState title={t("noPeriods.title")}>
        <p>{t("noPeriods.body")}</p>
        {back}
      </EmptyState>
    );
  }
  // keep the asked-for parent only when this goal may link to it
  if (defaults.parentGoalId) {
    const targets = await caller.goal
      .linkTargets({ orgSlug, level: defaults.level, kind: "PERFORMANCE", periodId: defaults.periodId, goalId: null })
      .catch(() => []);
    if (!targets.some((target) => target.id === defaults.parentGoalId)) defaults.parentGoalId = "";
  }

  return (
    <GoalEditor
      orgSlug={orgSlug}
      me={{ membershipId: me.membershipId, name: me.name }}
      periods={periods}
      mode={{ kind: "new", defaults, allowedLevels, ownerChoices }}
    />
  );
}
