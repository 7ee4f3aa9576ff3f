import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TeamsAdmin } from "@/features/teams/components/teams-admin";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("title") };
}

export default async function AdminTeamsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/teams`);
  // HR reaches the admin area but not this section
  if (!me.permissions.includes("team.manage")) notFound();
  return <TeamsAdmin orgSlug={orgSlug} />;
}
