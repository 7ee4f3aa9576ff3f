import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SettingsForm } from "@/features/organizations/components/settings-form";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/settings`);
  if (!me.permissions.includes("organization.settings.update")) notFound();
  // after a change of address the page is loaded anew, and says that the save went through
  const justSaved = (await searchParams).saved === "1";
  return <SettingsForm orgSlug={orgSlug} justSaved={justSaved} />;
}
