"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { PersonLink } from "@/features/people/components/person-link";
import { TextField } from "@/ui/field";
import { Badge, EmptyState } from "@/ui/page-parts";
import { filterOrgChart } from "../name-search";
import type { OrgChart, OrgChartPerson, OrgChartTeam } from "../org-chart.schema";
import { ManagerChain } from "./manager-chain";

const TOOLBAR_BUTTON = "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100";

export function OrgChartView({ orgSlug, chart, canManageTeams }: { orgSlug: string; chart: OrgChart; canManageTeams: boolean }) {
  const t = useTranslations("orgChart");
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const filtered = useMemo(() => filterOrgChart(chart, deferredQuery), [chart, deferredQuery]);
  const searching = deferredQuery.trim() !== "";
  const byId = useMemo(() => new Map(filtered.teams.map((team) => [team.id, team])), [filtered.teams]);
  const roots = filtered.teams.filter((team) => team.depth === 0);
  const nothingYet = chart.teams.length === 0 && chart.withoutTeam.length === 0;

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const copy = new Set(current);
      if (copy.has(id)) copy.delete(id);
      else copy.add(id);
      return copy;
    });

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>

      {chart.teams.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          {canManageTeams ? (
            <Link href={`/o/${orgSlug}/admin/teams`} className="text-brand-700 underline">
              {t("emptyAdminBody")}
            </Link>
          ) : (
            t("emptyBody")
          )}
        </EmptyState>
      ) : null}

      {nothingYet ? null : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div className="w-full sm:max-w-sm">
              <TextField
                label={t("search")}
                hint={t("searchHint")}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                autoComplete="off"
              />
            </div>
            {chart.teams.length > 0 && !searching ? (
              <div className="flex gap-1">
                <button type="button" className={TOOLBAR_BUTTON} onClick={() => setCollapsed(new Set())}>
                  {t("expandAll")}
                </button>
                <button
                  type="button"
                  className={TOOLBAR_BUTTON}
                  onClick={() => setCollapsed(new Set(chart.teams.map((team) => team.id)))}
                >
                  {t("collapseAll")}
                </button>
              </div>
            ) : null}
          </div>

          <p aria-live="polite" className="text-sm text-slate-600 empty:hidden">
            {searching && filtered.matchCount > 0 ? t("matches", { count: filtered.matchCount }) : ""}
          </p>

          {searching && filtered.matchCount === 0 ? (
            <EmptyState title={t("noMatchesTitle", { query: deferredQuery.trim() })}>{t("noMatchesBody")}</EmptyState>
          ) : null}

          {roots.length > 0 ? (
            <ul aria-label={t("teams")} className="flex flex-col gap-4">
              {roots.map((team) => (
                <TeamSection
                  key={team.id}
                  orgSlug={orgSlug}
                  team={team}
                  byId={byId}
                  isOpen={(id) => searching || !collapsed.has(id)}
                  toggle={toggle}
                />
              ))}
            </ul>
          ) : null}

          {filtered.withoutTeam.length > 0 ? (
            <section aria-labelledby="without-team" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="without-team" className="text-lg font-semibold">
                {t("withoutTeam")}
              </h2>
              <p className="text-sm text-slate-600">{t("withoutTeamLead")}</p>
              <PeopleList orgSlug={orgSlug} people={filtered.withoutTeam} leadIds={new Set()} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

type SectionProps = {
  orgSlug: string;
  team: OrgChartTeam;
  byId: ReadonlyMap<string, OrgChartTeam>;
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
};

function TeamSection({ orgSlug, team, byId, isOpen, toggle }: SectionProps) {
  const t = useTranslations("orgChart");
  const tDashboard = useTranslations("teamDashboard");
  const bodyId = useId();
  const open = isOpen(team.id);
  const children = team.childIds.flatMap((id) => byId.get(id) ?? []);
  const Heading = (["h2", "h3", "h4", "h5", "h6"] as const)[Math.min(team.depth, 4)]!;
  const leadIds = new Set(team.leads.map((lead) => lead.membershipId));
  const topLevel = team.depth === 0;

  return (
    <li className={topLevel ? "rounded-lg border border-slate-200 bg-white shadow-sm" : "border-l-2 border-brand-100 pl-3 sm:pl-4"}>
      <div className={topLevel ? "px-4 pt-3 pb-2" : "pt-2"}>
        <Heading className={topLevel ? "text-lg font-semibold" : "text-base font-semibold"}>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => toggle(team.id)}
            className="-ml-1 inline-flex items-start gap-1.5 rounded px-1 text-left hover:bg-slate-100"
          >
            <svg viewBox="0 0 20 20" aria-hidden className={`mt-1 size-4 shrink-0 text-slate-500 transition-transform ${open ? "rotate-90" : ""}`}>
              <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="break-words">{team.name}</span>
            <span className="mt-0.5 text-sm font-normal whitespace-nowrap text-slate-600">· {t("headCount", { count: team.totalHeadCount })}</span>
          </button>
        </Heading>
        <p className="ml-6 text-sm text-slate-700">
          <span className="text-slate-600">{t("leads")}: </span>
          {team.leads.length > 0
            ? team.leads.map((lead, index) => (
                <span key={lead.membershipId}>
                  {index > 0 ? ", " : null}
                  <PersonLink orgSlug={orgSlug} person={lead} />
                </span>
              ))
            : t("noLeads")}
        </p>
        <p className="ml-6 text-sm">
          <Link href={`/o/${orgSlug}/teams/${team.id}`} data-testid="org-chart-team-dashboard" className="text-brand-700 underline-offset-2 hover:underline">
            {tDashboard("openDashboard")}
            <span className="sr-only">: {team.name}</span>
          </Link>
        </p>
      </div>
      <div id={bodyId} hidden={!open} className={topLevel ? "px-4 pb-4" : "pb-1"}>
        {team.people.length > 0 ? (
          <PeopleList orgSlug={orgSlug} people={team.people} leadIds={leadIds} />
        ) : children.length === 0 ? (
          <p className="ml-6 py-1 text-sm text-slate-600">{t("noPeople")}</p>
        ) : null}
        {children.length > 0 ? (
          <ul className="mt-2 flex flex-col gap-2">
            {children.map((child) => (
              <TeamSection key={child.id} orgSlug={orgSlug} team={child} byId={byId} isOpen={isOpen} toggle={toggle} />
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

function PeopleList({ orgSlug, people, leadIds }: { orgSlug: string; people: OrgChartPerson[]; leadIds: ReadonlySet<string> }) {
  // leads first, then by name as the server sorted them
  const ordered = [...people].sort((a, b) => Number(leadIds.has(b.membershipId)) - Number(leadIds.has(a.membershipId)));
  return (
    <ul className="mt-1 grid gap-x-8 lg:grid-cols-2">
      {ordered.map((person) => (
        <PersonRow key={person.membershipId} orgSlug={orgSlug} person={person} isLead={leadIds.has(person.membershipId)} />
      ))}
    </ul>
  );
}

function PersonRow({ orgSlug, person, isLead }: { orgSlug: string; person: OrgChartPerson; isLead: boolean }) {
  const t = useTranslations("orgChart");
  const tRoles = useTranslations("roles");
  const [showChain, setShowChain] = useState(false);
  const chainId = useId();
  return (
    <li data-testid="org-chart-person" className="flex flex-wrap items-start gap-x-3 gap-y-1 border-b border-slate-100 py-2 sm:ml-6">
      <div className="min-w-0 flex-1 basis-48">
        <p className="flex flex-wrap items-center gap-2">
          <PersonLink orgSlug={orgSlug} person={person} />
          {isLead ? <Badge tone="success">{t("leadBadge")}</Badge> : null}
        </p>
        <p className="text-sm text-slate-600">{[person.title, tRoles(person.role)].filter(Boolean).join(" · ")}</p>
      </div>
      <button
        type="button"
        aria-expanded={showChain}
        aria-controls={showChain ? chainId : undefined}
        onClick={() => setShowChain((open) => !open)}
        className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
      >
        {showChain ? t("hideChain") : t("showChain")}
      </button>
      {showChain ? (
        <div id={chainId} className="basis-full">
          <ManagerChain orgSlug={orgSlug} person={person} />
        </div>
      ) : null}
    </li>
  );
}
