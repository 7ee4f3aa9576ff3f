import type { TenancyCases } from "./types";

export const cases: TenancyCases = { org: {}, account: [] };
