"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { AlignmentNode, GoalDetail } from "../../goals.schema";
import { StatusBadge } from "../status-badge";

function nodeKind(t: ReturnType<typeof useTranslations<"goals">>, node: Pick<AlignmentNode, "level" | "kind">) {
  return node.level === "INDIVIDUAL" ? t(`kind.${node.kind}`) : t(`level.${node.level}`);
}

/**
 * Where the goal sits: the path up to the organisation goal (each step a link), how it
 * contributes, and the goals linked directly under it.
 */
export function AlignmentPanel({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goals");
  const path = detail.alignmentPath;
  const needsLink = detail.level !== "ORGANIZATION" && path.length === 0;
  const mustLink = needsLink && (detail.level === "TEAM" || detail.fields.kind === "PERFORMANCE");

  return (
    <div className="flex flex-col gap-4 text-sm">
      <div>
        {detail.level === "ORGANIZATION" ? null : <h3 className="mb-2 font-medium text-slate-700">{t("page.alignment.pathTitle")}</h3>}
        {detail.level === "ORGANIZATION" ? (
          <p className="text-slate-600">{t("page.alignment.isTop")}</p>
        ) : needsLink ? (
          <p className={`flex items-start gap-2 ${mustLink ? "text-amber-900" : "text-slate-600"}`} data-testid="not-aligned">
            {mustLink ? (
              <svg viewBox="0 0 20 20" aria-hidden className="mt-0.5 size-4 shrink-0">
                <path d="M10 3l8 14H2L10 3z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
                <path d="M10 8v4M10 14.5v.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            ) : null}
            <span>{mustLink ? t("page.alignment.notLinkedRequired") : t("page.alignment.notLinked")}</span>
          </p>
        ) : (
          <nav aria-label={t("page.alignment.pathLabel")}>
            <ol className="flex flex-col gap-1" data-testid="alignment-path">
              {path.map((node, index) => (
                <li key={node.id} className="flex items-start gap-2" style={{ paddingLeft: `${index * 0.75}rem` }}>
                  <span aria-hidden className="mt-0.5 text-slate-400">
                    {index === 0 ? "◆" : "↳"}
                  </span>
                  <span className="min-w-0">
                    <Link href={`/o/${orgSlug}/goals/${node.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                      {node.title}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {nodeKind(t, node)} · {node.team?.name ?? node.owner.name}
                    </span>
                  </span>
                </li>
              ))}
              <li className="flex items-start gap-2" style={{ paddingLeft: `${path.length * 0.75}rem` }} aria-current="page">
                <span aria-hidden className="mt-0.5 text-slate-400">
                  ↳
                </span>
                <span className="min-w-0 font-medium break-words">
                  {detail.fields.title}
                  <span className="block text-xs font-normal text-slate-600">{t("page.alignment.thisGoal")}</span>
                </span>
              </li>
            </ol>
          </nav>
        )}
        {detail.fields.contribution.trim() !== "" && path.length > 0 ? (
          <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-slate-700">
            <span className="font-medium">{t("page.alignment.contribution")}: </span>
            {detail.fields.contribution}
          </p>
        ) : null}
      </div>

      {detail.level !== "INDIVIDUAL" || detail.children.length > 0 ? (
        <div>
          <h3 className="mb-2 font-medium text-slate-700">
            {detail.children.length > 0 ? t("page.alignment.childrenTitle", { count: detail.children.length }) : t("page.alignment.childrenTitleNone")}
          </h3>
          {detail.children.length === 0 ? (
            <p className="text-slate-600">{t("page.alignment.noChildren")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100" data-testid="linked-goals">
              {detail.children.map((child) => (
                <li key={child.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2">
                  <span className="min-w-0 flex-1 basis-40">
                    <Link href={`/o/${orgSlug}/goals/${child.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                      {child.title}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {nodeKind(t, child)} · {child.team && child.level === "TEAM" ? child.team.name : child.owner.name}
                    </span>
                    {child.contribution ? <span className="mt-0.5 block text-xs text-slate-700">{child.contribution}</span> : null}
                  </span>
                  <StatusBadge status={child.status} />
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <Link
        href={`/o/${orgSlug}/alignment?period=${detail.period.id}`}
        className="self-start text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("page.alignment.openTree")}
      </Link>
    </div>
  );
}
