import { DEFAULT_ORGANIZATION_SETTINGS } from "@/features/organizations/settings";
import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import type { TenancyCases } from "./types";

/** The settings form as loaded (the organisation's current version) and sent back: every call succeeds. */
async function loadedForm(org: TestOrganization, db: Db) {
  const current = await db.organization.findUniqueOrThrow({ where: { id: org.organization.id }, select: { slug: true, updatedAt: true } });
  return {
    // the factory's one-letter names ("A") are shorter than a real organisation name may be
    name: "Tenancy AB",
    slug: current.slug,
    locale: "sv",
    ...DEFAULT_ORGANIZATION_SETTINGS,
    updatedAt: current.updatedAt,
  };
}

export const cases: TenancyCases = {
  org: {
    "organization.getSettings": { input: () => ({}), allowed: ["ADMIN"] },
    // the organisation's own settings: no row is named by id
    "organization.updateSettings": { input: loadedForm, allowed: ["ADMIN"], namesNoRows: true, mutates: true },
  },
  account: [],
};
