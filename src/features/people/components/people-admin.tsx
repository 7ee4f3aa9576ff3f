"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { Badge, EmptyState, Skeleton } from "@/ui/page-parts";
import { MEMBER_PAGE_SIZE, type MemberListItem } from "../people.schema";
import { PersonLink } from "./person-link";
import { MemberEditDialog } from "./member-edit-dialog";
import { MemberStatusDialog, type StatusChange, type StatusChangeResult } from "./member-status-dialog";
import { ROLE_ORDER } from "./people-types";
import { useDebouncedValue } from "@/ui/use-debounced-value";

type Role = (typeof ROLE_ORDER)[number];
type StatusFilter = "ALL" | "ACTIVE" | "DEACTIVATED";
type Filters = { teamId: string; role: Role | ""; managerId: string; status: StatusFilter };
type Notice = { message: string; reportsOf?: { membershipId: string; name: string; reports: string[] } };

const NO_FILTERS: Filters = { teamId: "", role: "", managerId: "", status: "ALL" };

/** The admin people page: search, filters, the paged list, and the edit and status dialogs. */
export function PeopleAdmin({
  orgSlug,
  organizationName,
  ownMembershipId,
  canGrantAdmin,
}: {
  orgSlug: string;
  organizationName: string;
  ownMembershipId: string;
  canGrantAdmin: boolean;
}) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();

  const [searchText, setSearchText] = useState("");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<MemberListItem | null>(null);
  const [statusChange, setStatusChange] = useState<StatusChange | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const search = useDebouncedValue(searchText.trim());
  const options = useQuery(trpc.member.filterOptions.queryOptions({ orgSlug }));
  const list = useQuery(
    trpc.member.list.queryOptions(
      {
        orgSlug,
        search: search || undefined,
        teamId: filters.teamId || undefined,
        role: filters.role || undefined,
        managerId: filters.managerId || undefined,
        status: filters.status,
        page,
        pageSize: MEMBER_PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  const filtering = search !== "" || JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  const clearFilters = () => {
    setSearchText("");
    setFilters(NO_FILTERS);
    setPage(1);
  };

  function onStatusChanged(result: StatusChangeResult) {
    setStatusChange(null);
    const { person, reports } = result;
    if (result.to === "ACTIVE") {
      setNotice({ message: t("reactivatedMessage", { name: person.name }) });
      return;
    }
    setNotice({
      message: t("deactivated", { name: person.name }),
      reportsOf:
        reports.length > 0 ? { membershipId: person.membershipId, name: person.name, reports: reports.map((report) => report.name) } : undefined,
    });
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // a change can shrink the list below the page being shown: step back to its last page
  if (data && !list.isPlaceholderData && page > pages) setPage(pages);
  const managers = options.data?.managers ?? [];

  const rowActions = (person: MemberListItem): ReactNode => {
    const lockedAdmin = !canGrantAdmin && person.role === "ADMIN";
    const isSelf = person.membershipId === ownMembershipId;
    if (lockedAdmin) return <span className="text-xs text-slate-500">{t("adminOnlyHint")}</span>;
    return (
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" className="px-3 py-1.5" aria-label={t("editPerson", { name: person.name })} onClick={() => setEditing(person)}>
          {t("edit")}
        </Button>
        {isSelf ? null : person.status === "ACTIVE" ? (
          <Button
            variant="ghost"
            className="px-3 py-1.5"
            aria-label={t("deactivatePerson", { name: person.name })}
            onClick={() => setStatusChange({ person, to: "DEACTIVATED" })}
          >
            {t("deactivate")}
          </Button>
        ) : (
          <Button
            variant="ghost"
            className="px-3 py-1.5"
            aria-label={t("reactivatePerson", { name: person.name })}
            onClick={() => setStatusChange({ person, to: "ACTIVE" })}
          >
            {t("reactivate")}
          </Button>
        )}
      </div>
    );
  };

  const roleAndTitle = (person: MemberListItem) => (
    <>
      <span>{tRoles(person.role)}</span>
      {person.title ? <span className="block text-xs text-slate-600">{person.title}</span> : null}
    </>
  );
  const statusBadge = (person: MemberListItem) =>
    person.status === "ACTIVE" ? <Badge tone="success">{t("active")}</Badge> : <Badge tone="neutral">{t("deactivated")}</Badge>;
  const nameCell = (person: MemberListItem) => (
    <>
      <PersonLink orgSlug={orgSlug} person={person} />
      {person.membershipId === ownMembershipId ? <span className="text-slate-500"> ({t("you")})</span> : null}
      <span className="block text-xs break-all text-slate-600 md:break-normal md:whitespace-nowrap">{person.email}</span>
    </>
  );
  const none = <span className="text-slate-400">{t("none")}</span>;

  return (
    <div className="flex flex-col gap-4">
      <section aria-label={t("filters")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <TextField
            label={t("search")}
            type="search"
            value={searchText}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            onChange={(event) => {
              setSearchText(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <SelectField label={t("filterTeam")} value={filters.teamId} onChange={(event) => setFilter("teamId", event.target.value)}>
          <option value="">{t("allTeams")}</option>
          <option value="none">{t("noTeamFilter")}</option>
          {/* indented by depth: the chosen team stays readable in a narrow select */}
          {options.data?.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {"\u00a0\u00a0\u00a0".repeat(team.depth) + team.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filterRole")} value={filters.role} onChange={(event) => setFilter("role", event.target.value as Role | "")}>
          <option value="">{t("allRoles")}</option>
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filterManager")} value={filters.managerId} onChange={(event) => setFilter("managerId", event.target.value)}>
          <option value="">{t("allManagers")}</option>
          <option value="none">{t("noManagerFilter")}</option>
          {managers.map((manager) => (
            <option key={manager.membershipId} value={manager.membershipId}>
              {manager.active ? manager.name : t("inactiveManager", { name: manager.name })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("filterStatus")}
          value={filters.status}
          onChange={(event) => setFilter("status", event.target.value as StatusFilter)}
        >
          <option value="ALL">{t("statusAll")}</option>
          <option value="ACTIVE">{t("statusActive")}</option>
          <option value="DEACTIVATED">{t("statusDeactivated")}</option>
        </SelectField>
      </section>

      <div role="status" aria-live="polite" className="empty:hidden">
        {notice ? (
          <Alert tone={notice.reportsOf ? "info" : "success"}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p>{notice.message}</p>
                {notice.reportsOf ? (
                  <p className="mt-1">
                    {t("reportsNeedManager", {
                      count: notice.reportsOf.reports.length,
                      name: notice.reportsOf.name,
                      names: notice.reportsOf.reports.join(", "),
                    })}
                  </p>
                ) : null}
              </div>
              <div className="flex gap-2">
                {notice.reportsOf ? (
                  <Button
                    variant="secondary"
                    className="px-3 py-1"
                    onClick={() => {
                      const managerId = notice.reportsOf?.membershipId ?? "";
                      setSearchText("");
                      setFilters({ ...NO_FILTERS, managerId });
                      setPage(1);
                      setNotice(null);
                    }}
                  >
                    {t("showReports")}
                  </Button>
                ) : null}
                <Button variant="ghost" className="px-2 py-1" aria-label={t("dismiss")} onClick={() => setNotice(null)}>
                  ×
                </Button>
              </div>
            </div>
          </Alert>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <p data-testid="people-count">{data ? t("count", { total: data.total }) : "\u00a0"}</p>
        {filtering ? (
          <Button variant="ghost" className="px-3 py-1" onClick={clearFilters}>
            {t("clearFilters")}
          </Button>
        ) : null}
      </div>

      {list.isError && !data ? (
        <Alert>
          <span>{t("loadFailed")} </span>
          <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : !data ? (
        <Skeleton label={t("loading")} rows={8} />
      ) : data.items.length === 0 ? (
        filtering ? (
          <EmptyState title={t("noMatchTitle")}>
            <p>{t("noMatchBody")}</p>
            <Button variant="secondary" className="mt-3" onClick={clearFilters}>
              {t("clearFilters")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
            <div className="mt-3 flex flex-wrap justify-center gap-2">
              <Link href={`/o/${orgSlug}/admin/invitations`} className={buttonClasses("primary")}>
                {t("emptyInvite")}
              </Link>
              <Link href={`/o/${orgSlug}/admin/import`} className={buttonClasses("secondary")}>
                {t("emptyImport")}
              </Link>
            </div>
          </EmptyState>
        )
      ) : (
        <div aria-busy={list.isFetching || undefined} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          {/* wide screens: a table */}
          <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("tableCaption")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                <tr>
                  {[t("columnName"), t("columnRole"), t("columnTeam"), t("columnManager"), t("columnStatus")].map((label) => (
                    <th key={label} scope="col" className="px-4 py-2 font-medium">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-2 font-medium">
                    <span className="sr-only">{t("columnActions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((person) => (
                  <tr key={person.membershipId} data-testid="person-row" className={person.status === "ACTIVE" ? undefined : "bg-slate-50"}>
                    <td className="px-4 py-3 align-top">{nameCell(person)}</td>
                    <td className="px-4 py-3 align-top">{roleAndTitle(person)}</td>
                    <td className="px-4 py-3 align-top" data-testid="person-team">
                      {person.team?.name ?? none}
                    </td>
                    <td className="px-4 py-3 align-top">{person.manager ? <PersonLink orgSlug={orgSlug} person={person.manager} /> : none}</td>
                    <td className="px-4 py-3 align-top">{statusBadge(person)}</td>
                    <td className="px-4 py-2 align-top">{rowActions(person)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {/* phones: one card per person */}
          <ul className="flex flex-col gap-3 md:hidden" aria-label={t("tableCaption")}>
            {data.items.map((person) => (
              <li key={person.membershipId} data-testid="person-card" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0 text-sm">{nameCell(person)}</div>
                  {statusBadge(person)}
                </div>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t("columnRole")}</dt>
                  <dd>{roleAndTitle(person)}</dd>
                  <dt className="text-slate-600">{t("columnTeam")}</dt>
                  <dd data-testid="person-team">{person.team?.name ?? none}</dd>
                  <dt className="text-slate-600">{t("columnManager")}</dt>
                  <dd>{person.manager ? <PersonLink orgSlug={orgSlug} person={person.manager} /> : none}</dd>
                </dl>
                <div className="mt-3">{rowActions(person)}</div>
              </li>
            ))}
          </ul>

          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
            <p>
              {t("showing", {
                from: (data.page - 1) * data.pageSize + 1,
                to: (data.page - 1) * data.pageSize + data.items.length,
                total: data.total,
              })}
            </p>
            {pages > 1 ? (
              <div className="flex items-center gap-2">
                <Button variant="secondary" className="px-3 py-1.5" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t("previousPage")}
                </Button>
                <span>{t("pageOf", { page: data.page, pages })}</span>
                <Button variant="secondary" className="px-3 py-1.5" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {t("nextPage")}
                </Button>
              </div>
            ) : null}
          </nav>
        </div>
      )}

      <MemberEditDialog
        orgSlug={orgSlug}
        organizationName={organizationName}
        person={editing}
        canGrantAdmin={canGrantAdmin}
        options={options.data}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null);
          setNotice({ message });
        }}
      />
      <MemberStatusDialog
        orgSlug={orgSlug}
        organizationName={organizationName}
        change={statusChange}
        onClose={() => setStatusChange(null)}
        onDone={onStatusChanged}
      />
    </div>
  );
}
