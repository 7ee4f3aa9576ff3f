"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError, type FieldErrors } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { TITLE_MAX_LENGTH, type MemberListItem } from "../people.schema";
import { Dialog } from "./dialog";
import { ROLE_ORDER, type FilterOptions } from "./people-types";
import { useDebouncedValue } from "@/ui/use-debounced-value";

export function MemberEditDialog({
  orgSlug,
  organizationName,
  person,
  canGrantAdmin,
  options,
  onClose,
  onSaved,
}: {
  orgSlug: string;
  organizationName: string;
  person: MemberListItem | null;
  canGrantAdmin: boolean;
  options: FilterOptions | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("people");
  return (
    <Dialog
      open={person !== null}
      onClose={onClose}
      title={person ? t("editTitle", { name: person.name }) : ""}
      description={t("editLead", { organization: organizationName })}
    >
      {person ? (
        <EditForm
          key={person.membershipId}
          orgSlug={orgSlug}
          person={person}
          canGrantAdmin={canGrantAdmin}
          options={options}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Dialog>
  );
}

function EditForm({
  orgSlug,
  person,
  canGrantAdmin,
  options,
  onClose,
  onSaved,
}: {
  orgSlug: string;
  person: MemberListItem;
  canGrantAdmin: boolean;
  options: FilterOptions | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.member.update.mutationOptions());

  const [role, setRole] = useState(person.role);
  const [teamId, setTeamId] = useState(person.team?.id ?? "");
  const [managerId, setManagerId] = useState(person.manager?.membershipId ?? "");
  const [title, setTitle] = useState(person.title ?? "");
  const [managerSearch, setManagerSearch] = useState("");
  // a manager picked from search results stays in the list when the search changes
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const search = useDebouncedValue(managerSearch.trim());
  const found = useQuery(
    trpc.member.list.queryOptions(
      { orgSlug, search, status: "ACTIVE", pageSize: 20 },
      { enabled: search.length > 0, placeholderData: keepPreviousData },
    ),
  );

  // the current managers, or the people matching the search; never the person themself
  const candidates = new Map<string, string>();
  if (person.manager) candidates.set(person.manager.membershipId, person.manager.name);
  if (picked) candidates.set(picked.id, picked.name);
  const pool =
    search.length > 0
      ? (found.data?.items ?? []).map((item) => ({ membershipId: item.membershipId, name: item.name }))
      : (options?.managers ?? []).filter((manager) => manager.active);
  for (const candidate of pool) candidates.set(candidate.membershipId, candidate.name);
  candidates.delete(person.membershipId);
  const candidateList = [...candidates].map(([id, name]) => ({ id, name }));

  // ADMIN is shown to HR only when the person already is one (and then the form is read-only)
  const roles = ROLE_ORDER.filter((value) => canGrantAdmin || value !== "ADMIN" || person.role === "ADMIN");
  const errorsOf = (field: string) => fieldErrors[field]?.map((key) => errorMessage(key));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setFieldErrors({});
    const trimmedTitle = title.trim();
    const changes = {
      ...(role !== person.role ? { role } : {}),
      ...(teamId !== (person.team?.id ?? "") ? { teamId: teamId || null } : {}),
      ...(managerId !== (person.manager?.membershipId ?? "") ? { managerId: managerId || null } : {}),
      ...(trimmedTitle !== (person.title ?? "") ? { title: trimmedTitle || null } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onSaved(t("noChanges"));
      return;
    }
    try {
      await update.mutateAsync({ orgSlug, membershipId: person.membershipId, expectedUpdatedAt: person.updatedAt, ...changes });
      await queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
      onSaved(t("saved", { name: person.name }));
    } catch (error) {
      const clientError = toClientError(error);
      setFieldErrors(clientError.fieldErrors);
      const onAField = Object.keys(clientError.fieldErrors).some((field) => ["role", "teamId", "managerId", "title"].includes(field));
      if (!onAField) setFormError(errorMessage(clientError.messageKey, clientError.params));
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <SelectField
        label={t("role")}
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as typeof role)}
        hint={canGrantAdmin ? undefined : t("roleHintHr")}
        errors={errorsOf("role")}
      >
        {roles.map((value) => (
          <option key={value} value={value}>
            {tRoles(value)}
          </option>
        ))}
      </SelectField>

      <SelectField label={t("team")} name="teamId" value={teamId} onChange={(event) => setTeamId(event.target.value)} errors={errorsOf("teamId")}>
        <option value="">{t("noTeam")}</option>
        {person.team && !options?.teams.some((team) => team.id === person.team?.id) ? (
          <option value={person.team.id}>{person.team.name}</option>
        ) : null}
        {options?.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.path}
          </option>
        ))}
      </SelectField>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("manager")}</legend>
        <TextField
          label={t("managerSearch")}
          type="search"
          value={managerSearch}
          onChange={(event) => setManagerSearch(event.target.value)}
          placeholder={t("managerSearchPlaceholder")}
          hint={
            search.length > 0 && found.data && found.data.items.filter((item) => item.membershipId !== person.membershipId).length === 0
              ? t("managerSearchEmpty", { search })
              : t("managerSearchHint")
          }
          autoComplete="off"
        />
        <SelectField
          label={t("manager")}
          name="managerId"
          value={managerId}
          onChange={(event) => {
            const id = event.target.value;
            setManagerId(id);
            setPicked(id ? { id, name: candidates.get(id) ?? "" } : null);
          }}
          errors={errorsOf("managerId")}
          aria-busy={found.isFetching || undefined}
        >
          <option value="">{t("noManager")}</option>
          {candidateList.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <TextField
        label={t("jobTitle")}
        name="title"
        value={title}
        maxLength={TITLE_MAX_LENGTH}
        onChange={(event) => setTitle(event.target.value)}
        hint={t("jobTitleHint")}
        errors={errorsOf("title")}
      />

      {formError ? <Alert>{formError}</Alert> : null}

      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
