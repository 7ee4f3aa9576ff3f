import { getAccount } from "@/features/accounts/procedures/get-account";
import { setLocale } from "@/features/accounts/procedures/set-locale";
import { signOutEverywhere } from "@/features/accounts/procedures/sign-out-everywhere";
import { signUp } from "@/features/accounts/procedures/sign-up";
import { listMyOrganizations } from "@/features/organizations/procedures/list-my-organizations";
import { getMe } from "@/features/people/procedures/get-me";
import { getPerson } from "@/features/people/procedures/get-person";
import { listPeriods } from "@/features/periods/procedures/list-periods";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  auth: router({ signUp }),
  account: router({ get: getAccount, setLocale, signOutEverywhere }),
  organization: router({ listMine: listMyOrganizations }),
  member: router({ me: getMe, get: getPerson }),
  period: router({ list: listPeriods }),
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
