import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { currentSlugForOldSlug, pathUnderNewSlug } from "@/features/organizations/slug-alias";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/features/organizations/settings";
import type { Db } from "@/server/db/client";
import { addMember, callerFor, createOrganization, createUser, type TestOrganization } from "../factories";
import { createTestDatabase } from "../support/test-db";
import { failureOf, fieldErrorsOf } from "../support/trpc-errors";

describe("organisation settings", () => {
  let db: Db;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    other = await createOrganization(db, { name: "Other Org" });
  });

  /** The form as loaded, ready to send back with changes. */
  async function loadedForm(org: TestOrganization) {
    const loaded = await callerFor(db, org.members.ADMIN.userId).organization.getSettings({ orgSlug: org.organization.slug });
    return {
      orgSlug: org.organization.slug,
      name: loaded.name,
      slug: loaded.slug,
      locale: loaded.locale,
      ...loaded.settings,
      updatedAt: loaded.updatedAt,
    };
  }

  const save = (org: TestOrganization, input: Awaited<ReturnType<typeof loadedForm>>, role: "ADMIN" | "HR" | "MANAGER" | "EMPLOYEE" = "ADMIN") =>
    callerFor(db, org.members[role].userId).organization.updateSettings(input);

  describe("organization.getSettings", () => {
    it("gives an ADMIN the name, slug, locale and the defaults of PRODUCT.md", async () => {
      const org = await createOrganization(db, { name: "Settings Org" });
      const settings = await callerFor(db, org.members.ADMIN.userId).organization.getSettings({ orgSlug: org.organization.slug });
      expect(settings).toMatchObject({ name: "Settings Org", slug: org.organization.slug, locale: "sv" });
      expect(settings.settings).toEqual({
        maxActiveGoalsPerPerson: 5,
        defaultCadence: "MONTHLY",
        onTrackMarginPoints: 10,
        atRiskMarginPoints: 25,
        lowConfidenceAtOrBelow: 4,
        staleAfterCadences: 1.5,
      });
      expect(settings.settings).toEqual(DEFAULT_ORGANIZATION_SETTINGS);
      expect(settings.updatedAt).toBeInstanceOf(Date);
    });

    it.each(["HR", "MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN)", async (role) => {
      const org = await createOrganization(db);
      const error = await failureOf(callerFor(db, org.members[role].userId).organization.getSettings({ orgSlug: org.organization.slug }));
      expect(error.code).toBe("FORBIDDEN");
    });

    it("answers NOT_FOUND to an ADMIN of another organisation", async () => {
      const org = await createOrganization(db);
      const error = await failureOf(callerFor(db, other.members.ADMIN.userId).organization.getSettings({ orgSlug: org.organization.slug }));
      expect(error.code).toBe("NOT_FOUND");
    });
  });

  describe("organization.updateSettings", () => {
    it("saves every field and audits each change old → new", async () => {
      const org = await createOrganization(db, { name: "Before AB" });
      const form = await loadedForm(org);
      const saved = await save(org, {
        ...form,
        name: "  After AB ",
        locale: "en",
        maxActiveGoalsPerPerson: 4,
        defaultCadence: "BIWEEKLY",
        onTrackMarginPoints: 12,
        atRiskMarginPoints: 30,
        lowConfidenceAtOrBelow: 3,
        staleAfterCadences: 2,
      });
      expect(saved).toMatchObject({
        name: "After AB",
        slug: org.organization.slug,
        locale: "en",
        settings: {
          maxActiveGoalsPerPerson: 4,
          defaultCadence: "BIWEEKLY",
          onTrackMarginPoints: 12,
          atRiskMarginPoints: 30,
          lowConfidenceAtOrBelow: 3,
          staleAfterCadences: 2,
        },
      });
      expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(form.updatedAt.getTime());
      const row = await db.organization.findUniqueOrThrow({ where: { id: org.organization.id } });
      expect(row).toMatchObject({ name: "After AB", locale: "en" });
      expect(row.settings).toMatchObject({ maxActiveGoalsPerPerson: 4, defaultCadence: "BIWEEKLY" });

      const audit = await db.auditEvent.findMany({ where: { organizationId: org.organization.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "settings.update",
        entityType: "organization",
        entityId: org.organization.id,
        entityLabel: "After AB",
        actorUserId: org.members.ADMIN.userId,
        actorName: org.members.ADMIN.name,
      });
      expect(audit[0]!.changes).toEqual([
        { field: "name", from: "Before AB", to: "After AB" },
        { field: "locale", from: "sv", to: "en" },
        { field: "maxActiveGoalsPerPerson", from: 5, to: 4 },
        { field: "defaultCadence", from: "MONTHLY", to: "BIWEEKLY" },
        { field: "onTrackMarginPoints", from: 10, to: 12 },
        { field: "atRiskMarginPoints", from: 25, to: 30 },
        { field: "lowConfidenceAtOrBelow", from: 4, to: 3 },
        { field: "staleAfterCadences", from: 1.5, to: 2 },
      ]);
      // the organisation procedures read the new settings at once
      const me = await callerFor(db, org.members.EMPLOYEE.userId).member.me({ orgSlug: org.organization.slug });
      expect(me.organization).toMatchObject({ name: "After AB", locale: "en" });
    });

    it("keeps settings that this form does not know", async () => {
      const org = await createOrganization(db);
      await db.organization.update({ where: { id: org.organization.id }, data: { settings: { futureFlag: true } } });
      await save(org, { ...(await loadedForm(org)), maxActiveGoalsPerPerson: 7 });
      const row = await db.organization.findUniqueOrThrow({ where: { id: org.organization.id } });
      expect(row.settings).toMatchObject({ futureFlag: true, maxActiveGoalsPerPerson: 7 });
    });

    it("writes nothing when nothing changed", async () => {
      const org = await createOrganization(db);
      const form = await loadedForm(org);
      const saved = await save(org, form);
      expect(saved.updatedAt).toEqual(form.updatedAt);
      expect(await db.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(0);
    });

    it.each(["HR", "MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN) and changes nothing", async (role) => {
      const org = await createOrganization(db, { name: "Unchanged" });
      const form = await loadedForm(org);
      const error = await failureOf(save(org, { ...form, name: "Changed" }, role));
      expect(error.code).toBe("FORBIDDEN");
      expect((await db.organization.findUniqueOrThrow({ where: { id: org.organization.id } })).name).toBe("Unchanged");
    });

    it.each([
      [{ maxActiveGoalsPerPerson: 0 }, { maxActiveGoalsPerPerson: ["settings.errors.capRange"] }],
      [{ maxActiveGoalsPerPerson: 51 }, { maxActiveGoalsPerPerson: ["settings.errors.capRange"] }],
      [{ maxActiveGoalsPerPerson: 2.5 }, { maxActiveGoalsPerPerson: ["settings.errors.wholeNumber"] }],
      [{ maxActiveGoalsPerPerson: Number.NaN }, { maxActiveGoalsPerPerson: ["settings.errors.notANumber"] }],
      [{ onTrackMarginPoints: -1 }, { onTrackMarginPoints: ["settings.errors.marginRange"] }],
      [{ onTrackMarginPoints: 30, atRiskMarginPoints: 20 }, { atRiskMarginPoints: ["settings.errors.atRiskBelowOnTrack"] }],
      [{ lowConfidenceAtOrBelow: 11 }, { lowConfidenceAtOrBelow: ["settings.errors.confidenceRange"] }],
      [{ staleAfterCadences: 0.5 }, { staleAfterCadences: ["settings.errors.staleRange"] }],
      [{ defaultCadence: "DAILY" }, { defaultCadence: ["settings.errors.choose"] }],
      [{ locale: "de" }, { locale: ["settings.errors.choose"] }],
      [{ name: " x " }, { name: ["settings.errors.nameLength"] }],
      [{ slug: "a" }, { slug: ["settings.errors.slugLength"] }],
      [{ slug: "x".repeat(49) }, { slug: ["settings.errors.slugLength"] }],
      [{ slug: "ny adress" }, { slug: ["settings.errors.slugPattern"] }],
      [{ slug: "-ny" }, { slug: ["settings.errors.slugPattern"] }],
      [{ slug: "åre" }, { slug: ["settings.errors.slugPattern"] }],
    ])("refuses %o with %o beside the field", async (change, fieldErrors) => {
      const org = await createOrganization(db);
      const error = await failureOf(save(org, { ...(await loadedForm(org)), ...change } as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toEqual(fieldErrors);
      expect(await db.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(0);
    });

    it("accepts an at-risk margin equal to the on-track margin, and a slug typed in capitals", async () => {
      const org = await createOrganization(db);
      const saved = await save(org, { ...(await loadedForm(org)), onTrackMarginPoints: 15, atRiskMarginPoints: 15, slug: ` ${org.organization.slug.toUpperCase()}-NY ` });
      expect(saved.settings).toMatchObject({ onTrackMarginPoints: 15, atRiskMarginPoints: 15 });
      expect(saved.slug).toBe(`${org.organization.slug}-ny`);
    });

    it("refuses unknown keys", async () => {
      const org = await createOrganization(db);
      const error = await failureOf(save(org, { ...(await loadedForm(org)), organizationId: other.organization.id } as never));
      expect(error.code).toBe("BAD_REQUEST");
    });

    describe("slug", () => {
      it("keeps the old slug as an alias that leads members, and only members, to the new one", async () => {
        const org = await createOrganization(db);
        const oldSlug = org.organization.slug;
        const newSlug = `${oldSlug}-ny`;
        const saved = await save(org, { ...(await loadedForm(org)), slug: newSlug });
        expect(saved.slug).toBe(newSlug);
        const alias = await db.organizationSlugAlias.findUniqueOrThrow({ where: { slug: oldSlug } });
        expect(alias.organizationId).toBe(org.organization.id);
        const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.organization.id } });
        expect(audit.changes).toEqual([{ field: "slug", from: oldSlug, to: newSlug }]);

        // procedures answer under the new slug only; the pages redirect (followOldSlug)
        const employee = callerFor(db, org.members.EMPLOYEE.userId);
        expect((await employee.member.me({ orgSlug: newSlug })).organization.slug).toBe(newSlug);
        expect((await failureOf(employee.member.me({ orgSlug: oldSlug }))).code).toBe("NOT_FOUND");

        for (const role of ["ADMIN", "HR", "MANAGER", "EMPLOYEE"] as const) {
          expect(await currentSlugForOldSlug(db, org.members[role].userId, oldSlug)).toBe(newSlug);
        }
        expect(await currentSlugForOldSlug(db, other.members.ADMIN.userId, oldSlug)).toBeNull();
        const stranger = await createUser(db);
        expect(await currentSlugForOldSlug(db, stranger.id, oldSlug)).toBeNull();
        await db.membership.update({ where: { id: org.members.MANAGER.membershipId }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
        expect(await currentSlugForOldSlug(db, org.members.MANAGER.userId, oldSlug)).toBeNull();
        expect(await currentSlugForOldSlug(db, org.members.ADMIN.userId, "no-such-slug")).toBeNull();
      });

      it("follows two renames and lets the organisation take an old slug back", async () => {
        const org = await createOrganization(db);
        const first = org.organization.slug;
        const admin = org.members.ADMIN;
        await save(org, { ...(await loadedForm(org)), slug: `${first}-b` });
        const moved = { ...org, organization: { ...org.organization, slug: `${first}-b` } };
        await save(moved, { ...(await loadedForm(moved)), slug: `${first}-c` });
        expect(await currentSlugForOldSlug(db, admin.userId, first)).toBe(`${first}-c`);
        expect(await currentSlugForOldSlug(db, admin.userId, `${first}-b`)).toBe(`${first}-c`);

        const movedAgain = { ...org, organization: { ...org.organization, slug: `${first}-c` } };
        const back = await save(movedAgain, { ...(await loadedForm(movedAgain)), slug: first });
        expect(back.slug).toBe(first);
        const aliases = await db.organizationSlugAlias.findMany({ where: { organizationId: org.organization.id }, orderBy: { slug: "asc" } });
        expect(aliases.map((a) => a.slug)).toEqual([`${first}-b`, `${first}-c`]);
      });

      it("refuses another organisation's slug, live or old, beside the field", async () => {
        const org = await createOrganization(db);
        const taken = await failureOf(save(org, { ...(await loadedForm(org)), slug: other.organization.slug }));
        expect(taken.code).toBe("CONFLICT");
        expect(fieldErrorsOf(taken)).toEqual({ slug: ["settings.errors.slugTaken"] });

        const renamed = await createOrganization(db);
        const oldSlug = renamed.organization.slug;
        await save(renamed, { ...(await loadedForm(renamed)), slug: `${oldSlug}-x` });
        const aliasTaken = await failureOf(save(org, { ...(await loadedForm(org)), slug: oldSlug }));
        expect(fieldErrorsOf(aliasTaken)).toEqual({ slug: ["settings.errors.slugTaken"] });
        expect((await db.organization.findUniqueOrThrow({ where: { id: org.organization.id } })).slug).toBe(org.organization.slug);
      });

      it("keeps sign-up away from old slugs", async () => {
        const org = await createOrganization(db);
        await save(org, { ...(await loadedForm(org)), slug: "gammal-adress-ny" });
        const renamed = { ...org, organization: { ...org.organization, slug: "gammal-adress-ny" } };
        await save(renamed, { ...(await loadedForm(renamed)), slug: "ny-adress" });
        const { organizationSlug } = await callerFor(db, null).auth.signUp({
          name: "Ny Person",
          email: `ny-${Date.now()}@example.test`,
          password: "Tre gröna äpplen i korgen",
          organizationName: "Gammal adress ny",
          locale: "sv",
        });
        expect(organizationSlug).toBe("gammal-adress-ny-2");
      });

      it("builds the same path under the new slug", () => {
        expect(pathUnderNewSlug("/o/old/admin/settings", "old", "new")).toBe("/o/new/admin/settings");
        expect(pathUnderNewSlug("/o/old", "old", "new")).toBe("/o/new");
        expect(pathUnderNewSlug("/o/older/x", "old", "new")).toBe("/o/new");
        expect(pathUnderNewSlug(null, "old", "new")).toBe("/o/new");
      });
    });

    describe("concurrency", () => {
      it("refuses a stale form, naming who saved last and when", async () => {
        const org = await createOrganization(db);
        const second = await createUser(db, { name: "Andra Admin" });
        await addMember(db, org.organization.id, second.id, "ADMIN");
        const stale = await loadedForm(org);
        await callerFor(db, second.id).organization.updateSettings({ ...stale, maxActiveGoalsPerPerson: 6 });
        const error = await failureOf(save(org, { ...stale, maxActiveGoalsPerPerson: 3 }));
        expect(error.code).toBe("CONFLICT");
        const cause = error.cause as unknown as { messageKey: string; params: { name: string; at: string } };
        expect(cause.messageKey).toBe("settings.errors.conflict");
        expect(cause.params.name).toBe("Andra Admin");
        const last = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.organization.id, action: "settings.update" } });
        expect(cause.params.at).toBe(last.createdAt.toISOString());
        const row = await db.organization.findUniqueOrThrow({ where: { id: org.organization.id } });
        expect(row.settings).toMatchObject({ maxActiveGoalsPerPerson: 6 });
        // reloaded, the same change goes through
        await save(org, { ...(await loadedForm(org)), maxActiveGoalsPerPerson: 3 });
      });

      it("refuses a stale form without a name when no one saved through the form", async () => {
        const org = await createOrganization(db);
        const stale = await loadedForm(org);
        await db.organization.update({ where: { id: org.organization.id }, data: { name: "Changed elsewhere" } });
        const error = await failureOf(save(org, { ...stale, maxActiveGoalsPerPerson: 3 }));
        expect(error.code).toBe("CONFLICT");
        expect((error.cause as unknown as { messageKey: string }).messageKey).toBe("settings.errors.conflictUnknown");
      });

      it("lets exactly one of two saves from the same form through", async () => {
        const org = await createOrganization(db);
        const form = await loadedForm(org);
        const results = await Promise.allSettled([save(org, { ...form, maxActiveGoalsPerPerson: 8 }), save(org, { ...form, maxActiveGoalsPerPerson: 9 })]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const rejected = results.find((r) => r.status === "rejected");
        expect((rejected?.reason as TRPCError).code).toBe("CONFLICT");
        expect(await db.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(1);
      });
    });
  });
});
