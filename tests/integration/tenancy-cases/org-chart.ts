import type { TenancyCases } from "./types";

export const cases: TenancyCases = {
  org: {
    "orgChart.get": { input: () => ({}) },
    "orgChart.managerChain": { input: (org) => ({ membershipId: org.members.EMPLOYEE.membershipId }) },
  },
  account: [],
};
