import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";

export type ImportRow = {
  name: string;
  email: string;
  team?: string;
  parentTeam?: string;
  managerEmail?: string;
  role?: string;
};

const ENGLISH = ["name", "email", "team", "parent team", "manager email", "role"];
const SWEDISH = ["Namn", "E-post", "Team", "Överordnat team", "Chefens e-post", "Roll"];

/** A CSV text as Excel writes it: Swedish (BOM, semicolons, CRLF) or plain English with commas. */
export function importCsv(rows: ImportRow[], style: "sv" | "en" = "en"): string {
  const separator = style === "sv" ? ";" : ",";
  const quote = (value: string | undefined) => {
    const text = value ?? "";
    return text.includes(separator) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    (style === "sv" ? SWEDISH : ENGLISH).join(separator),
    ...rows.map((row) => [row.name, row.email, row.team, row.parentTeam, row.managerEmail, row.role].map(quote).join(separator)),
  ];
  return style === "sv" ? `\uFEFF${lines.join("\r\n")}\r\n` : `${lines.join("\n")}\n`;
}

/** A tag that makes e-mails and team names unique to one test. */
export const importTag = () => randomBytes(3).toString("hex");

/** Row counts of every table of the database, to show that something wrote nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint | number }[]>(`SELECT count(*) AS count FROM "${table.replace(/"/g, '""')}"`);
    counts[table] = Number(row!.count);
  }
  return counts;
}

/** A row fingerprint of the organisation's people, teams and invitations, to show that nothing changed. */
export async function organizationState(db: Db, organizationId: string) {
  const [memberships, teams, invitations] = await Promise.all([
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" }, select: { id: true, role: true, teamId: true, managerId: true, status: true, updatedAt: true } }),
    db.team.findMany({ where: { organizationId }, orderBy: { id: "asc" }, select: { id: true, name: true, parentTeamId: true, archivedAt: true, updatedAt: true } }),
    db.invitation.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      select: { id: true, email: true, name: true, role: true, teamId: true, managerId: true, tokenHash: true, expiresAt: true, revokedAt: true, acceptedAt: true },
    }),
  ]);
  return { memberships, teams, invitations };
}
