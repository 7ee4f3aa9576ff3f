"use client";

import { useFormatter, useTranslations } from "next-intl";
import { PersonLink } from "@/features/people/components/person-link";
import type { GoalDetail } from "../../goals.schema";

function SignedMark({ signed }: { signed: boolean }) {
  return signed ? (
    <svg viewBox="0 0 20 20" aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-700">
      <circle cx="10" cy="10" r="8" fill="currentColor" />
      <path d="M6 10.5l2.5 2.5 5.5-6" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  ) : (
    <svg viewBox="0 0 20 20" aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-400">
      <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="3 2.5" />
    </svg>
  );
}

/** Who signs the goal and who has: the owner, and their manager (or an administrator). */
export function SignaturesPanel({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goals.page.signatures");
  const format = useFormatter();
  const { signatures } = detail;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const finished = detail.status === "CLOSED" || detail.status === "CANCELLED";

  return (
    <div className="flex flex-col gap-3 text-sm">
      <ul className="flex flex-col gap-3" data-testid="signatures">
        <li className="flex items-start gap-2">
          <SignedMark signed={signatures.ownerSignedAt !== null} />
          <div className="min-w-0">
            <p>
              <span className="text-slate-600">{t("owner")}: </span>
              <PersonLink orgSlug={orgSlug} person={signatures.owner} />
            </p>
            <p className="text-slate-700" data-testid="owner-signature">
              {signatures.ownerSignedAt ? t("signedAt", { when: when(signatures.ownerSignedAt) }) : t("notSigned")}
            </p>
          </div>
        </li>
        <li className="flex items-start gap-2">
          <SignedMark signed={signatures.managerSignedAt !== null} />
          <div className="min-w-0">
            <p>
              <span className="text-slate-600">{signatures.coSigner ? t("coSigner") : t("alsoSigns")}: </span>
              {signatures.coSigner ? <PersonLink orgSlug={orgSlug} person={signatures.coSigner} /> : t("anyAdmin")}
            </p>
            <p className="text-slate-700" data-testid="manager-signature">
              {signatures.managerSignedAt
                ? signatures.managerSignedBy && signatures.managerSignedBy.membershipId !== signatures.coSigner?.membershipId
                  ? t("signedByAt", { name: signatures.managerSignedBy.name, when: when(signatures.managerSignedAt) })
                  : t("signedAt", { when: when(signatures.managerSignedAt) })
                : t("notSigned")}
            </p>
          </div>
        </li>
      </ul>
      {finished ? null : (
        <p className="text-xs text-slate-600">{detail.status === "ACTIVE" ? t("activeNote") : t("howItWorks")}</p>
      )}
    </div>
  );
}
