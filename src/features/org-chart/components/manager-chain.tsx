"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PersonLink } from "@/features/people/components/person-link";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";

/** A person's managers up to the top, loaded when first shown. */
export function ManagerChain({ orgSlug, person }: { orgSlug: string; person: { membershipId: string; name: string } }) {
  const t = useTranslations("orgChart");
  const trpc = useTRPC();
  const chain = useQuery(trpc.orgChart.managerChain.queryOptions({ orgSlug, membershipId: person.membershipId }));

  if (chain.isPending) return <Skeleton label={t("chainLoading")} rows={1} />;
  if (chain.isError) return <Alert>{t("chainFailed")}</Alert>;
  if (chain.data.length === 0) return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("noManager")}</p>;
  return (
    <ol
      aria-label={t("chainFor", { name: person.name })}
      data-testid="manager-chain"
      className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm"
    >
      {chain.data.map((manager, index) => (
        <li key={manager.membershipId} className="flex items-center gap-2">
          {index > 0 ? (
            <span aria-hidden className="text-slate-400">
              →
            </span>
          ) : null}
          <span>
            <PersonLink orgSlug={orgSlug} person={manager} />
            {manager.title ? <span className="text-slate-600"> ({manager.title})</span> : null}
            {manager.active ? null : <span className="text-slate-500"> – {t("inactive")}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
