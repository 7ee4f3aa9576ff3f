import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SignUpForm } from "@/features/accounts/components/sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage() {
  return <SignUpForm defaultLocale={await getLocale()} />;
}
