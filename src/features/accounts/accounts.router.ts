import { router } from "@/server/trpc/init";
import { getAccount } from "./procedures/get-account";
import { setLocale } from "./procedures/set-locale";
import { signOutEverywhere } from "./procedures/sign-out-everywhere";
import { signUp } from "./procedures/sign-up";

export const authRouter = router({ signUp });
export const accountRouter = router({ get: getAccount, setLocale, signOutEverywhere });
