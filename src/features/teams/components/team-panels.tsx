"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { nameMatches } from "@/features/org-chart/name-search";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { useFormErrors } from "@/ui/use-form-errors";
import { Skeleton } from "@/ui/page-parts";
import { ZTeamNameForm, type TeamTreeEntry } from "../teams.schema";
import { validParentIds } from "../tree";
import { ParentOptions } from "./team-options";
import { formText, useRefreshTeams } from "./use-team-forms";

type PanelProps = {
  orgSlug: string;
  team: TeamTreeEntry;
  /** Closes the panel with a message for the status line. */
  onDone: (message: string) => void;
  onCancel: () => void;
};

function PanelActions({ busy, onCancel, submitLabel, danger = false }: { busy: boolean; onCancel: () => void; submitLabel: string; danger?: boolean }) {
  const t = useTranslations("teams.actions");
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" variant={danger ? "danger" : "primary"} busy={busy}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </div>
  );
}

export function RenamePanel({ orgSlug, team, onDone, onCancel }: PanelProps) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const rename = useMutation(trpc.team.rename.mutationOptions());
  const refresh = useRefreshTeams();
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formText(new FormData(event.currentTarget), "name");
    clear();
    const checked = ZTeamNameForm.safeParse({ name });
    if (!checked.success) return showInvalid(checked.error);
    try {
      const renamed = await rename.mutateAsync({ orgSlug, teamId: team.id, name });
      await refresh();
      onDone(t("rename.done", { name: renamed.name }));
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <form onSubmit={onSubmit} onInput={clear} noValidate className="flex flex-col gap-3">
      <TextField
        label={t("rename.label", { name: team.name })}
        name="name"
        defaultValue={team.name}
        autoComplete="off"
        maxLength={100}
        required
        autoFocus
        errors={errorsOf("name")}
      />
      {formError ? <Alert>{formError}</Alert> : null}
      <PanelActions busy={rename.isPending} onCancel={onCancel} submitLabel={t("actions.save")} />
    </form>
  );
}

export function MovePanel({ orgSlug, team, teams, onDone, onCancel }: PanelProps & { teams: readonly TeamTreeEntry[] }) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const move = useMutation(trpc.team.move.mutationOptions());
  const refresh = useRefreshTeams();
  const { errorsOf, formError, clear, showFailure } = useFormErrors();
  const allowed = useMemo(() => validParentIds(teams, team.id), [teams, team.id]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parentTeamId = formText(new FormData(event.currentTarget), "parentTeamId") || null;
    clear();
    try {
      await move.mutateAsync({ orgSlug, teamId: team.id, parentTeamId });
      await refresh();
      onDone(t("move.done", { name: team.name }));
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <SelectField
        label={t("move.label", { name: team.name })}
        name="parentTeamId"
        defaultValue={team.parentTeamId ?? ""}
        hint={allowed.size > 0 ? t("move.hint") : t("move.nowhere")}
        autoFocus
        errors={errorsOf("parentTeamId")}
      >
        <option value="">{t("create.topLevel")}</option>
        <ParentOptions teams={teams} allowed={(candidate) => allowed.has(candidate.id)} />
      </SelectField>
      {formError ? <Alert>{formError}</Alert> : null}
      <PanelActions busy={move.isPending} onCancel={onCancel} submitLabel={t("actions.save")} />
    </form>
  );
}

// Enough to pick from; a longer list is narrowed by searching.
const MAX_SHOWN = 100;

export function LeadsPanel({ orgSlug, team, onDone, onCancel }: PanelProps) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const candidates = useQuery(trpc.team.leadCandidates.queryOptions({ orgSlug }));
  const setLeads = useMutation(trpc.team.setLeads.mutationOptions());
  const refresh = useRefreshTeams();
  const { errorsOf, formError, clear, showFailure } = useFormErrors();
  const [chosen, setChosen] = useState<{ membershipId: string; name: string }[]>(team.leads);
  const [query, setQuery] = useState("");
  const listId = useId();
  const chosenIds = new Set(chosen.map((lead) => lead.membershipId));

  const matches = useMemo(() => (candidates.data ?? []).filter((person) => nameMatches(person.name, query)), [candidates.data, query]);

  function toggle(person: { membershipId: string; name: string }) {
    setChosen((current) =>
      current.some((lead) => lead.membershipId === person.membershipId)
        ? current.filter((lead) => lead.membershipId !== person.membershipId)
        : [...current, { membershipId: person.membershipId, name: person.name }],
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    try {
      await setLeads.mutateAsync({ orgSlug, teamId: team.id, membershipIds: chosen.map((lead) => lead.membershipId) });
      await refresh();
      onDone(t("leads.done", { name: team.name }));
    } catch (error) {
      showFailure(error);
    }
  }

  const leadErrors = errorsOf("membershipIds");
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("leads.label", { name: team.name })}</legend>
        <div>
          <p className="mb-1 text-xs font-medium tracking-wide text-slate-600 uppercase">{t("leads.selected")}</p>
          {chosen.length > 0 ? (
            <ul className="flex flex-wrap gap-2" aria-label={t("leads.selected")}>
              {chosen.map((lead) => (
                <li key={lead.membershipId} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-900">
                  {lead.name}
                  <button
                    type="button"
                    onClick={() => toggle(lead)}
                    aria-label={t("leads.remove", { name: lead.name })}
                    className="inline-flex size-6 items-center justify-center rounded-full hover:bg-brand-100"
                  >
                    <span aria-hidden>×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("leads.noneSelected")}</p>
          )}
          {leadErrors ? <p className="mt-1 text-sm text-red-700">{leadErrors.join(" ")}</p> : null}
        </div>
        <div className="sm:max-w-md">
          <TextField
            label={t("leads.search")}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            autoFocus
            aria-controls={listId}
          />
        </div>
        {candidates.isPending ? (
          <Skeleton label={t("leads.loading")} rows={3} />
        ) : candidates.isError ? (
          <Alert>{t("loadFailed")}</Alert>
        ) : (
          <div id={listId}>
            {matches.length === 0 ? (
              <p className="text-sm text-slate-600">{t("leads.noMatches")}</p>
            ) : (
              <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white">
                {matches.slice(0, MAX_SHOWN).map((person) => (
                  <li key={person.membershipId}>
                    <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                      <input
                        type="checkbox"
                        className="mt-1 size-4 accent-brand-600"
                        checked={chosenIds.has(person.membershipId)}
                        onChange={() => toggle(person)}
                      />
                      <span className="min-w-0 text-sm">
                        <span className="block font-medium">{person.name}</span>
                        <span className="block text-xs text-slate-600">
                          {[person.title, person.teamName ?? t("leads.noTeam")].filter(Boolean).join(" · ")}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {matches.length > MAX_SHOWN ? (
              <p className="mt-1 text-xs text-slate-600">{t("leads.more", { shown: MAX_SHOWN, total: matches.length })}</p>
            ) : null}
          </div>
        )}
        {formError ? <Alert>{formError}</Alert> : null}
        <PanelActions busy={setLeads.isPending} onCancel={onCancel} submitLabel={t("actions.save")} />
      </fieldset>
    </form>
  );
}

export function ArchivePanel({ orgSlug, team, activeSubTeams, onDone, onCancel }: PanelProps & { activeSubTeams: number }) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const archive = useMutation(trpc.team.archive.mutationOptions());
  const refresh = useRefreshTeams();
  const { formError, clear, showFailure } = useFormErrors();
  const headingId = useId();

  if (activeSubTeams > 0) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="info">{t("archive.blocked", { name: team.name, count: activeSubTeams })}</Alert>
        <div>
          <Button type="button" variant="secondary" onClick={onCancel} autoFocus>
            {t("actions.cancel")}
          </Button>
        </div>
      </div>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    try {
      await archive.mutateAsync({ orgSlug, teamId: team.id });
      await refresh();
      onDone(t("archive.done", { name: team.name }));
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={headingId} className="flex flex-col gap-3">
      <p id={headingId} className="font-medium">
        {t("archive.confirmTitle", { name: team.name })}
      </p>
      <p className="text-sm text-slate-700">
        {t("archive.confirmBody")}
        {team.directHeadCount > 0 ? <> {t("archive.confirmPeople", { count: team.directHeadCount })}</> : null}
      </p>
      {formError ? <Alert>{formError}</Alert> : null}
      <PanelActions busy={archive.isPending} onCancel={onCancel} submitLabel={t("archive.confirm")} danger />
    </form>
  );
}

/** The frame an open panel sits in, below its team's row; Escape closes it. */
export function PanelFrame({ children, onEscape }: { children: ReactNode; onEscape: () => void }) {
  return (
    <div
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onEscape();
        }
      }}
      className="mt-1 mb-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:ml-8 sm:p-4"
    >
      {children}
    </div>
  );
}
