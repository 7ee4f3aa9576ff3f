import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";

/**
 * An organisation procedure with an input naming rows of the given organisation. The tenancy
 * test calls it as every role of that organisation (must not be NOT_FOUND) and of another
 * (must be NOT_FOUND), and with the other organisation's ids (must be NOT_FOUND).
 */
export type OrgCase = {
  /** May create rows with `db` (a mutation case needs fresh rows for every call). */
  input: (org: TestOrganization, db: Db) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Roles that may call it; others must get FORBIDDEN. Default: every role. */
  allowed?: readonly ("ADMIN" | "HR" | "MANAGER" | "EMPLOYEE")[];
  /**
   * The input names no rows by id (free text, a file): there is no foreign id to ask for, so
   * only the by-slug and non-member checks apply. Matching by other keys (e-mail, team path)
   * must then be proven within one organisation by the area's own tests.
   */
  namesNoRows?: boolean;
  /** A mutation that changes data: the test gives each call fresh rows via `input`. */
  mutates?: boolean;
};

export type TenancyCases = {
  org: Record<string, OrgCase>;
  /** Procedures outside any organisation (the caller's own account, or a token). */
  account: string[];
};
