"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { PersonLink } from "@/features/people/components/person-link";
import type { PersonWithoutGoal, SubTeamRow, TeamStats } from "../team-dashboard.schema";
import { teamHref } from "./goal-tables";

const LINK = "text-brand-700 underline-offset-2 hover:underline";
const TH = "px-3 py-2 font-medium";

/** The headline numbers, as a description list so each figure keeps its name for screen readers. */
export function StatCards({ stats, showPeople }: { stats: TeamStats; showPeople: boolean }) {
  const t = useTranslations("teamDashboard.stats");
  const format = useFormatter();
  const points = usePointsFormat();
  const onTrack = stats.distribution.ON_TRACK + stats.distribution.ACHIEVED;
  const cards = [
    {
      key: "goals",
      label: t("goals"),
      value: format.number(stats.goals),
      detail: showPeople ? t("goalsDetail", { team: stats.teamGoals, people: stats.peopleGoals }) : t("goalsDetailPublic"),
    },
    {
      key: "meanProgress",
      label: t("meanProgress"),
      value: stats.meanProgressPoints === null ? t("none") : points(stats.meanProgressPoints),
      detail: t("meanProgressDetail"),
    },
    { key: "onTrack", label: t("onTrack"), value: format.number(onTrack), detail: t("onTrackDetail", { active: stats.active }) },
    {
      key: "checkInsOverdue",
      label: t("checkInsOverdue"),
      value: format.number(stats.checkInsOverdue),
      detail: t("checkInsOverdueDetail", { stale: stats.stale }),
    },
    ...(showPeople && stats.people !== null && stats.peopleWithoutAcceptedGoal !== null
      ? [
          {
            key: "withoutAccepted",
            label: t("withoutAccepted"),
            value: format.number(stats.peopleWithoutAcceptedGoal),
            detail: t("withoutAcceptedDetail", { people: stats.people }),
          },
        ]
      : []),
  ];
  return (
    <dl aria-label={t("label")} className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
      {cards.map((card) => (
        <div key={card.key} data-testid="team-dashboard-stat" data-stat={card.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm text-slate-600">{card.label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="team-dashboard-stat-value">
            {card.value}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-600">{card.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** People of the team with no goal of the period signed by both, and what they have started. */
export function PeopleWithoutGoal({ orgSlug, teamId, people }: { orgSlug: string; teamId: string; people: PersonWithoutGoal[] }) {
  const t = useTranslations("teamDashboard.without");
  return (
    <ul className="grid gap-x-8 sm:grid-cols-2" data-testid="people-without-accepted-goal">
      {people.map((row) => (
        <li
          key={row.person.membershipId}
          data-testid="person-without-goal-row"
          data-membership-id={row.person.membershipId}
          className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-100 py-2"
        >
          <span>
            <PersonLink orgSlug={orgSlug} person={row.person} />
            {row.team.id === teamId ? null : (
              <>
                <span className="text-slate-400"> · </span>
                <Link href={teamHref(orgSlug, row.team.id)} className={`${LINK} text-sm`}>
                  {row.team.name}
                </Link>
              </>
            )}
          </span>
          <span className="text-sm text-slate-600">{row.pendingGoals > 0 ? t("pending", { count: row.pendingGoals }) : t("noGoal")}</span>
        </li>
      ))}
    </ul>
  );
}

/** One row per direct sub-team with the numbers of everything below it. */
export function SubTeamTable({ orgSlug, rows }: { orgSlug: string; rows: SubTeamRow[] }) {
  const t = useTranslations("teamDashboard.subTeams");
  const format = useFormatter();
  const points = usePointsFormat();
  const numberCell = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="sub-teams-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className={TH}>
              {t("columns.team")}
            </th>
            {(["people", "goals", "meanProgress", "onTrack", "atRisk", "offTrack", "checkInsOverdue", "withoutAccepted"] as const).map((column) => (
              <th key={column} scope="col" className={`${TH} text-right`}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ team, stats }) => (
            <tr key={team.id} data-testid="sub-team-row" data-team-id={team.id} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={teamHref(orgSlug, team.id)} className={`${LINK} font-medium`}>
                  {team.name}
                </Link>
                {team.archived ? <span className="ml-2 text-xs text-slate-600">({t("archived")})</span> : null}
              </th>
              <td className={numberCell}>{format.number(stats.people ?? 0)}</td>
              <td className={numberCell}>{format.number(stats.goals)}</td>
              <td className={numberCell}>{stats.meanProgressPoints === null ? "–" : points(stats.meanProgressPoints)}</td>
              <td className={numberCell}>{format.number(stats.distribution.ON_TRACK + stats.distribution.ACHIEVED)}</td>
              <td className={numberCell}>{format.number(stats.distribution.AT_RISK)}</td>
              <td className={numberCell}>{format.number(stats.distribution.OFF_TRACK + stats.distribution.OVERDUE)}</td>
              <td className={numberCell}>{format.number(stats.checkInsOverdue)}</td>
              <td className={numberCell}>{format.number(stats.peopleWithoutAcceptedGoal ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
