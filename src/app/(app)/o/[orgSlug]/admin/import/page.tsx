import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CsvImport } from "@/features/csv-import/components/csv-import";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("csvImport"))("title") };
}

export default async function AdminImportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/import`);
  if (!me.permissions.includes("member.manage")) notFound();
  return <CsvImport orgSlug={orgSlug} />;
}
