"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/features/people/components/dialog";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";
import { useFormErrors } from "@/ui/use-form-errors";
import type { GoalDetail, GoalMutationResult } from "../../goals.schema";
import { useDayFormat } from "../use-goal-format";
import { ReasonField, useGoalRefresh, useReadableError } from "./goal-page-shared";

type Choice = "postpone" | "cancel";

/**
 * The owner already has as many active goals as the organisation allows: pick one to
 * postpone (back to draft) or cancel, with a reason, and the signature is tried again.
 * Too many goals at once paralyse; this is where the conversation about priorities happens.
 */
export function CapDialog({
  orgSlug,
  detail,
  open,
  onClose,
  onDone,
}: {
  orgSlug: string;
  detail: GoalDetail;
  open: boolean;
  onClose: () => void;
  onDone: (result: GoalMutationResult) => void;
}) {
  const t = useTranslations("goals.cap");
  const day = useDayFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useGoalRefresh();
  const readable = useReadableError();
  const form = useFormErrors();
  const ownerId = detail.owner.membershipId;

  const active = useQuery({
    ...trpc.goal.list.queryOptions({ orgSlug, scope: "organization", ownerId, status: "ACTIVE", periodId: null }),
    enabled: open,
    staleTime: 0,
  });
  const candidates = (active.data ?? [])
    .filter((goal) => goal.id !== detail.id)
    .sort((a, b) => b.priority - a.priority);

  const [goalId, setGoalId] = useState("");
  const [choice, setChoice] = useState<Choice>("postpone");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const postpone = useMutation(trpc.goal.postpone.mutationOptions());
  const cancel = useMutation(trpc.goal.cancel.mutationOptions());
  const sign = useMutation(trpc.goal.sign.mutationOptions());

  const dismiss = () => {
    setGoalId("");
    setChoice("postpone");
    setReason("");
    form.clear();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    if (goalId === "") {
      form.showInvalid({ issues: [{ path: ["goalId"], message: "goals.cap.chooseGoal" }] });
      return;
    }
    setBusy(true);
    try {
      const chosen = await queryClient.fetchQuery({ ...trpc.goal.get.queryOptions({ orgSlug, goalId }), staleTime: 0 });
      await (choice === "postpone" ? postpone : cancel).mutateAsync({ orgSlug, goalId, version: chosen.version, reason });
      // the place is free: sign this goal again, at its current version
      const current = await queryClient.fetchQuery({ ...trpc.goal.get.queryOptions({ orgSlug, goalId: detail.id }), staleTime: 0 });
      const result = await sign.mutateAsync({ orgSlug, goalId: detail.id, version: current.version });
      await refresh();
      setGoalId("");
      setReason("");
      onDone(result);
    } catch (error) {
      form.showFailure(readable(error));
      void refresh();
    } finally {
      setBusy(false);
    }
  }

  const goalErrors = form.errorsOf("goalId");

  return (
    <Dialog
      open={open}
      onClose={dismiss}
      title={t("title")}
      description={t("body", { name: detail.owner.name, count: candidates.length, cap: detail.coachContext.goalCap })}
    >
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        {active.isPending ? (
          <Skeleton label={t("loading")} rows={3} />
        ) : active.isError ? (
          <Alert>
            <span>{t("loadFailed")} </span>
            <button type="button" className="font-medium underline" onClick={() => void active.refetch()}>
              {t("retry")}
            </button>
          </Alert>
        ) : candidates.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noneVisible")}</p>
        ) : (
          <fieldset aria-describedby={goalErrors ? "cap-goal-error" : undefined} aria-invalid={goalErrors ? true : undefined}>
            <legend className="mb-2 text-sm font-medium text-slate-800">{t("whichGoal")}</legend>
            <ul className="flex max-h-64 flex-col gap-2 overflow-y-auto" data-testid="cap-candidates">
              {candidates.map((goal) => (
                <li key={goal.id}>
                  <label
                    className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm ${
                      goalId === goal.id ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
                    }`}
                  >
                    <input
                      type="radio"
                      name="cap-goal"
                      value={goal.id}
                      checked={goalId === goal.id}
                      onChange={() => setGoalId(goal.id)}
                      className="mt-1"
                    />
                    <span className="min-w-0">
                      <span className="block font-medium break-words">{goal.title}</span>
                      <span className="block text-xs text-slate-600">
                        {t("priority", { priority: goal.priority })} · {goal.period.name}
                        {goal.dueDate ? ` · ${t("due", { date: day(goal.dueDate) })}` : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {goalErrors ? (
              <p id="cap-goal-error" className="mt-1 text-sm text-red-700">
                {goalErrors.join(" ")}
              </p>
            ) : null}
          </fieldset>
        )}

        {candidates.length > 0 ? (
          <>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-800">{t("whatToDo")}</legend>
              <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
                {(["postpone", "cancel"] as const).map((option) => (
                  <label key={option} className="flex cursor-pointer items-start gap-2">
                    <input type="radio" name="cap-choice" value={option} checked={choice === option} onChange={() => setChoice(option)} className="mt-1" />
                    <span>
                      <span className="block font-medium">{t(`${option}.label`)}</span>
                      <span className="block text-xs text-slate-600">{t(`${option}.hint`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <ReasonField label={t("reason")} value={reason} onChange={setReason} errors={form.errorsOf("reason")} />
          </>
        ) : null}

        {form.formError ? <Alert>{form.formError}</Alert> : null}

        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={dismiss}>
            {t("notNow")}
          </Button>
          {candidates.length > 0 ? (
            <Button type="submit" variant={choice === "cancel" ? "danger" : "primary"} busy={busy}>
              {t(`${choice}.confirm`)}
            </Button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
