import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { ZPasswordLength } from "./password-rules";

export const ZLocale = z.enum(LOCALES);
export type Locale = z.infer<typeof ZLocale>;

export const ZPersonName = z.string().trim().min(1, { message: "required" }).max(120, { message: "tooLong" });
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { message: "tooLong" })
  .pipe(z.email({ message: "invalidEmail" }));

/** Shared by the sign-up form (browser) and the server, which adds the common-password check. */
export const ZSignUp = z.strictObject({
  name: ZPersonName,
  email: ZEmail,
  password: ZPasswordLength,
  organizationName: z.string().trim().min(2, { message: "tooShort" }).max(120, { message: "tooLong" }),
  locale: ZLocale,
});
export type SignUpInput = z.infer<typeof ZSignUp>;
