import type { Permission } from "@/lib/permissions";
import type { OrgDb } from "@/server/db/for-org";
import type { OrgContext } from "@/server/trpc/init";
import type { ImportContext } from "../csv-import.service";

/** What the import service needs from an organisation procedure's context. */
export function importContext(ctx: OrgContext & { orgDb: OrgDb; can: (permission: Permission) => boolean }): ImportContext {
  return { organization: ctx.organization, actor: ctx.actor, membership: ctx.membership, orgDb: ctx.orgDb, canGrantAdmin: ctx.can("member.grantAdmin") };
}
