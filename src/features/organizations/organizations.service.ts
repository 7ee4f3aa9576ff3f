import { changesBetween, recordAudit } from "@/features/audit/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import type { OrgDb } from "@/server/db/for-org";
import type { Prisma } from "@/server/db/generated/client";
import {
  lastSettingsChange,
  lockOrganization,
  moveSlug,
  readOrganization,
  slugUsedElsewhere,
  writeOrganization,
} from "./organizations.repository";
import { ZOrganizationSettings, type OrganizationSettings } from "./settings";
import type { OrganizationSettingsView, SettingsFields } from "./settings.schema";

export type SettingsContext = { orgDb: OrgDb; actor: Actor };

const SETTING_KEYS = [
  "maxActiveGoalsPerPerson",
  "defaultCadence",
  "onTrackMarginPoints",
  "atRiskMarginPoints",
  "lowConfidenceAtOrBelow",
  "staleAfterCadences",
] as const satisfies readonly (keyof OrganizationSettings)[];

const AUDITED_FIELDS = ["name", "slug", "locale", ...SETTING_KEYS] as const;

type OrganizationRow = Awaited<ReturnType<typeof readOrganization>>;

function storedSettings(raw: Prisma.JsonValue): OrganizationSettings {
  const parsed = ZOrganizationSettings.safeParse(raw ?? {});
  // a stored value outside today's limits falls back to the defaults rather than breaking the page
  return parsed.success ? parsed.data : ZOrganizationSettings.parse({});
}

function view(row: OrganizationRow): OrganizationSettingsView {
  return { name: row.name, slug: row.slug, locale: row.locale, settings: storedSettings(row.settings), updatedAt: row.updatedAt };
}

function flat(row: OrganizationRow) {
  return { name: row.name, slug: row.slug, locale: row.locale, ...storedSettings(row.settings) };
}

const slugTaken = () => new AppError("CONFLICT", "settings.errors.slugTaken", {}, { slug: ["settings.errors.slugTaken"] });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function getSettings(orgDb: OrgDb): Promise<OrganizationSettingsView> {
  return view(await readOrganization(orgDb));
}

/**
 * Saves the settings form. The form sends the `updatedAt` it loaded: if the organisation
 * changed since, the save is refused naming who changed it, never silently overwritten.
 * A new slug keeps the old one as an alias, so links people saved still lead here.
 */
export async function updateSettings(
  ctx: SettingsContext,
  input: SettingsFields & { updatedAt: Date },
): Promise<OrganizationSettingsView> {
  const { orgDb } = ctx;
  const organizationId = orgDb.organizationId;
  try {
    return await orgDb.$transaction(async (tx) => {
      const before = await lockOrganization(tx, organizationId);
      if (before.updatedAt.getTime() !== input.updatedAt.getTime()) {
        const last = await lastSettingsChange(tx);
        throw last
          ? new AppError("CONFLICT", "settings.errors.conflict", { name: last.actorName, at: last.createdAt.toISOString() })
          : new AppError("CONFLICT", "settings.errors.conflictUnknown");
      }
      if (input.slug !== before.slug && (await slugUsedElsewhere(tx, organizationId, input.slug))) throw slugTaken();

      const settings: OrganizationSettings = {
        maxActiveGoalsPerPerson: input.maxActiveGoalsPerPerson,
        defaultCadence: input.defaultCadence,
        onTrackMarginPoints: input.onTrackMarginPoints,
        atRiskMarginPoints: input.atRiskMarginPoints,
        lowConfidenceAtOrBelow: input.lowConfidenceAtOrBelow,
        staleAfterCadences: input.staleAfterCadences,
      };
      const changes = changesBetween(flat(before), { name: input.name, slug: input.slug, locale: input.locale, ...settings }, AUDITED_FIELDS);
      if (changes.length === 0) return view(before);

      if (input.slug !== before.slug) await moveSlug(tx, organizationId, before.slug, input.slug);
      // keys this form does not know (added by later features) are kept as they are
      const kept = typeof before.settings === "object" && before.settings !== null && !Array.isArray(before.settings) ? before.settings : {};
      const after = await writeOrganization(tx, organizationId, {
        name: input.name,
        slug: input.slug,
        locale: input.locale,
        settings: { ...(kept as Prisma.InputJsonObject), ...settings },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "settings.update",
        entityType: "organization",
        entityId: organizationId,
        entityLabel: after.name,
        changes,
      });
      return view(after);
    });
  } catch (error) {
    // a concurrent save elsewhere took the slug between our check and our write
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}
