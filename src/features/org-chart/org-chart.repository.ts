import type { OrgDb } from "@/server/db/for-org";

/** Every active person with their place: one query. */
export async function listActivePeople(orgDb: OrgDb) {
  const rows = await orgDb.membership.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, title: true, role: true, teamId: true, user: { select: { name: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map((row) => ({ membershipId: row.id, name: row.user.name, title: row.title, role: row.role, teamId: row.teamId }));
}

/** Reporting lines longer than this are cut; it also stops a cycle that slipped into the data. */
export const MAX_CHAIN_DEPTH = 50;

type ChainRow = { membershipId: string; name: string; title: string | null; active: boolean; depth: number };

/**
 * The person (depth 0) and their managers upwards, nearest first, in one recursive query.
 * Bypasses the scoped client, so the organisation id is bound on every row it reads.
 */
export async function managerChainRows(orgDb: OrgDb, membershipId: string): Promise<ChainRow[]> {
  const organizationId = orgDb.organizationId;
  const rows = await orgDb.$queryRaw<ChainRow[]>`
    WITH RECURSIVE chain AS (
      SELECT m."id", m."managerId", 0 AS depth, ARRAY[m."id"] AS seen
      FROM "Membership" m
      WHERE m."organizationId" = ${organizationId}::uuid AND m."id" = ${membershipId}::uuid
      UNION ALL
      SELECT boss."id", boss."managerId", chain.depth + 1, chain.seen || boss."id"
      FROM chain
      JOIN "Membership" boss ON boss."organizationId" = ${organizationId}::uuid AND boss."id" = chain."managerId"
      WHERE chain.depth < ${MAX_CHAIN_DEPTH} AND NOT boss."id" = ANY(chain.seen)
    )
    SELECT chain."id"::text AS "membershipId", u."name", m."title", (m."status" = 'ACTIVE') AS "active", chain.depth::int AS "depth"
    FROM chain
    JOIN "Membership" m ON m."organizationId" = ${organizationId}::uuid AND m."id" = chain."id"
    JOIN "User" u ON u."id" = m."userId"
    ORDER BY chain.depth`;
  return rows.map((row) => ({ ...row, depth: Number(row.depth) }));
}
