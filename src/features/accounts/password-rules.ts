import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The length rules, safe for the browser. Messages are keys of the "errors" catalogue. */
export const ZPasswordLength = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: "passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { message: "passwordTooLong" });
