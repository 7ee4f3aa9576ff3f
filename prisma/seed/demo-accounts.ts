import type { Role } from "../../src/server/db/generated/enums";

// Kept free of runtime imports so the start script and docs tooling can load it cheaply.

/** The one password of every seeded user; it must pass ZNewPassword (the seed test checks). */
export const DEMO_PASSWORD = "Smarta-demo-2026";

export type DemoAccount = {
  email: string;
  role: Role;
  /** Display name of the organisation. */
  organization: string;
  organizationSlug: string;
  name: string;
};

/**
 * The accounts worth signing in with, one row per membership: chef@exempel.se appears
 * twice because it is the user shared by both organisations.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@exempel.se", role: "ADMIN", organization: "Exempel AB", organizationSlug: "exempel-ab", name: "Astrid Lindqvist" },
  { email: "hr@exempel.se", role: "HR", organization: "Exempel AB", organizationSlug: "exempel-ab", name: "Helena Berg" },
  { email: "chef@exempel.se", role: "MANAGER", organization: "Exempel AB", organizationSlug: "exempel-ab", name: "Magnus Ek" },
  { email: "medarbetare@exempel.se", role: "EMPLOYEE", organization: "Exempel AB", organizationSlug: "exempel-ab", name: "Elin Sjöberg" },
  { email: "chef@exempel.se", role: "ADMIN", organization: "Demo Ltd", organizationSlug: "demo-ltd", name: "Magnus Ek" },
  { email: "ops@demo-ltd.example", role: "EMPLOYEE", organization: "Demo Ltd", organizationSlug: "demo-ltd", name: "Oliver Hughes" },
];

/** The account of `email` in the organisation `organizationSlug`; throws when it is not listed. */
export function demoAccount(email: string, organizationSlug: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email && a.organizationSlug === organizationSlug);
  if (!account) throw new Error(`No demo account ${email} in ${organizationSlug}`);
  return account;
}

/** A plain-text table of the demo accounts, for the terminal and the README. */
export function formatDemoAccounts(): string {
  const header = ["E-mail", "Role", "Organisation", "Name"];
  const rows = DEMO_ACCOUNTS.map((a) => [a.email, a.role, `${a.organization} (/o/${a.organizationSlug})`, a.name]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD})`,
    "",
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
  ].join("\n");
}
