import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PeopleAdmin } from "@/features/people/components/people-admin";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { SectionHeader } from "@/ui/page-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

export default async function AdminPeoplePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin/people`);
  if (!me.permissions.includes("member.manage")) notFound();
  const t = await getTranslations("people");
  return (
    <>
      <SectionHeader title={t("title")} description={t("description")} />
      <PeopleAdmin
        orgSlug={orgSlug}
        organizationName={me.organization.name}
        ownMembershipId={me.membershipId}
        canGrantAdmin={me.permissions.includes("member.grantAdmin")}
      />
    </>
  );
}
