import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditLog } from "@/features/audit/components/audit-log";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/audit`);
  if (!me.permissions.includes("audit.read")) notFound();
  return <AuditLog orgSlug={orgSlug} />;
}
