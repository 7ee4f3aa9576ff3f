import { notFound, redirect } from "next/navigation";
import { adminSectionsFor } from "@/features/admin/admin-sections";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";

/** The admin area opens on the first section the person may use. */
export default async function AdminIndexPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const me = await pageData((await serverCaller()).member.me({ orgSlug }), `/o/${orgSlug}/admin`);
  const [first] = adminSectionsFor(me.permissions);
  if (!first) notFound();
  redirect(`/o/${orgSlug}/admin/${first.segment}`);
}
