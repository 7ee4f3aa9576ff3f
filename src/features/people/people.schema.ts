import { z } from "zod";

export const ZRole = z.enum(["ADMIN", "HR", "MANAGER", "EMPLOYEE"]);

const ZPersonRef = z.object({ membershipId: z.string(), name: z.string() });

export const ZPerson = z.object({
  membershipId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  title: z.string().nullable(),
  active: z.boolean(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  manager: ZPersonRef.nullable(),
  reports: z.array(ZPersonRef),
});
export type Person = z.infer<typeof ZPerson>;
