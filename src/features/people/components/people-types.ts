import type { z } from "zod";
import type { ZMemberFilterOptions } from "../people.schema";

export type FilterOptions = z.infer<typeof ZMemberFilterOptions>;

/** Roles in the order pickers list them: most rights first. */
export const ROLE_ORDER = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"] as const;
