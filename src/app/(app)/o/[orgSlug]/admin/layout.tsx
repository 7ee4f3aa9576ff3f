import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { adminSectionsFor } from "@/features/admin/admin-sections";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin`);
  // members without admin rights do not see the area at all
  if (!me.permissions.includes("admin.access")) notFound();
  const t = await getTranslations("admin");
  const items = adminSectionsFor(me.permissions).map((section) => ({
    href: `/o/${orgSlug}/admin/${section.segment}`,
    label: t(`sections.${section.segment}`),
  }));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <AdminNav label={t("navigation")} items={items} />
      <div>{children}</div>
    </div>
  );
}
