import { redirect } from "next/navigation";
import { listOrganizationsOfUser } from "@/features/organizations/organizations.repository";
import { currentActor } from "@/server/auth/session";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Signed in: the first organisation's home. Otherwise: sign in. */
export default async function RootPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const [first] = await listOrganizationsOfUser(await getDb(), actor.userId);
  redirect(first ? `/o/${first.slug}` : "/sign-up");
}
