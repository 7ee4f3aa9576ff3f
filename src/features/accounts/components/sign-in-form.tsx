"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { rememberLocaleInBrowser } from "@/i18n/config";
import { useTRPCClient } from "@/lib/trpc/client";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { TextField } from "@/ui/field";
import { secondsFromThrottledCode } from "../sign-in-result";

function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: "everywhere" }) {
  const t = useTranslations("auth");
  const tErrors = useTranslations("errors");
  const trpcClient = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: textOf(form, "email"),
        password: textOf(form, "password"),
        redirect: false,
      });
      if (!result?.ok) {
        const code = result?.error ?? "";
        const wait = secondsFromThrottledCode(code);
        setError(
          wait !== null
            ? t("throttled", { seconds: wait })
            : code === "CredentialsSignin"
              ? t("invalidCredentials")
              : tErrors("unexpected"),
        );
        setBusy(false);
        return;
      }
      // the language chosen on the account follows the person to this browser
      const account = await trpcClient.account.get.query().catch(() => null);
      if (account?.locale) rememberLocaleInBrowser(account.locale);
      window.location.assign(callbackUrl);
    } catch {
      setError(tErrors("network"));
      setBusy(false);
    }
  }

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{t("signInTitle")}</h1>
      <p className="mt-1 mb-5 text-sm text-slate-600">{t("signInLead")}</p>
      {notice === "everywhere" ? (
        <div className="mb-4">
          <Alert tone="info">{t("signedOutEverywhere")}</Alert>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus />
        <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
        {error ? <Alert>{error}</Alert> : null}
        <Button type="submit" busy={busy}>
          {busy ? t("signingIn") : t("signIn")}
        </Button>
      </form>
      <p className="mt-5 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline">
          {t("createAccount")}
        </Link>
      </p>
    </Card>
  );
}
