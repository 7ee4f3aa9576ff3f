"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { useFormErrors } from "@/ui/use-form-errors";
import { ZTeamNameForm, type TeamTreeEntry } from "../teams.schema";
import { ParentOptions } from "./team-options";
import { formText, useRefreshTeams } from "./use-team-forms";

export function CreateTeamForm({
  orgSlug,
  teams,
  onCreated,
}: {
  orgSlug: string;
  teams: readonly TeamTreeEntry[];
  onCreated: (team: { id: string; name: string; parentTeamId: string | null }) => void;
}) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const create = useMutation(trpc.team.create.mutationOptions());
  const refresh = useRefreshTeams();
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = formText(data, "name");
    const parentTeamId = formText(data, "parentTeamId") || null;
    clear();
    const nameInput = form.elements.namedItem("name") as HTMLInputElement;
    const checked = ZTeamNameForm.safeParse({ name });
    if (!checked.success) {
      showInvalid(checked.error);
      return nameInput.focus();
    }
    try {
      const created = await create.mutateAsync({ orgSlug, name, parentTeamId });
      await refresh();
      form.reset();
      // the parent stays chosen: teams are often added in a row under one department
      (form.elements.namedItem("parentTeamId") as HTMLSelectElement).value = parentTeamId ?? "";
      onCreated(created);
      nameInput.focus();
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <Card title={t("create.title")}>
      <form onSubmit={onSubmit} onInput={clear} noValidate className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("create.name")} name="name" autoComplete="off" maxLength={100} required errors={errorsOf("name")} />
          <SelectField label={t("create.parent")} name="parentTeamId" defaultValue="" errors={errorsOf("parentTeamId")}>
            <option value="">{t("create.topLevel")}</option>
            <ParentOptions teams={teams} allowed={(team) => !team.archived} />
          </SelectField>
        </div>
        {formError ? <Alert>{formError}</Alert> : null}
        <div>
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? t("create.submitting") : t("create.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
