"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SectionHeader } from "@/ui/page-parts";
import type { IssuedInvitation } from "../invitations.schema";
import { InvitationForm } from "./invitation-form";
import { InvitationList } from "./invitation-list";
import { IssuedLinkPanel } from "./issued-link-panel";

/** The admin's invitations page: invite, copy the link once, and follow up on every invitation. */
export function InvitationsAdmin({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("invitations");
  const [issued, setIssued] = useState<{ invitation: IssuedInvitation; renewed: boolean } | null>(null);

  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title={t("title")} description={t("lead")} />
      <InvitationForm orgSlug={orgSlug} onIssued={(invitation) => setIssued({ invitation, renewed: false })} />
      {issued ? <IssuedLinkPanel key={issued.invitation.link} issued={issued.invitation} renewed={issued.renewed} onDismiss={() => setIssued(null)} /> : null}
      <InvitationList
        orgSlug={orgSlug}
        onRenewed={(invitation) => setIssued({ invitation, renewed: true })}
        // a link just revoked must not stay on show as if it still worked
        onRevoked={(id) => setIssued((current) => (current?.invitation.id === id ? null : current))}
      />
    </div>
  );
}
