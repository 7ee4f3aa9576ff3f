import type { TestOrganization } from "../../factories";
import { importCsv, importTag } from "../../factories/csv-import";
import type { TenancyCases } from "./types";

const MANAGE = ["ADMIN", "HR"] as const;

/**
 * An import names no rows by id; people and teams are matched by e-mail and path within the
 * organisation only, which tests/integration/csv-import.int.test.ts proves. Each call imports
 * a fresh person, so every allowed call succeeds.
 */
function input(org: TestOrganization) {
  const csv = importCsv([
    { name: "Ny Person", email: `tenancy-${importTag()}@example.test`, team: "Team A", managerEmail: org.members.MANAGER.email },
  ]);
  return { csv };
}

export const cases: TenancyCases = {
  org: {
    "csvImport.dryRun": { input, allowed: MANAGE, namesNoRows: true },
    "csvImport.run": { input, allowed: MANAGE, mutates: true, namesNoRows: true },
  },
  account: [],
};
