"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/features/people/components/dialog";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField } from "@/ui/field";
import { useFormErrors } from "@/ui/use-form-errors";
import { OUTCOME_LEVELS, type GoalDetail, type OutcomeLevel } from "../../goals.schema";
import { CapDialog } from "./cap-dialog";
import { CAP_REACHED, errorCodeOf, FailureAlert, ReasonField, useGoalRefresh, useReadableError } from "./goal-page-shared";

type Notice = { tone: "success" | "error"; message: string; reload?: boolean };
type ReasonKind = "postpone" | "cancel";

/**
 * What the caller may do with the goal now (the server's `can`), with the dialogs that ask
 * for a reason or an outcome. A full cap on signing opens the dialog that frees a place.
 */
export function GoalActions({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goals.actions");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const refresh = useGoalRefresh();
  const readable = useReadableError();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reasonDialog, setReasonDialog] = useState<ReasonKind | null>(null);
  const [closeOpen, setCloseOpen] = useState(false);
  const [capOpen, setCapOpen] = useState(false);

  const propose = useMutation(trpc.goal.propose.mutationOptions());
  const sign = useMutation(trpc.goal.sign.mutationOptions());
  const busy = propose.isPending || sign.isPending;
  const ids = { orgSlug, goalId: detail.id, version: detail.version };

  function failed(error: unknown) {
    const clientError = toClientError(readable(error));
    const conflict = errorCodeOf(error) === "CONFLICT";
    setNotice({ tone: "error", message: errorMessage(clientError.messageKey, clientError.params), reload: conflict });
  }

  async function done(message: string) {
    await refresh();
    setNotice({ tone: "success", message });
  }

  async function onPropose() {
    setNotice(null);
    try {
      await propose.mutateAsync(ids);
      await done(t("proposed"));
    } catch (error) {
      failed(error);
    }
  }

  async function onSign() {
    setNotice(null);
    try {
      const result = await sign.mutateAsync(ids);
      await done(result.status === "ACTIVE" ? t("signedActive") : t("signed"));
    } catch (error) {
      if (toClientError(error).messageKey === CAP_REACHED) setCapOpen(true);
      else failed(error);
    }
  }

  const can = detail.can;
  const anything = can.edit || can.propose || can.sign || can.postpone || can.cancel || can.close;

  return (
    <div className="flex flex-col gap-3">
      {anything ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("label")}>
          {can.sign ? (
            <Button type="button" onClick={() => void onSign()} busy={sign.isPending} disabled={busy}>
              {t("sign")}
            </Button>
          ) : null}
          {can.propose ? (
            <Button type="button" variant={can.sign ? "secondary" : "primary"} onClick={() => void onPropose()} busy={propose.isPending} disabled={busy}>
              {t("propose")}
            </Button>
          ) : null}
          {can.edit ? (
            <Link href={`/o/${orgSlug}/goals/${detail.id}/edit`} className={buttonClasses(can.sign || can.propose ? "secondary" : "primary")}>
              {t("edit")}
            </Link>
          ) : null}
          {can.close ? (
            <Button type="button" variant="secondary" onClick={() => setCloseOpen(true)} disabled={busy}>
              {t("close")}
            </Button>
          ) : null}
          {can.postpone ? (
            <Button type="button" variant="ghost" onClick={() => setReasonDialog("postpone")} disabled={busy}>
              {t("postpone")}
            </Button>
          ) : null}
          {can.cancel ? (
            <Button type="button" variant="ghost" className="text-red-800 hover:bg-red-50" onClick={() => setReasonDialog("cancel")} disabled={busy}>
              {t("cancel")}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div aria-live="polite" className="empty:hidden" data-testid="goal-notice">
        {notice ? (
          notice.tone === "success" ? (
            <Alert tone="success">{notice.message}</Alert>
          ) : (
            <FailureAlert
              message={notice.message}
              onReload={
                notice.reload
                  ? () => {
                      setNotice(null);
                      void refresh();
                    }
                  : undefined
              }
            />
          )
        ) : null}
      </div>

      <ReasonDialog
        orgSlug={orgSlug}
        detail={detail}
        kind={reasonDialog}
        onClose={() => setReasonDialog(null)}
        onDone={(message) => {
          setReasonDialog(null);
          setNotice({ tone: "success", message });
        }}
      />
      <CloseDialog
        orgSlug={orgSlug}
        detail={detail}
        open={closeOpen}
        onClose={() => setCloseOpen(false)}
        onDone={(message) => {
          setCloseOpen(false);
          setNotice({ tone: "success", message });
        }}
      />
      <CapDialog
        orgSlug={orgSlug}
        detail={detail}
        open={capOpen}
        onClose={() => setCapOpen(false)}
        onDone={(result) => {
          setCapOpen(false);
          setNotice({ tone: "success", message: result.status === "ACTIVE" ? t("signedActive") : t("signed") });
        }}
      />
    </div>
  );
}

/** Postpone (back to draft) or cancel, with the reason the history keeps. */
function ReasonDialog({
  orgSlug,
  detail,
  kind,
  onClose,
  onDone,
}: {
  orgSlug: string;
  detail: GoalDetail;
  kind: ReasonKind | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("goals.actions");
  const trpc = useTRPC();
  const refresh = useGoalRefresh();
  const readable = useReadableError();
  const form = useFormErrors();
  const [reason, setReason] = useState("");
  const [conflict, setConflict] = useState(false);
  const postpone = useMutation(trpc.goal.postpone.mutationOptions());
  const cancel = useMutation(trpc.goal.cancel.mutationOptions());
  const pending = postpone.isPending || cancel.isPending;

  const close = () => {
    setReason("");
    setConflict(false);
    form.clear();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind) return;
    form.clear();
    setConflict(false);
    const input = { orgSlug, goalId: detail.id, version: detail.version, reason };
    try {
      await (kind === "postpone" ? postpone : cancel).mutateAsync(input);
      await refresh();
      setReason("");
      onDone(kind === "postpone" ? t("postponed") : t("cancelled"));
    } catch (error) {
      form.showFailure(readable(error));
      setConflict(errorCodeOf(error) === "CONFLICT");
    }
  }

  return (
    <Dialog
      open={kind !== null}
      onClose={close}
      title={kind === "cancel" ? t("cancelTitle", { title: detail.fields.title }) : t("postponeTitle", { title: detail.fields.title })}
      description={kind === "cancel" ? t("cancelBody") : t("postponeBody")}
    >
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        <ReasonField
          label={t("reason")}
          hint={kind === "cancel" ? t("cancelReasonHint") : t("postponeReasonHint")}
          value={reason}
          onChange={setReason}
          errors={form.errorsOf("reason")}
        />
        {form.formError ? (
          <FailureAlert message={form.formError} onReload={conflict ? () => void refresh().then(close) : undefined} />
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            {t("keep")}
          </Button>
          <Button type="submit" variant={kind === "cancel" ? "danger" : "primary"} busy={pending}>
            {kind === "cancel" ? t("cancelConfirm") : t("postponeConfirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Close an active goal with the outcome the manager confirms. */
function CloseDialog({
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
  onDone: (message: string) => void;
}) {
  const t = useTranslations("goals");
  const trpc = useTRPC();
  const refresh = useGoalRefresh();
  const readable = useReadableError();
  const form = useFormErrors();
  const [outcome, setOutcome] = useState<OutcomeLevel | "">("");
  const [conflict, setConflict] = useState(false);
  const closeGoal = useMutation(trpc.goal.close.mutationOptions());

  const dismiss = () => {
    setOutcome("");
    setConflict(false);
    form.clear();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    setConflict(false);
    if (outcome === "") {
      form.showInvalid({ issues: [{ path: ["outcome"], message: "goals.actions.outcomeRequired" }] });
      return;
    }
    try {
      await closeGoal.mutateAsync({ orgSlug, goalId: detail.id, version: detail.version, outcome });
      await refresh();
      setOutcome("");
      onDone(t("actions.closed", { outcome: t(`outcome.${outcome}`) }));
    } catch (error) {
      form.showFailure(readable(error));
      setConflict(errorCodeOf(error) === "CONFLICT");
    }
  }

  return (
    <Dialog open={open} onClose={dismiss} title={t("actions.closeTitle", { title: detail.fields.title })} description={t("actions.closeBody")}>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        <SelectField
          label={t("actions.outcome")}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as OutcomeLevel | "")}
          errors={form.errorsOf("outcome")}
        >
          <option value="">{t("actions.chooseOutcome")}</option>
          {OUTCOME_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`outcome.${level}`)}
            </option>
          ))}
        </SelectField>
        {form.formError ? (
          <FailureAlert message={form.formError} onReload={conflict ? () => void refresh().then(dismiss) : undefined} />
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={dismiss}>
            {t("actions.keep")}
          </Button>
          <Button type="submit" busy={closeGoal.isPending}>
            {t("actions.closeConfirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
