/**
 * Domain errors carry a tRPC-compatible code and a message key from the catalogues
 * (namespace "errors"), so the browser can show a translated message.
 */
export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string,
    readonly params: MessageParams = {},
    /** Field errors keyed by input path, each a message key. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(messageKey);
  }
}

export const notFound = () => new AppError("NOT_FOUND", "notFound");
export const forbidden = () => new AppError("FORBIDDEN", "forbidden");
