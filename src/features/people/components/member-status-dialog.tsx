"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { TextField } from "@/ui/field";
import { DEACTIVATION_REASON_MAX_LENGTH, type MemberListItem } from "../people.schema";
import { Dialog } from "./dialog";

export type StatusChange = { person: MemberListItem; to: "DEACTIVATED" | "ACTIVE" };
export type StatusChangeResult = { person: MemberListItem; to: "DEACTIVATED" | "ACTIVE"; reports: { membershipId: string; name: string }[] };

/** Asks before deactivating or reactivating a membership, and says what it will do. */
export function MemberStatusDialog({
  orgSlug,
  organizationName,
  change,
  onClose,
  onDone,
}: {
  orgSlug: string;
  organizationName: string;
  change: StatusChange | null;
  onClose: () => void;
  onDone: (result: StatusChangeResult) => void;
}) {
  const t = useTranslations("people");
  const title = !change
    ? ""
    : change.to === "DEACTIVATED"
      ? t("deactivateTitle", { name: change.person.name })
      : t("reactivateTitle", { name: change.person.name });
  return (
    <Dialog open={change !== null} onClose={onClose} title={title}>
      {change ? (
        <StatusForm
          key={`${change.person.membershipId}-${change.to}`}
          orgSlug={orgSlug}
          organizationName={organizationName}
          change={change}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

function StatusForm({
  orgSlug,
  organizationName,
  change,
  onClose,
  onDone,
}: {
  orgSlug: string;
  organizationName: string;
  change: StatusChange;
  onClose: () => void;
  onDone: (result: StatusChangeResult) => void;
}) {
  const t = useTranslations("people");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deactivate = useMutation(trpc.member.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.member.reactivate.mutationOptions());
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>();
  const deactivating = change.to === "DEACTIVATED";
  const pending = deactivate.isPending || reactivate.isPending;
  const { person } = change;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setReasonErrors(undefined);
    try {
      const result = deactivating
        ? await deactivate.mutateAsync({ orgSlug, membershipId: person.membershipId, reason: reason.trim() || undefined })
        : await reactivate.mutateAsync({ orgSlug, membershipId: person.membershipId });
      await queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
      onDone({ person, to: change.to, reports: result.reports });
    } catch (failure) {
      const clientError = toClientError(failure);
      if (clientError.fieldErrors.reason) setReasonErrors(clientError.fieldErrors.reason.map((key) => errorMessage(key)));
      else setError(errorMessage(clientError.messageKey, clientError.params));
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {deactivating ? (
        <>
          <p className="text-sm text-slate-700">{t("deactivateBody", { organization: organizationName })}</p>
          <p className="text-sm text-slate-700">{t("deactivateReportsNote", { name: person.name })}</p>
          <TextField
            label={t("reason")}
            name="reason"
            value={reason}
            maxLength={DEACTIVATION_REASON_MAX_LENGTH}
            onChange={(event) => setReason(event.target.value)}
            hint={t("reasonHint")}
            errors={reasonErrors}
          />
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("reactivateBody", { organization: organizationName })}</p>
      )}
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" variant={deactivating ? "danger" : "primary"} busy={pending}>
          {deactivating
            ? pending
              ? t("deactivating")
              : t("deactivateConfirm")
            : pending
              ? t("reactivating")
              : t("reactivateConfirm")}
        </Button>
      </div>
    </form>
  );
}
