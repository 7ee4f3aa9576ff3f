import type { TenancyCases } from "./types";

export const cases: TenancyCases = {
  org: {
    "audit.list": { input: () => ({}), allowed: ["ADMIN", "HR"] },
    "audit.filterOptions": { input: () => ({}), allowed: ["ADMIN", "HR"] },
  },
  account: [],
};
