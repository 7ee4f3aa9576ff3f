import type { TenancyCases } from "./types";

export const cases: TenancyCases = {
  org: {
    "member.me": { input: () => ({}) },
    "member.get": { input: (org) => ({ membershipId: org.members.EMPLOYEE.membershipId }) },
    "period.list": { input: () => ({}) },
  },
  account: ["auth.signUp", "account.get", "account.setLocale", "account.signOutEverywhere", "organization.listMine"],
};
