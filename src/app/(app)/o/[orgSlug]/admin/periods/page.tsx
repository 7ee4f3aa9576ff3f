import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PeriodsAdmin } from "@/features/periods/components/periods-admin";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("periods"))("title") };
}

export default async function PeriodsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/periods`);
  if (!me.permissions.includes("period.manage")) notFound();
  return <PeriodsAdmin orgSlug={orgSlug} canClose={me.permissions.includes("period.close")} />;
}
