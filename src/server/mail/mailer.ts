import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
};

export type Mailer = { from: string; transport: Transporter };

// A mail server that does not answer must not hold a request for nodemailer's default two minutes.
const TIMEOUT_MS = 10_000;

function defaultFrom(): string {
  const base = env().NEXTAUTH_URL;
  const host = base ? new URL(base).hostname : "localhost";
  return `Smarta <no-reply@${host}>`;
}

/**
 * The outgoing mail server the environment describes, or null when none is configured
 * (then invitations are only shown as links to copy). Read on every call, so tests and a
 * restarted process see the current environment.
 */
export function mailerFromEnv(): Mailer | null {
  const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM } = env();
  if (!SMTP_HOST) return null;
  const transport = nodemailer.createTransport({
    host: SMTP_HOST,
    port: SMTP_PORT ?? (SMTP_SECURE ? 465 : 587),
    secure: SMTP_SECURE,
    auth: SMTP_USER ? { user: SMTP_USER, pass: SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return { from: SMTP_FROM ?? defaultFrom(), transport };
}

/** Sends one message; rejects when the server refuses it or cannot be reached. */
export async function sendMail(mailer: Mailer, message: MailMessage): Promise<void> {
  await mailer.transport.sendMail({ from: mailer.from, ...message });
}
