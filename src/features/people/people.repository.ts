import type { OrgDb } from "@/server/db/for-org";

const personSelect = {
  id: true,
  role: true,
  title: true,
  status: true,
  user: { select: { name: true, email: true } },
  team: { select: { id: true, name: true } },
  manager: { select: { id: true, user: { select: { name: true } } } },
  reports: {
    where: { status: "ACTIVE" },
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  },
} as const;

export async function findPerson(orgDb: OrgDb, membershipId: string) {
  const row = await orgDb.membership.findFirst({ where: { id: membershipId }, select: personSelect });
  if (!row) return null;
  return {
    membershipId: row.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    title: row.title,
    active: row.status === "ACTIVE",
    team: row.team,
    manager: row.manager ? { membershipId: row.manager.id, name: row.manager.user.name } : null,
    reports: row.reports.map((report) => ({ membershipId: report.id, name: report.user.name })),
  };
}
