"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { assessGoal } from "@/features/goals/coach";
import type { CoachContext } from "@/features/goals/coach-input";
import { ZGoalFields, type GoalDetail, type GoalLevel, type GoalStatus } from "@/features/goals/goals.schema";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { useDebouncedValue } from "@/ui/use-debounced-value";
import { StatusBadge } from "../status-badge";
import { CoachPanel } from "./coach-panel";
import {
  coachGoalFromForm,
  errorsForForm,
  fieldsFromForm,
  formFromDetail,
  formSnapshot,
  newForm,
  rebaseForm,
  withStoredStepIds,
  type EditorForm,
  type FieldErrors,
  type NewGoalDefaults,
} from "./form";
import { composeStatement, EMPTY_PARTS, parseStatement, statementFollowsBuilder, type StatementParts } from "./statement";
import { StepAccepted } from "./step-accepted";
import { StepGoal } from "./step-goal";
import { StepMeasurable } from "./step-measurable";
import { StepRealistic } from "./step-realistic";
import { StepSpecific } from "./step-specific";
import { StepSummary } from "./step-summary";
import { StepTime } from "./step-time";
import { Stepper } from "./stepper";
import { EDITOR_STEPS, nextStep, previousStep, stepFromHash, stepsWithErrors, type EditorStepId } from "./steps";
import type { EditorPeriod, LinkTargetsState, OwnerChoices, StepProps } from "./types";

export type GoalEditorProps = {
  orgSlug: string;
  me: { membershipId: string; name: string };
  periods: EditorPeriod[];
  mode:
    | { kind: "new"; defaults: NewGoalDefaults; allowedLevels: GoalLevel[]; ownerChoices: OwnerChoices }
    | { kind: "edit"; detail: GoalDetail };
};

/** What the editor knows about the stored goal once there is one. */
type StoredGoal = {
  id: string;
  version: number;
  status: GoalStatus;
  coachContext: CoachContext;
  canPropose: boolean;
  parentGoalId: string | null;
  /** the stored parent's title, for when it is no longer among the link targets */
  parentTitle: string | null;
  owner: string;
  team: string | null;
};

/** A message shown in the language it was written in; a switch of language hides it. */
type Notice = { tone: "success" | "error" | "info"; text: string; locale?: string };
type Conflict = { name: string; at: string | null };
type Busy = "save" | "propose" | "reload" | null;

/** A cap we cannot know before the first save; the coach learns the real one from the stored goal. */
const UNKNOWN_CAP = Number.MAX_SAFE_INTEGER;

function storedGoalOf(detail: GoalDetail): StoredGoal {
  const parent = detail.alignmentPath.at(-1);
  return {
    id: detail.id,
    version: detail.version,
    status: detail.status,
    coachContext: detail.coachContext,
    canPropose: detail.can.propose,
    parentGoalId: detail.fields.parentGoalId,
    parentTitle: parent && parent.id === detail.fields.parentGoalId ? parent.title : null,
    owner: detail.owner.name,
    team: detail.team?.name ?? null,
  };
}

function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<never>).data as { code?: string; params?: Record<string, unknown> } | undefined;
  if (data?.code !== "CONFLICT" || toClientError(error).messageKey !== "goals.errors.staleVersion") return null;
  const params = data.params ?? {};
  return { name: typeof params.name === "string" ? params.name : "", at: typeof params.at === "string" ? params.at : null };
}

/** The guided SMARTA editor: one step per letter, the coach beside it, save as draft at any step. */
export function GoalEditor({ orgSlug, me, periods, mode }: GoalEditorProps) {
  const t = useTranslations("goalEditor");
  const locale = useLocale();
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.goal.create.mutationOptions());
  const updateGoal = useMutation(trpc.goal.update.mutationOptions());
  const proposeGoal = useMutation(trpc.goal.propose.mutationOptions());

  const connectors = useMemo(() => ({ toAchieve: t("s.toAchieve"), by: t("s.by") }), [t]);
  const initialForm = useMemo(
    () => (mode.kind === "edit" ? formFromDetail(mode.detail, locale) : newForm(mode.defaults)),
    // the initial form only; later changes come from the person and from saving
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const [form, setForm] = useState<EditorForm>(initialForm);
  /** the version the person started from: what a conflict is resolved against */
  const [base, setBase] = useState<EditorForm>(initialForm);
  const [savedSnapshot, setSavedSnapshot] = useState(() => formSnapshot(initialForm));
  const [stored, setStored] = useState<StoredGoal | null>(mode.kind === "edit" ? storedGoalOf(mode.detail) : null);
  const storedRef = useRef(stored);
  const [step, setStep] = useState<EditorStepId>("goal");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const setNotice = useCallback(
    (next: Notice | null | ((current: Notice | null) => Notice | null)) =>
      setNoticeState((current) => {
        const value = typeof next === "function" ? next(current) : next;
        return value && !value.locale ? { ...value, locale } : value;
      }),
    [locale],
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [parts, setParts] = useState<StatementParts>(() => parseStatement(initialForm.statement, connectors) ?? EMPTY_PARTS);
  const [linked, setLinked] = useState(() => statementFollowsBuilder(initialForm.statement, parts, connectors));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  const dirty = formSnapshot(form) !== savedSnapshot;
  const period = periods.find((candidate) => candidate.id === form.periodId) ?? null;
  const stepErrors = useMemo(() => stepsWithErrors(errors), [errors]);

  // ---- the step in the URL hash, so a reload or a shared link opens the same step
  useEffect(() => {
    const fromHash = () => setStep(stepFromHash(window.location.hash));
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, []);

  const goTo = useCallback((target: EditorStepId) => {
    setStep(target);
    focusHeading.current = true;
    window.history.replaceState(null, "", `#${target}`);
  }, []);

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    const heading = headingRef.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    if (heading.getBoundingClientRect().top < 0) heading.scrollIntoView({ block: "start" });
  }, [step]);

  // ---- leaving with unsaved changes
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // links inside the app navigate without unloading: ask before following them
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      if (!window.confirm(t("save.leaveConfirm"))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, t]);

  // ---- changing the form
  const update = useCallback<StepProps["update"]>((key, value) => {
    setForm((current) => ({ ...current, [key]: value }));
    // an error beside a field goes once the field changes; it comes back on the next save if still wrong
    setErrors((current) => {
      const prefix = key === "steps" ? "steps" : String(key);
      const kept = Object.entries(current).filter(([path]) => path !== prefix && !path.startsWith(`${prefix}.`));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
    setNoticeState((current) => (current?.tone === "success" ? null : current));
  }, []);

  const errorsOf = useCallback((path: string) => errors[path]?.map((key) => errorMessage(key)), [errors, errorMessage]);

  function changeParts(next: StatementParts) {
    setParts(next);
    if (linked) update("statement", composeStatement(next, connectors));
  }
  function changeStatement(text: string) {
    update("statement", text);
    setLinked(statementFollowsBuilder(text, parts, connectors));
  }
  function applyFormula() {
    update("statement", composeStatement(parts, connectors));
    setLinked(true);
  }

  // ---- link targets (not for organisation goals, which link to nothing)
  const wantsTargets = form.level !== "ORGANIZATION" && form.periodId !== "";
  const targetsQuery = useQuery({
    ...trpc.goal.linkTargets.queryOptions({
      orgSlug,
      level: form.level,
      kind: form.level === "INDIVIDUAL" ? form.kind : "PERFORMANCE",
      periodId: form.periodId || "00000000-0000-0000-0000-000000000000",
      goalId: stored?.id ?? null,
    }),
    enabled: wantsTargets,
  });
  const linkTargets: LinkTargetsState = !wantsTargets
    ? { status: "idle" }
    : targetsQuery.isPending
      ? { status: "loading" }
      : targetsQuery.isError
        ? { status: "error", retry: () => void targetsQuery.refetch() }
        : { status: "ready", targets: targetsQuery.data };
  const parentTarget = targetsQuery.data?.find((target) => target.id === form.parentGoalId) ?? null;
  const parentTitle =
    parentTarget?.title ?? (stored && stored.parentGoalId === form.parentGoalId && form.parentGoalId ? stored.parentTitle : null);

  // ---- the coach, on a lightly debounced copy of the form so typing never waits for it
  const settled = useDeferredValue(useDebouncedValue(form, 200));
  const settledPeriod = periods.find((candidate) => candidate.id === settled.periodId) ?? null;
  const settledParent = targetsQuery.data?.find((target) => target.id === settled.parentGoalId) ?? null;
  const aligned =
    settled.parentGoalId === ""
      ? false
      : stored && stored.parentGoalId === settled.parentGoalId
        ? stored.coachContext.aligned
        : // a new link: an organisation goal aligns directly; a team goal in the list is taken to lead up to one
          settledParent !== null;
  const coachContext: CoachContext = {
    aligned,
    otherActiveGoals: stored?.coachContext.otherActiveGoals ?? 0,
    goalCap: stored?.coachContext.goalCap ?? UNKNOWN_CAP,
  };
  const contextKey = JSON.stringify(coachContext);
  const assessment = useMemo(
    () => assessGoal(coachGoalFromForm(settled, settledPeriod ? { startDate: settledPeriod.startDate, endDate: settledPeriod.endDate } : null, coachContext), locale),
    // coachContext is compared by its contents
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settled, settledPeriod, contextKey, locale],
  );

  // ---- saving
  async function save(): Promise<StoredGoal | null> {
    if (busy) return null;
    const sent = form;
    const { fields, stepKeys, errors: local } = fieldsFromForm(sent);
    const parsed = ZGoalFields.safeParse(fields);
    const found: FieldErrors = { ...local };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) (found[issue.path.map(String).join(".")] ??= []).push(issue.message);
    }
    if (Object.keys(found).length > 0 || !parsed.success) {
      setErrors(errorsForForm(found, stepKeys));
      setNotice({ tone: "error", text: t("save.fixFirst") });
      return null;
    }
    setBusy("save");
    setNotice(null);
    setConflict(null);
    try {
      const current = storedRef.current;
      const result = current
        ? await updateGoal.mutateAsync({ orgSlug, goalId: current.id, version: current.version, ...parsed.data })
        : await create.mutateAsync({
            orgSlug,
            level: sent.level,
            ownerId: sent.ownerId || null,
            teamId: sent.level === "TEAM" ? sent.teamId || null : null,
            ...parsed.data,
          });
      let next: StoredGoal = {
        ...(current ?? {
          coachContext: { aligned: false, otherActiveGoals: 0, goalCap: UNKNOWN_CAP },
          canPropose: true,
          parentTitle: null,
          owner: "",
          team: null,
        }),
        id: result.id,
        version: result.version,
        status: result.status,
        parentGoalId: parsed.data.parentGoalId,
      };
      let savedForm = sent;
      try {
        // the stored goal: ids of new steps, and what the coach needs (alignment, cap)
        const detail = await queryClient.fetchQuery({ ...trpc.goal.get.queryOptions({ orgSlug, goalId: result.id }), staleTime: 0 });
        next = storedGoalOf(detail);
        const ids = detail.steps.map((entry) => entry.id);
        savedForm = withStoredStepIds(sent, stepKeys, ids);
        setForm((latest) => withStoredStepIds(latest, stepKeys, ids));
      } catch {
        // saved all the same; the next save sends the steps again
      }
      storedRef.current = next;
      setStored(next);
      setBase(savedForm);
      setSavedSnapshot(formSnapshot(sent));
      setErrors({});
      if (!current) {
        // the edit address from now on, without reloading the page or losing the step
        window.history.replaceState(null, "", `/o/${orgSlug}/goals/${result.id}/edit#${step}`);
      }
      setNotice({ tone: "success", text: !current ? t("save.created") : result.signaturesCleared ? t("save.signaturesCleared") : t("save.saved") });
      void queryClient.invalidateQueries({ queryKey: trpc.goal.list.pathKey() });
      return next;
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        return null;
      }
      const clientError = toClientError(error);
      const mapped = errorsForForm(clientError.fieldErrors, stepKeys);
      setErrors(mapped);
      setNotice({ tone: "error", text: Object.keys(mapped).length > 0 ? t("save.fixFirst") : errorMessage(clientError.messageKey, clientError.params) });
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function propose() {
    let current = storedRef.current;
    if (!current || dirty) {
      current = await save();
      if (!current) return;
    }
    setBusy("propose");
    setNotice(null);
    try {
      await proposeGoal.mutateAsync({ orgSlug, goalId: current.id, version: current.version });
      void queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      setNotice({ tone: "success", text: t("summary.proposed") });
      router.push(`/o/${orgSlug}/goals/${current.id}`);
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) setConflict(stale);
      else {
        const clientError = toClientError(error);
        setNotice({ tone: "error", text: errorMessage(clientError.messageKey, clientError.params) });
      }
      setBusy(null);
    }
  }

  async function loadLatest(keepMine: boolean) {
    const current = storedRef.current;
    if (!current) return;
    setBusy("reload");
    try {
      const detail = await queryClient.fetchQuery({ ...trpc.goal.get.queryOptions({ orgSlug, goalId: current.id }), staleTime: 0 });
      const theirs = formFromDetail(detail, locale);
      const next = keepMine ? rebaseForm(base, form, theirs) : theirs;
      const storedGoal = storedGoalOf(detail);
      storedRef.current = storedGoal;
      setStored(storedGoal);
      setBase(theirs);
      setSavedSnapshot(formSnapshot(theirs));
      setForm(next);
      if (next.statement !== form.statement) {
        const nextParts = parseStatement(next.statement, connectors);
        setParts(nextParts ?? EMPTY_PARTS);
        setLinked(statementFollowsBuilder(next.statement, nextParts ?? EMPTY_PARTS, connectors));
      }
      setConflict(null);
      setErrors({});
      setNotice({ tone: "info", text: keepMine ? t("conflict.rebased") : t("conflict.discarded") });
    } catch (error) {
      const clientError = toClientError(error);
      setNotice({ tone: "error", text: errorMessage(clientError.messageKey, clientError.params) });
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save();
  }

  // Ctrl/Cmd + S saves the draft, as in any editor
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const stepProps: StepProps = { form, update, errorsOf };
  const previous = previousStep(step);
  const next = nextStep(step);
  const status = stored?.status ?? null;
  const saveLabel = stored ? t("save.changes") : t("save.draft");
  const conflictAt = conflict?.at ? format.dateTime(new Date(conflict.at), { dateStyle: "medium", timeStyle: "short" }) : "";

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{stored ? t("titleEdit") : t("titleNew")}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {status ? <StatusBadge status={status} /> : null}
            {form.title.trim() ? <span className="font-medium break-words text-slate-800">{form.title.trim()}</span> : <span>{t("lead")}</span>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="save-state">
            {dirty ? t("save.unsaved") : stored ? t("save.allSaved") : t("save.notSavedYet")}
          </span>
          <Link href={stored ? `/o/${orgSlug}/goals/${stored.id}` : `/o/${orgSlug}/goals`} className={buttonClasses("ghost", "px-2")}>
            {stored ? t("toGoalPage") : t("backToGoals")}
          </Link>
        </div>
      </header>

      {status === "ACTIVE" ? <Alert tone="info">{t("activeWarning")}</Alert> : status === "PROPOSED" ? <Alert tone="info">{t("proposedWarning")}</Alert> : null}

      <Stepper current={step} withErrors={stepErrors} onSelect={goTo} />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <form onSubmit={submit} noValidate aria-labelledby="editor-step-title" className="flex min-w-0 flex-col gap-4">
          <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <h2 id="editor-step-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
              {t(`steps.${step}.title`)}
            </h2>
            <p className="mt-1 mb-5 text-sm text-slate-600">{t(`steps.${step}.lead`)}</p>
            {step === "goal" ? (
              <StepGoal
                {...stepProps}
                isNew={mode.kind === "new" && !stored}
                me={me}
                allowedLevels={mode.kind === "new" ? mode.allowedLevels : [form.level]}
                ownerChoices={mode.kind === "new" ? mode.ownerChoices : {}}
                fixedOwner={stored ? { owner: stored.owner || me.name, team: stored.team } : null}
                periods={periods}
                linkTargets={linkTargets}
                storedParent={stored?.parentGoalId && stored.parentTitle ? { id: stored.parentGoalId, title: stored.parentTitle } : null}
              />
            ) : step === "s" ? (
              <StepSpecific
                {...stepProps}
                parts={parts}
                onPartsChange={changeParts}
                linked={linked}
                onStatementChange={changeStatement}
                onUseFormula={applyFormula}
              />
            ) : step === "m" ? (
              <StepMeasurable {...stepProps} />
            ) : step === "a" ? (
              <StepAccepted {...stepProps} />
            ) : step === "r" ? (
              <StepRealistic {...stepProps} onEditLevels={() => goTo("m")} />
            ) : step === "t" ? (
              <StepTime {...stepProps} period={period} />
            ) : (
              <StepSummary
                form={form}
                assessment={assessment}
                period={period}
                parentTitle={parentTitle}
                status={status}
                canPropose={stored ? stored.canPropose : true}
                dirty={dirty}
                proposing={busy === "propose"}
                onPropose={() => void propose()}
                onGoTo={goTo}
                goalHref={stored ? `/o/${orgSlug}/goals/${stored.id}` : null}
              />
            )}
          </section>

          <div className="flex flex-col gap-3">
            {conflict ? (
              <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="conflict">
                <p className="font-medium">{t("conflict.title")}</p>
                <p>{conflict.name ? t("conflict.changedBy", { name: conflict.name, at: conflictAt }) : t("conflict.changedByUnknown", { at: conflictAt })}</p>
                <div className="flex flex-wrap gap-2">
                  <Button type="button" variant="secondary" busy={busy === "reload"} onClick={() => void loadLatest(true)}>
                    {busy === "reload" ? t("conflict.reloading") : t("conflict.reload")}
                  </Button>
                  <Button type="button" variant="ghost" disabled={busy !== null} onClick={() => void loadLatest(false)}>
                    {t("conflict.discard")}
                  </Button>
                </div>
              </div>
            ) : null}
            {notice && notice.locale === locale ? (
              <Alert tone={notice.tone}>
                <span data-testid="editor-notice">{notice.text}</span>
              </Alert>
            ) : null}
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Button
                type="button"
                variant="secondary"
                disabled={!previous}
                onClick={() => previous && goTo(previous)}
                aria-label={previous ? t("nav.backTo", { name: t(`steps.${previous}.name`) }) : t("nav.back")}
              >
                <span aria-hidden>←</span>
                <span className="hidden sm:inline">{t("nav.back")}</span>
              </Button>
              <Button type="submit" variant="secondary" busy={busy === "save"} disabled={busy !== null && busy !== "save"}>
                {busy === "save" ? t("save.saving") : saveLabel}
              </Button>
              {next ? (
                <Button type="button" onClick={() => goTo(next)} aria-label={t("nav.nextTo", { name: t(`steps.${next}.name`) })}>
                  <span className="hidden sm:inline">{t("nav.nextTo", { name: t(`steps.${next}.name`) })}</span>
                  <span className="sm:hidden">{t("nav.next")}</span>
                  <span aria-hidden>→</span>
                </Button>
              ) : (
                <span className="w-[4.5rem]" aria-hidden />
              )}
            </div>
          </div>
        </form>

        <div className="lg:sticky lg:top-4">
          <CoachPanel assessment={assessment} step={step} stale={settled !== form} onGoTo={goTo} />
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {t("stepper.position", { current: EDITOR_STEPS.indexOf(step) + 1, total: EDITOR_STEPS.length, name: t(`steps.${step}.name`) })}
      </p>
    </div>
  );
}
