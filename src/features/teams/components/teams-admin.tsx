"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Alert, Card } from "@/ui/card";
import { Badge, EmptyState, SectionHeader, Skeleton } from "@/ui/page-parts";
import type { TeamTreeEntry } from "../teams.schema";
import { CreateTeamForm } from "./create-team-form";
import { ArchivePanel, LeadsPanel, MovePanel, PanelFrame, RenamePanel } from "./team-panels";
import { useRefreshTeams } from "./use-team-forms";

type PanelKind = "rename" | "move" | "leads" | "archive";
type OpenPanel = { teamId: string; kind: PanelKind } | null;
type Notice = { tone: "success" | "error"; text: string } | null;

const TOOLBAR_BUTTON = "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100";
const ROW_ACTION_FRAME =
  "rounded-md border border-slate-200 bg-white px-2.5 py-1 text-sm hover:bg-slate-50 aria-expanded:border-brand-600 disabled:opacity-60";
const ROW_ACTION = `${ROW_ACTION_FRAME} text-slate-700 aria-expanded:text-brand-700`;
const ROW_ACTION_DANGER = `${ROW_ACTION_FRAME} text-red-800 aria-expanded:border-red-700`;

/** Where focus returns when a panel closes: the button that opened it (ids survive a move in the tree). */
const actionId = (teamId: string, kind: PanelKind | "unarchive") => `team-${teamId}-${kind}`;
function focusAction(teamId: string, kind: PanelKind | "unarchive") {
  requestAnimationFrame(() => document.getElementById(actionId(teamId, kind))?.focus());
}

export function TeamsAdmin({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const tree = useQuery(trpc.team.tree.queryOptions({ orgSlug }));
  const [panel, setPanel] = useState<OpenPanel>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [showArchived, setShowArchived] = useState(false);

  const teams = useMemo(() => tree.data?.teams ?? [], [tree.data]);
  const byId = useMemo(() => new Map(teams.map((team) => [team.id, team])), [teams]);
  const archivedCount = teams.filter((team) => team.archived).length;
  // archived branches are whole (a team is archived only after its sub-teams), so hiding them leaves no orphans
  const visible = (team: TeamTreeEntry) => showArchived || !team.archived;
  const roots = teams.filter((team) => team.depth === 0 && visible(team));

  const setOpen = (next: boolean, id: string) =>
    setCollapsed((current) => {
      const copy = new Set(current);
      if (next) copy.delete(id);
      else copy.add(id);
      return copy;
    });

  function finish(message: string) {
    setPanel(null);
    setNotice({ tone: "success", text: message });
  }

  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title={t("title")} description={t("lead")} />

      {tree.isPending ? (
        <Skeleton label={t("loading")} rows={6} />
      ) : tree.isError ? (
        <Alert>
          <span className="mr-2">{t("loadFailed")}</span>
          <button type="button" className="font-medium underline" onClick={() => void tree.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : (
        <>
          <CreateTeamForm
            orgSlug={orgSlug}
            teams={teams}
            onCreated={(team) => {
              if (team.parentTeamId) setOpen(true, team.parentTeamId);
              setNotice({ tone: "success", text: t("create.created", { name: team.name }) });
            }}
          />

          <Card>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-base font-semibold text-slate-900">{t("tree.title")}</h2>
              <div className="flex flex-wrap items-center gap-2">
                {archivedCount > 0 ? (
                  <label className="mr-2 flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" className="size-4 accent-brand-600" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
                    {t("tree.showArchived", { count: archivedCount })}
                  </label>
                ) : null}
                <button type="button" className={TOOLBAR_BUTTON} onClick={() => setCollapsed(new Set())}>
                  {t("tree.expandAll")}
                </button>
                <button
                  type="button"
                  className={TOOLBAR_BUTTON}
                  onClick={() => setCollapsed(new Set(teams.filter((team) => team.childIds.length > 0).map((team) => team.id)))}
                >
                  {t("tree.collapseAll")}
                </button>
              </div>
            </div>

            <div aria-live="polite" className="empty:hidden">
              {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
            </div>

            {roots.length === 0 ? (
              <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
            ) : (
              <ul aria-label={t("tree.label")} className="mt-2 flex flex-col">
                {roots.map((team) => (
                  <TeamItem
                    key={team.id}
                    orgSlug={orgSlug}
                    team={team}
                    byId={byId}
                    teams={teams}
                    visible={visible}
                    collapsed={collapsed}
                    setOpen={setOpen}
                    panel={panel}
                    setPanel={(next) => {
                      setPanel(next);
                      setNotice(null);
                    }}
                    finish={finish}
                    notify={setNotice}
                  />
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

type ItemProps = {
  orgSlug: string;
  team: TeamTreeEntry;
  byId: ReadonlyMap<string, TeamTreeEntry>;
  teams: readonly TeamTreeEntry[];
  visible: (team: TeamTreeEntry) => boolean;
  collapsed: ReadonlySet<string>;
  setOpen: (open: boolean, id: string) => void;
  panel: OpenPanel;
  setPanel: (panel: OpenPanel) => void;
  finish: (message: string) => void;
  notify: (notice: Notice) => void;
};

function TeamItem(props: ItemProps) {
  const { orgSlug, team, byId, teams, visible, collapsed, setOpen, panel, setPanel, finish, notify } = props;
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const unarchive = useMutation(trpc.team.unarchive.mutationOptions());
  const refresh = useRefreshTeams();
  const errorMessage = useErrorMessage();

  const children = team.childIds.map((id) => byId.get(id)!).filter(visible);
  const expanded = !collapsed.has(team.id);
  const openKind = panel?.teamId === team.id ? panel.kind : null;
  const activeSubTeams = team.childIds.filter((id) => !byId.get(id)!.archived).length;
  const toggle = (kind: PanelKind) => setPanel(openKind === kind ? null : { teamId: team.id, kind });
  const close = () => {
    if (openKind) focusAction(team.id, openKind);
    setPanel(null);
  };
  const done = (message: string) => {
    if (openKind) focusAction(team.id, openKind);
    finish(message);
  };

  async function restore() {
    try {
      const restored = await unarchive.mutateAsync({ orgSlug, teamId: team.id });
      await refresh();
      notify({ tone: "success", text: t("archive.restored", { name: restored.name }) });
    } catch (error) {
      const failure = toClientError(error);
      notify({ tone: "error", text: errorMessage(failure.messageKey, failure.params) });
    }
  }

  const panelProps = { orgSlug, team, onDone: done, onCancel: close };
  return (
    <li>
      <div
        data-testid="team-row"
        className={`flex flex-wrap items-start gap-x-3 gap-y-2 rounded-md px-1 py-2 hover:bg-slate-50 ${team.archived ? "text-slate-500" : ""}`}
      >
        <div className="flex min-w-0 flex-1 basis-56 items-start gap-1.5">
          {children.length > 0 ? (
            <button
              type="button"
              aria-expanded={expanded}
              aria-label={expanded ? t("tree.collapse", { name: team.name }) : t("tree.expand", { name: team.name })}
              onClick={() => setOpen(!expanded, team.id)}
              className="inline-flex size-7 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-200"
            >
              <svg viewBox="0 0 20 20" aria-hidden className={`size-4 transition-transform ${expanded ? "rotate-90" : ""}`}>
                <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </button>
          ) : (
            <span aria-hidden className="size-7 shrink-0" />
          )}
          <div className="min-w-0 pt-0.5">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-words text-slate-900">{team.name}</span>
              {team.archived ? <Badge>{t("tree.archived")}</Badge> : null}
            </p>
            <p className="text-sm text-slate-600">
              {t("tree.headCount", { direct: team.directHeadCount })}
              {team.childIds.length > 0 ? <> · {t("tree.totalHeadCount", { total: team.totalHeadCount })}</> : null}
            </p>
            <p className="text-sm text-slate-600">
              {team.leads.length > 0 ? t("tree.leads", { names: team.leads.map((lead) => lead.name).join(", ") }) : t("tree.noLeads")}
            </p>
          </div>
        </div>
        <div role="group" aria-label={t("tree.actionsFor", { name: team.name })} className="ml-8 flex flex-wrap gap-1.5 sm:ml-0">
          {team.archived ? (
            <button type="button" id={actionId(team.id, "unarchive")} className={ROW_ACTION} disabled={unarchive.isPending} aria-busy={unarchive.isPending || undefined} onClick={() => void restore()}>
              {t("actions.unarchive")}
            </button>
          ) : (
            <>
              <button type="button" id={actionId(team.id, "rename")} className={ROW_ACTION} aria-expanded={openKind === "rename"} onClick={() => toggle("rename")}>
                {t("actions.rename")}
              </button>
              <button type="button" id={actionId(team.id, "move")} className={ROW_ACTION} aria-expanded={openKind === "move"} onClick={() => toggle("move")}>
                {t("actions.move")}
              </button>
              <button type="button" id={actionId(team.id, "leads")} className={ROW_ACTION} aria-expanded={openKind === "leads"} onClick={() => toggle("leads")}>
                {t("actions.leads")}
              </button>
              <button type="button" id={actionId(team.id, "archive")} className={ROW_ACTION_DANGER} aria-expanded={openKind === "archive"} onClick={() => toggle("archive")}>
                {t("actions.archive")}
              </button>
            </>
          )}
        </div>
      </div>

      {openKind ? (
        <PanelFrame onEscape={close}>
          {openKind === "rename" ? <RenamePanel {...panelProps} /> : null}
          {openKind === "move" ? <MovePanel {...panelProps} teams={teams} /> : null}
          {openKind === "leads" ? <LeadsPanel {...panelProps} /> : null}
          {openKind === "archive" ? <ArchivePanel {...panelProps} activeSubTeams={activeSubTeams} /> : null}
        </PanelFrame>
      ) : null}

      {children.length > 0 && expanded ? (
        <ul className="ml-3 border-l border-slate-200 pl-2 sm:ml-4 sm:pl-3">
          {children.map((child) => (
            <TeamItem key={child.id} {...props} team={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
