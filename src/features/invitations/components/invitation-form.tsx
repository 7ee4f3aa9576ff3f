"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/ui/use-form-errors";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { Skeleton } from "@/ui/page-parts";
import { ZInvitationFields, type IssuedInvitation } from "../invitations.schema";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function InvitationForm({ orgSlug, onIssued }: { orgSlug: string; onIssued: (issued: IssuedInvitation) => void }) {
  const t = useTranslations("invitations.form");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.invitation.formOptions.queryOptions({ orgSlug }));
  const create = useMutation(trpc.invitation.create.mutationOptions());
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    clear();
    const parsed = ZInvitationFields.safeParse({
      email: text(form, "email"),
      name: text(form, "name") || undefined,
      role: text(form, "role"),
      teamId: text(form, "teamId") || null,
      managerId: text(form, "managerId") || null,
    });
    if (!parsed.success) {
      showInvalid(parsed.error);
      return;
    }
    try {
      const issued = await create.mutateAsync({ orgSlug, ...parsed.data });
      element.reset();
      onIssued(issued);
      await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() });
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <Card title={t("title")}>
      {options.isPending ? (
        <Skeleton label={tCommon("loading")} rows={4} />
      ) : options.isError ? (
        <div className="flex flex-col items-start gap-3">
          <Alert>{t("optionsFailed")}</Alert>
          <Button type="button" variant="secondary" onClick={() => void options.refetch()}>
            {errorMessage("tryAgain")}
          </Button>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t("email")} name="email" type="email" autoComplete="off" required errors={errorsOf("email")} />
            <TextField label={t("name")} name="name" autoComplete="off" hint={t("nameHint")} errors={errorsOf("name")} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label={t("role")}
              name="role"
              defaultValue="EMPLOYEE"
              hint={options.data.roles.includes("ADMIN") ? undefined : t("adminHint")}
              errors={errorsOf("role")}
            >
              {options.data.roles.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("team")} name="teamId" defaultValue="" errors={errorsOf("teamId")}>
              <option value="">{t("noTeam")}</option>
              {options.data.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.label}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("manager")} name="managerId" defaultValue="" errors={errorsOf("managerId")}>
              <option value="">{t("noManager")}</option>
              {options.data.managers.map((manager) => (
                <option key={manager.membershipId} value={manager.membershipId}>
                  {manager.name}
                </option>
              ))}
            </SelectField>
          </div>
          {formError ? <Alert>{formError}</Alert> : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-slate-600">{options.data.mailConfigured ? t("mailOn") : t("mailOff")}</p>
            <Button type="submit" busy={create.isPending}>
              {create.isPending ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
