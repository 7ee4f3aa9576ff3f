"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/features/accounts/password-rules";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/ui/use-form-errors";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { TextField } from "@/ui/field";
import { ZAcceptInvitationExisting, ZAcceptInvitationNew, type InvitationPreview } from "../invitations.schema";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The invitee's side: see who invites you to what, then join with a new or an existing account. */
export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const t = useTranslations("invitations.accept");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();
  const [signingIn, setSigningIn] = useState(false);

  const organization = preview.organizationName;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = new FormData(event.currentTarget);
    const parsed = preview.accountExists
      ? ZAcceptInvitationExisting.safeParse({ token, kind: "existing", password: text(form, "password") })
      : ZAcceptInvitationNew.safeParse({ token, kind: "new", name: text(form, "name"), password: text(form, "password") });
    if (!parsed.success) {
      showInvalid(parsed.error);
      return;
    }
    try {
      const { organizationSlug, email } = await accept.mutateAsync(parsed.data);
      setSigningIn(true);
      const destination = `/o/${organizationSlug}`;
      const result = await signIn("credentials", { email, password: parsed.data.password, redirect: false });
      // joined either way; if signing in is held back (throttled), the sign-in page takes over
      window.location.assign(result?.ok ? destination : `/sign-in?callbackUrl=${encodeURIComponent(destination)}`);
    } catch (error) {
      showFailure(error);
      setSigningIn(false);
    }
  }

  const busy = accept.isPending || signingIn;
  return (
    <Card>
      <p className="text-sm text-slate-600">
        {preview.inviterName ? t("invitedBy", { inviter: preview.inviterName, organization }) : t("invited", { organization })}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title", { organization })}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md bg-slate-50 px-4 py-3 text-sm">
        <dt className="text-slate-600">{t("email")}</dt>
        <dd className="font-medium break-all" data-testid="invitation-email">
          {preview.email}
        </dd>
        <dt className="text-slate-600">{t("role")}</dt>
        <dd>{tRoles(preview.role)}</dd>
        {preview.teamName ? (
          <>
            <dt className="text-slate-600">{t("team")}</dt>
            <dd>{preview.teamName}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("expires")}</dt>
        <dd>{format.dateTime(preview.expiresAt, { dateStyle: "long", timeStyle: "short" })}</dd>
      </dl>

      <form onSubmit={(event) => void onSubmit(event)} className="mt-5 flex flex-col gap-4" noValidate>
        {preview.accountExists ? (
          <>
            <p className="text-sm text-slate-700">{t("existingLead", { email: preview.email, organization })}</p>
            {/* lets password managers pair the password with the account */}
            <input type="email" name="username" autoComplete="username" value={preview.email} readOnly hidden />
            <TextField
              label={t("existingPassword")}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              errors={errorsOf("password")}
            />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("newAccountLead")}</p>
            <input type="email" name="username" autoComplete="username" value={preview.email} readOnly hidden />
            <TextField
              label={t("name")}
              name="name"
              autoComplete="name"
              required
              autoFocus
              defaultValue={preview.name ?? ""}
              errors={errorsOf("name")}
            />
            <TextField
              label={t("password")}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
              errors={errorsOf("password")}
            />
          </>
        )}
        {formError ? <Alert>{formError}</Alert> : null}
        <Button type="submit" busy={busy}>
          {busy ? t("joining") : preview.accountExists ? t("join") : t("createAndJoin")}
        </Button>
      </form>
    </Card>
  );
}
