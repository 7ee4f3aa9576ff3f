import type { OrgContext } from "@/server/trpc/init";
import type { Permission } from "@/lib/permissions";
import type { PeopleActor } from "../people.service";

/** The acting member as the people service needs it. */
export function peopleActor(ctx: OrgContext & { can: (permission: Permission) => boolean }): PeopleActor {
  return {
    organizationId: ctx.organization.id,
    membershipId: ctx.membership.id,
    user: { userId: ctx.actor.userId, name: ctx.actor.name },
    canGrantAdmin: ctx.can("member.grantAdmin"),
  };
}
