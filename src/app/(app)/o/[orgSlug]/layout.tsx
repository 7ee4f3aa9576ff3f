import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { followOldSlug } from "@/features/organizations/follow-old-slug";
import { TopBar } from "@/features/shell/components/top-bar";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const caller = await serverCaller();
  // an old slug of the caller's organisation redirects to its new one; otherwise not found
  const me = await pageData(followOldSlug(caller.member.me({ orgSlug }), orgSlug), `/o/${orgSlug}`);
  const organizations = await caller.organization.listMine();
  const t = await getTranslations();

  // only pages that exist, and only those the person may open
  const navigation = [
    { href: `/o/${orgSlug}`, label: t("shell.home") },
    { href: `/o/${orgSlug}/goals`, label: t("shell.goals") },
    { href: `/o/${orgSlug}/dashboard`, label: t("shell.dashboard") },
    { href: `/o/${orgSlug}/alignment`, label: t("shell.alignment") },
    { href: `/o/${orgSlug}/org-chart`, label: t("shell.orgChart") },
    ...(me.permissions.includes("report.read") ? [{ href: `/o/${orgSlug}/reports`, label: t("shell.reports") }] : []),
    ...(me.permissions.includes("admin.access") ? [{ href: `/o/${orgSlug}/admin`, label: t("shell.admin") }] : []),
  ];

  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
        {t("common.skipToContent")}
      </a>
      <TopBar
        organization={{ slug: me.organization.slug, name: me.organization.name }}
        organizations={organizations.map(({ slug, name }) => ({ slug, name }))}
        user={{ name: me.name, email: me.email, roleLabel: t(`roles.${me.role}`) }}
        navigation={navigation}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
