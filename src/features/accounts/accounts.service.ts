import { AppError } from "@/lib/errors";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { firstFreeSlug, slugify } from "@/features/organizations/slug";
import { takenSlugsLike } from "@/features/organizations/organizations.repository";
import { createAccountWithOrganization, emailIsRegistered } from "./accounts.repository";
import type { SignUpInput } from "./accounts.schema";

const emailTaken = () => new AppError("CONFLICT", "emailTaken", {}, { email: ["emailTaken"] });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Sign-up: a new user with their own organisation, where they are ADMIN. */
export async function signUp(db: Db, input: SignUpInput, now = new Date()) {
  if (await emailIsRegistered(db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const year = now.getUTCFullYear();
  const base = slugify(input.organizationName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await createAccountWithOrganization(db, {
        ...input,
        passwordHash,
        slug: firstFreeSlug(base, await takenSlugsLike(db, base)),
        period: { name: String(year), startDate: new Date(Date.UTC(year, 0, 1)), endDate: new Date(Date.UTC(year, 11, 31)) },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // a concurrent sign-up took the e-mail or the slug between our check and our insert
      if (await emailIsRegistered(db, input.email)) throw emailTaken();
    }
  }
  throw new AppError("CONFLICT", "tryAgain");
}
