import type { TestOrganization } from "../../factories";

/**
 * An organisation procedure with an input naming rows of the given organisation. The tenancy
 * test calls it as every role of that organisation (must not be NOT_FOUND) and of another
 * (must be NOT_FOUND), and with the other organisation's ids (must be NOT_FOUND).
 */
export type OrgCase = {
  input: (org: TestOrganization) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Roles that may call it; others must get FORBIDDEN. Default: every role. */
  allowed?: readonly ("ADMIN" | "HR" | "MANAGER" | "EMPLOYEE")[];
  /** A mutation that changes data: the test gives each call fresh rows via `input`. */
  mutates?: boolean;
};

export type TenancyCases = {
  org: Record<string, OrgCase>;
  /** Procedures outside any organisation (the caller's own account, or a token). */
  account: string[];
};
