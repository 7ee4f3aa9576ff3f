import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { roleHasPermission, type Permission } from "@/lib/permissions";
import { actorOf, claimsNameAUser, resolveActor, type Actor, type ActorUserRow, type SessionClaims } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { forOrg } from "@/server/db/for-org";
import { jsonColumn } from "@/server/db/json-column";
import { Prisma } from "@/server/db/generated/client";
import type { Role } from "@/server/db/generated/enums";
import { ZOrganizationSettings } from "@/features/organizations/settings";

export type Context = {
  db: Db;
  claims: SessionClaims | null;
  clientIp: string;
  /** Lets procedures set cookies and headers on the HTTP answer (absent in server calls). */
  resHeaders?: Headers;
};

export type FormattedErrorData = {
  messageKey: string | null;
  params: Record<string, string | number> | null;
  fieldErrors: Record<string, string[]> | null;
};

function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

// read per error, so a test can check the production behaviour
const isProduction = () => process.env.NODE_ENV === "production";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let data: FormattedErrorData = { messageKey: null, params: null, fieldErrors: null };
    if (cause instanceof AppError) {
      data = { messageKey: cause.messageKey, params: cause.params, fieldErrors: cause.fieldErrors };
    } else if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
      // only the caller's input; a failed output or internal parse is our fault, not theirs
      data = { messageKey: "invalidInput", params: null, fieldErrors: zodFieldErrors(cause) };
    }
    const unexpected = error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof AppError);
    return {
      ...shape,
      // unexpected failures never reach the browser with their message or stack in production
      message: unexpected && isProduction() ? "Internal server error" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(isProduction() ? {} : { stack: shape.data.stack }),
        ...data,
        messageKey: data.messageKey ?? (unexpected ? "unexpected" : null),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** AppErrors thrown anywhere below become TRPCErrors with the AppError as cause. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.messageKey, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await resolveActor(ctx.db, ctx.claims);
  if (!actor) throw new AppError("UNAUTHORIZED", "unauthorized");
  return next({ ctx: { ...ctx, actor } });
});

export const ZOrgSlug = z.string().trim().min(1).max(64).regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "invalidSlug");

/** Every organisation procedure's input: the org slug plus the procedure's own fields, strictly. */
export function orgInput<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ orgSlug: ZOrgSlug, ...shape });
}

export type OrgContext = {
  organization: { id: string; slug: string; name: string; locale: "sv" | "en"; settings: z.infer<typeof ZOrganizationSettings> };
  membership: { id: string; role: Role; teamId: string | null; managerId: string | null };
  actor: Actor;
};

type MembershipRow = OrgContext["membership"] & Omit<OrgContext["organization"], "id" | "settings"> & { organizationId: string; settings: string };
type ActorMembershipRow = ActorUserRow & { membership: MembershipRow | null };

/**
 * The signed-in user with their active membership in the organisation with this slug (null
 * when they have none), in one statement: it runs before every organisation procedure.
 */
async function actorWithMembership(db: Db, userId: string, orgSlug: string): Promise<ActorMembershipRow | null> {
  const rows = await db.$queryRaw<(ActorUserRow & { membership: unknown })[]>(Prisma.sql`
    SELECT u."id"::text AS "id", u."email", u."name", u."locale"::text AS "locale", u."sessionVersion", u."disabledAt",
      (SELECT json_build_object('id', m."id", 'role', m."role", 'teamId', m."teamId", 'managerId', m."managerId",
          'organizationId', o."id", 'slug', o."slug", 'name', o."name", 'locale', o."locale", 'settings', o."settings"::text)
        FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
        WHERE m."userId" = u."id" AND m."status" = 'ACTIVE' AND o."slug" = ${orgSlug}) AS "membership"
    FROM "User" u
    WHERE u."id" = ${userId}::uuid`);
  const row = rows[0];
  if (!row) return null;
  return { ...row, membership: jsonColumn<MembershipRow | null>(row.membership) };
}

/**
 * Resolves the session to the signed-in user (UNAUTHORIZED otherwise, as every protected
 * procedure) and the org slug to their active membership. Not a member (or no such
 * organisation) answers NOT_FOUND, so organisations cannot be probed by slug.
 */
export const orgProcedure = publicProcedure.use(async ({ ctx, next, getRawInput }) => {
  const claims = ctx.claims;
  if (!claimsNameAUser(claims)) throw new AppError("UNAUTHORIZED", "unauthorized");
  const parsed = z.object({ orgSlug: ZOrgSlug }).safeParse(await getRawInput());
  if (!parsed.success) {
    if (!(await resolveActor(ctx.db, claims))) throw new AppError("UNAUTHORIZED", "unauthorized");
    throw new AppError("NOT_FOUND", "notFound");
  }
  const found = await actorWithMembership(ctx.db, claims.userId, parsed.data.orgSlug);
  const actor = actorOf(found, claims);
  if (!actor) throw new AppError("UNAUTHORIZED", "unauthorized");
  if (!found?.membership) throw new AppError("NOT_FOUND", "notFound");
  const { organizationId, slug, name, locale, settings, ...own } = found.membership;
  const orgContext: OrgContext = {
    organization: { id: organizationId, slug, name, locale, settings: ZOrganizationSettings.parse(JSON.parse(settings)) },
    membership: own,
    actor,
  };
  return next({
    ctx: {
      ...ctx,
      ...orgContext,
      orgDb: forOrg(ctx.db, organizationId),
      can: (permission: Permission) => roleHasPermission(own.role, permission),
    },
  });
});

/** An organisation procedure that first demands a named permission (FORBIDDEN otherwise). */
export function orgProcedureWith(permission: Permission) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!ctx.can(permission)) throw new AppError("FORBIDDEN", "forbidden");
    return next();
  });
}
