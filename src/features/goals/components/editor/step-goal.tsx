"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { GOAL_KINDS, GOAL_TITLE_MAX, type GoalLevel, type LinkTarget } from "@/features/goals/goals.schema";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { Skeleton } from "@/ui/page-parts";
import { useDayFormat } from "../use-goal-format";
import { ChoiceField, TextAreaField } from "./fields";
import type { EditorPeriod, LinkTargetsState, OwnerChoices, StepProps } from "./types";

const SHOWN_TARGETS = 8;
/** with only a few goals to choose from, a search box is just in the way */
const SEARCH_FROM = 3;

type Props = StepProps & {
  isNew: boolean;
  me: { membershipId: string; name: string };
  allowedLevels: readonly GoalLevel[];
  ownerChoices: OwnerChoices;
  /** for a stored goal: the owner and team, which cannot change */
  fixedOwner: { owner: string; team: string | null } | null;
  periods: readonly EditorPeriod[];
  linkTargets: LinkTargetsState;
  /** the parent as stored, shown even when it is no longer among the targets */
  storedParent: { id: string; title: string } | null;
};

/** Step 0: level, kind, owner or team, period, name, and the goal this one contributes to. */
export function StepGoal({
  form,
  update,
  errorsOf,
  isNew,
  me,
  allowedLevels,
  ownerChoices,
  fixedOwner,
  periods,
  linkTargets,
  storedParent,
}: Props) {
  const t = useTranslations("goalEditor");
  const tGoals = useTranslations("goals");
  const day = useDayFormat();
  const options = ownerChoices[form.level];
  const people = options?.people ?? [];
  const teams = options?.teams ?? [];
  const team = teams.find((candidate) => candidate.id === form.teamId);

  function chooseLevel(level: GoalLevel) {
    update("level", level);
    const choices = ownerChoices[level];
    if (level === "TEAM") {
      const firstTeam = choices?.teams[0];
      update("teamId", firstTeam?.id ?? "");
      update("ownerId", leadFor(firstTeam?.leads ?? [], me.membershipId));
    } else {
      update("teamId", "");
      const keepOwner = choices?.people.some((person) => person.membershipId === form.ownerId);
      update("ownerId", keepOwner ? form.ownerId : (choices?.people[0]?.membershipId ?? me.membershipId));
    }
    // the targets depend on the level; a link chosen for another level may not fit
    update("parentGoalId", "");
  }

  const personLabel = (person: { membershipId: string; name: string }) =>
    person.membershipId === me.membershipId ? t("goal.ownerMe", { name: person.name }) : person.name;

  return (
    <div className="flex flex-col gap-6">
      {isNew && allowedLevels.length > 1 ? (
        <ChoiceField
          legend={t("goal.level")}
          name="level"
          value={form.level}
          onChange={chooseLevel}
          columns={allowedLevels.length === 3 ? 3 : 2}
          options={allowedLevels.map((level) => ({ value: level, label: tGoals(`level.${level}`), description: t(`goal.levels.${level}`) }))}
          errors={errorsOf("level")}
        />
      ) : (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="goal-fixed">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">{t("goal.levelLabel")}</dt>
            <dd className="font-medium">{tGoals(`level.${form.level}`)}</dd>
            {fixedOwner ? (
              <>
                <dt className="text-slate-600">{t("goal.owned")}</dt>
                <dd className="font-medium">{fixedOwner.owner}</dd>
                {fixedOwner.team ? (
                  <>
                    <dt className="text-slate-600">{t("goal.ownedTeam")}</dt>
                    <dd className="font-medium">{fixedOwner.team}</dd>
                  </>
                ) : null}
              </>
            ) : form.level !== "TEAM" && people.length <= 1 ? (
              <>
                <dt className="text-slate-600">{t("goal.owned")}</dt>
                <dd className="font-medium">{personLabel(people[0] ?? me)}</dd>
              </>
            ) : null}
          </dl>
          {isNew ? null : <p className="mt-2 text-xs text-slate-600">{t("goal.levelFixed")}</p>}
        </div>
      )}

      {form.level === "INDIVIDUAL" ? (
        <ChoiceField
          legend={t("goal.kind")}
          name="kind"
          value={form.kind}
          onChange={(kind) => update("kind", kind)}
          columns={2}
          options={GOAL_KINDS.map((kind) => ({ value: kind, label: tGoals(`kind.${kind}`), description: t(`goal.kinds.${kind}`) }))}
          errors={errorsOf("kind")}
        />
      ) : null}

      {isNew && form.level === "TEAM" ? (
        teams.length === 0 ? (
          <Alert tone="info">{t("goal.noTeams")}</Alert>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("goal.team")}
              value={form.teamId}
              onChange={(event) => {
                const chosen = teams.find((candidate) => candidate.id === event.target.value);
                update("teamId", event.target.value);
                update("ownerId", leadFor(chosen?.leads ?? [], me.membershipId));
              }}
              errors={errorsOf("teamId")}
            >
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </SelectField>
            {team && team.leads.length > 1 ? (
              <SelectField
                label={t("goal.teamOwner")}
                hint={t("goal.teamOwnerHint")}
                value={form.ownerId}
                onChange={(event) => update("ownerId", event.target.value)}
                errors={errorsOf("ownerId")}
              >
                {team.leads.map((lead) => (
                  <option key={lead.membershipId} value={lead.membershipId}>
                    {personLabel(lead)}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </div>
        )
      ) : null}

      {isNew && form.level !== "TEAM" && people.length > 1 ? (
        <SelectField label={t("goal.owner")} value={form.ownerId} onChange={(event) => update("ownerId", event.target.value)} errors={errorsOf("ownerId")}>
          {people.map((person) => (
            <option key={person.membershipId} value={person.membershipId}>
              {personLabel(person)}
            </option>
          ))}
        </SelectField>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("goal.period")}
          hint={t("goal.periodHint")}
          value={form.periodId}
          onChange={(event) => {
            update("periodId", event.target.value);
            update("parentGoalId", "");
          }}
          errors={errorsOf("periodId")}
          required
        >
          {periods.map((period) => (
            <option key={period.id} value={period.id}>
              {t("goal.periodOption", { name: period.name, start: day(period.startDate), end: day(period.endDate) })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("goal.title")}
          hint={t("goal.titleHint")}
          name="title"
          value={form.title}
          onChange={(event) => update("title", event.target.value)}
          maxLength={GOAL_TITLE_MAX + 20}
          autoComplete="off"
          required
          errors={errorsOf("title")}
        />
      </div>

      {form.level === "ORGANIZATION" ? null : (
        <ParentPicker form={form} update={update} errorsOf={errorsOf} linkTargets={linkTargets} storedParent={storedParent} />
      )}

      <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("goal.remember")}</p>
    </div>
  );
}

function leadFor(leads: readonly { membershipId: string }[], me: string): string {
  return leads.some((lead) => lead.membershipId === me) ? me : (leads[0]?.membershipId ?? "");
}

function matches(target: LinkTarget, search: string): boolean {
  const haystack = `${target.title} ${target.owner.name} ${target.team?.name ?? ""} ${target.period.name}`.toLocaleLowerCase();
  return search
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The parent goal: a searchable list of radio buttons, and the "how this contributes" sentence. */
function ParentPicker({
  form,
  update,
  errorsOf,
  linkTargets,
  storedParent,
}: StepProps & { linkTargets: LinkTargetsState; storedParent: { id: string; title: string } | null }) {
  const t = useTranslations("goalEditor.link");
  const tGoals = useTranslations("goals");
  const [search, setSearch] = useState("");
  const hintId = useId();
  const targets = useMemo(() => (linkTargets.status === "ready" ? linkTargets.targets : []), [linkTargets]);
  const filtered = useMemo(() => targets.filter((target) => matches(target, search.trim())), [targets, search]);
  const selected = targets.find((target) => target.id === form.parentGoalId);
  // the chosen goal stays visible however the list is searched or cut
  const shown = [...(selected && !filtered.slice(0, SHOWN_TARGETS).includes(selected) ? [selected] : []), ...filtered.slice(0, SHOWN_TARGETS)];
  const parentTitle = selected?.title ?? (storedParent && storedParent.id === form.parentGoalId ? storedParent.title : null);
  const hint =
    form.level === "TEAM" ? t("hintTeam") : form.kind === "PERFORMANCE" ? t("hintPerformance") : t("hintOptional");
  const errors = errorsOf("parentGoalId") ?? [];

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={hintId}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
      <p id={hintId} className="-mt-1 text-xs text-slate-600">
        {hint}
      </p>
      {errors.length > 0 ? <p className="text-sm text-red-700">{errors.join(" ")}</p> : null}

      {!form.periodId ? (
        <p className="text-sm text-slate-600">{t("chooseFirst")}</p>
      ) : linkTargets.status === "loading" || linkTargets.status === "idle" ? (
        <Skeleton label={t("loading")} rows={3} />
      ) : linkTargets.status === "error" ? (
        <Alert>
          {t("loadFailed")}{" "}
          <button type="button" className="font-medium underline" onClick={linkTargets.retry}>
            {t("retry")}
          </button>
        </Alert>
      ) : (
        <>
          {targets.length > SEARCH_FROM ? (
            <TextField
              label={t("search")}
              type="search"
              placeholder={t("searchPlaceholder")}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              autoComplete="off"
            />
          ) : null}
          <div className="flex flex-col gap-2" data-testid="link-targets">
            <TargetOption name="parentGoalId" checked={form.parentGoalId === ""} onChoose={() => update("parentGoalId", "")} title={t("none")} />
            {storedParent && storedParent.id === form.parentGoalId && !selected ? (
              <TargetOption name="parentGoalId" checked onChoose={() => undefined} title={storedParent.title} />
            ) : null}
            {shown.map((target) => (
              <TargetOption
                key={target.id}
                name="parentGoalId"
                checked={form.parentGoalId === target.id}
                onChoose={() => update("parentGoalId", target.id)}
                title={target.title}
                meta={t("targetMeta", {
                  level: tGoals(`level.${target.level}`),
                  owner: target.team?.name ?? target.owner.name,
                  period: target.period.name,
                })}
              />
            ))}
          </div>
          {targets.length === 0 ? (
            <p className="text-sm text-slate-600">{t("empty")}</p>
          ) : filtered.length === 0 ? (
            <p className="text-sm text-slate-600" role="status">
              {t("noMatch", { search: search.trim() })}
            </p>
          ) : filtered.length > SHOWN_TARGETS ? (
            <p className="text-xs text-slate-600">{t("more", { shown: SHOWN_TARGETS, total: filtered.length })}</p>
          ) : null}
        </>
      )}

      {form.parentGoalId && parentTitle ? (
        <TextAreaField
          label={t("contribution", { parent: parentTitle })}
          hint={t("contributionHint")}
          name="contribution"
          rows={2}
          maxLength={320}
          value={form.contribution}
          onChange={(event) => update("contribution", event.target.value)}
          errors={errorsOf("contribution")}
        />
      ) : null}
      {form.parentGoalId && parentTitle ? (
        <TextField
          label={t("linkWeight", { parent: parentTitle })}
          hint={t("linkWeightHint")}
          name="linkWeight"
          inputMode="decimal"
          value={form.linkWeight}
          onChange={(event) => update("linkWeight", event.target.value)}
          errors={errorsOf("linkWeight")}
        />
      ) : null}
    </fieldset>
  );
}

function TargetOption({
  name,
  checked,
  onChoose,
  title,
  meta,
}: {
  name: string;
  checked: boolean;
  onChoose: () => void;
  title: string;
  meta?: string;
}) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm shadow-sm hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-1 has-[:checked]:ring-brand-600">
      <input type="radio" name={name} checked={checked} onChange={onChoose} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
      <span className="flex min-w-0 flex-col">
        <span className="font-medium break-words text-slate-900">{title}</span>
        {meta ? <span className="text-xs text-slate-600">{meta}</span> : null}
      </span>
    </label>
  );
}
