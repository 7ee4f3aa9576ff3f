import type { Db } from "@/server/db/client";
import type { Locale } from "./accounts.schema";

export async function emailIsRegistered(db: Db, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

type NewAccount = {
  name: string;
  email: string;
  passwordHash: string;
  locale: Locale;
  organizationName: string;
  slug: string;
  period: { name: string; startDate: Date; endDate: Date };
};

/** The user, their organisation, their ADMIN membership and a first goal period, all or nothing. */
export async function createAccountWithOrganization(db: Db, account: NewAccount) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: account.name, email: account.email, passwordHash: account.passwordHash, locale: account.locale },
      select: { id: true },
    });
    const organization = await tx.organization.create({
      data: { name: account.organizationName, slug: account.slug, locale: account.locale },
      select: { id: true, slug: true },
    });
    await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "ADMIN" } });
    await tx.goalPeriod.create({ data: { organizationId: organization.id, ...account.period, isCurrent: true } });
    return { userId: user.id, organizationSlug: organization.slug };
  });
}

export async function setUserLocale(db: Db, userId: string, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export async function bumpSessionVersion(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
