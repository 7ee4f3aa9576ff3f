"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { LOCALES, rememberLocaleInBrowser, type AppLocale } from "@/i18n/config";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/ui/use-form-errors";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { ZSignUp } from "../accounts.schema";
import { PASSWORD_MIN_LENGTH } from "../password-rules";

export function SignUpForm({ defaultLocale }: { defaultLocale: AppLocale }) {
  const t = useTranslations("auth");
  const tLocales = useTranslations("locales");
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const parsed = ZSignUp.safeParse(form);
    if (!parsed.success) {
      showInvalid(parsed.error);
      return;
    }
    try {
      const { organizationSlug } = await signUp.mutateAsync(parsed.data);
      setSigningIn(true);
      rememberLocaleInBrowser(parsed.data.locale);
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      window.location.assign(result?.ok ? `/o/${organizationSlug}` : "/sign-in");
    } catch (error) {
      showFailure(error);
      setSigningIn(false);
    }
  }

  const busy = signUp.isPending || signingIn;
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{t("signUpTitle")}</h1>
      <p className="mt-1 mb-5 text-sm text-slate-600">{t("signUpLead")}</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <TextField label={t("name")} name="name" autoComplete="name" required errors={errorsOf("name")} />
        <TextField label={t("email")} name="email" type="email" autoComplete="email" required errors={errorsOf("email")} />
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
        <TextField
          label={t("organizationName")}
          name="organizationName"
          autoComplete="organization"
          required
          errors={errorsOf("organizationName")}
        />
        <SelectField label={t("language")} name="locale" defaultValue={defaultLocale} errors={errorsOf("locale")}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {tLocales(locale)}
            </option>
          ))}
        </SelectField>
        {formError ? <Alert>{formError}</Alert> : null}
        <Button type="submit" busy={busy}>
          {busy ? t("signingUp") : t("signUp")}
        </Button>
      </form>
      <p className="mt-5 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("signInLink")}
        </Link>
      </p>
    </Card>
  );
}
