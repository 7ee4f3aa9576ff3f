import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { roleHasPermission, type Permission } from "@/lib/permissions";
import { resolveActor, type Actor, type SessionClaims } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { forOrg } from "@/server/db/for-org";
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

type ActiveMembershipRow = OrgContext["membership"] & Omit<OrgContext["organization"], "id" | "settings"> & { organizationId: string; settings: string };

/** The user's active membership in the organisation with this slug, with the organisation, in one statement (it runs on every request). */
async function activeMembership(db: Db, userId: string, orgSlug: string): Promise<ActiveMembershipRow | null> {
  const rows = await db.$queryRaw<ActiveMembershipRow[]>(Prisma.sql`
    SELECT m."id"::text AS "id", m."role"::text AS "role", m."teamId"::text AS "teamId", m."managerId"::text AS "managerId",
      o."id"::text AS "organizationId", o."slug", o."name", o."locale"::text AS "locale", o."settings"::text AS "settings"
    FROM "Membership" m
    JOIN "Organization" o ON o."id" = m."organizationId"
    WHERE m."userId" = ${userId}::uuid AND m."status" = 'ACTIVE' AND o."slug" = ${orgSlug}`);
  return rows[0] ?? null;
}

/**
 * Resolves the org slug to the caller's active membership. Not a member (or no such
 * organisation) answers NOT_FOUND, so organisations cannot be probed by slug.
 */
export const orgProcedure = protectedProcedure.use(async ({ ctx, next, getRawInput }) => {
  const parsed = z.object({ orgSlug: ZOrgSlug }).safeParse(await getRawInput());
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const found = await activeMembership(ctx.db, ctx.actor.userId, parsed.data.orgSlug);
  if (!found) throw new AppError("NOT_FOUND", "notFound");
  const { organizationId, slug, name, locale, settings, ...own } = found;
  const orgContext: OrgContext = {
    organization: { id: organizationId, slug, name, locale, settings: ZOrganizationSettings.parse(JSON.parse(settings)) },
    membership: own,
    actor: ctx.actor,
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
