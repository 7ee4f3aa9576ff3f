import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/ui/button";
import { Card } from "@/ui/card";
import type { InvitationPreview } from "../invitations.schema";

type Props =
  | { state: "unknown" }
  | ({ state: Exclude<InvitationPreview["state"], "valid"> } & Pick<InvitationPreview, "organizationName" | "inviterName" | "expiresAt">);

/** A link that cannot be used any more gets a page that says why and what to do, not an error. */
export async function InvitationUnavailable(props: Props) {
  const t = await getTranslations("invitations.unavailable");
  const format = await getFormatter();

  let title: string;
  let body: string;
  let next: string;
  if (props.state === "unknown") {
    title = t("unknownTitle");
    body = t("unknownBody");
    next = t("askSender");
  } else {
    const organization = props.organizationName;
    const ask = props.inviterName ? t("askInviter", { inviter: props.inviterName, organization }) : t("askAdmin", { organization });
    if (props.state === "expired") {
      title = t("expiredTitle");
      body = t("expiredBody", { organization, date: format.dateTime(props.expiresAt, { dateStyle: "long", timeStyle: "short" }) });
      next = ask;
    } else if (props.state === "revoked") {
      title = t("revokedTitle");
      body = t("revokedBody", { organization });
      next = ask;
    } else {
      title = t("usedTitle");
      body = t("usedBody", { organization });
      next = "";
    }
  }

  return (
    <Card>
      <div data-testid="invitation-unavailable" data-state={props.state}>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-3 text-sm text-slate-700">{body}</p>
        {next ? <p className="mt-2 text-sm text-slate-700">{next}</p> : null}
        <div className="mt-5">
          <Link href="/sign-in" className={buttonClasses(props.state === "used" ? "primary" : "secondary")}>
            {t("signIn")}
          </Link>
        </div>
      </div>
    </Card>
  );
}
