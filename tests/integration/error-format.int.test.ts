import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { publicProcedure, router } from "@/server/trpc/init";

/** A router of failures, answered over HTTP as the browser sees them. */
const testRouter = router({
  x: router({
    boom: publicProcedure.query(() => {
      throw new Error("secret detail");
    }),
    taken: publicProcedure.query(() => {
      throw new AppError("CONFLICT", "emailTaken", {}, { email: ["emailTaken"] });
    }),
    missing: publicProcedure.mutation(() => {
      throw new AppError("NOT_FOUND", "notFound", { id: 7 });
    }),
    badOutput: publicProcedure
      .output(z.object({ internalColumn: z.string() }))
      .query(() => ({ internalColumn: 42 }) as unknown as { internalColumn: string }),
    strict: publicProcedure
      .input(z.strictObject({ email: z.email({ message: "invalidEmail" }), plan: z.object({ seats: z.number().int().min(1, { message: "tooSmall" }) }) }))
      .query(({ input }) => input.email),
  }),
});

type ErrorBody = {
  error: {
    json: {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        path: string;
        stack?: string;
        messageKey: string | null;
        params: Record<string, string | number> | null;
        fieldErrors: Record<string, string[]> | null;
      };
    };
  };
};

async function call(procedure: string, init: { method?: "GET" | "POST"; input?: unknown } = {}) {
  const method = init.method ?? "GET";
  const encoded = JSON.stringify({ json: init.input ?? null });
  const url =
    method === "GET"
      ? `http://localhost/api/trpc/${procedure}${init.input === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}`
      : `http://localhost/api/trpc/${procedure}`;
  const request = new Request(url, {
    method,
    ...(method === "POST" ? { body: encoded, headers: { "content-type": "application/json" } } : {}),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: testRouter,
    createContext: () => ({ db: undefined as never, claims: null, clientIp: "t" }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as ErrorBody };
}

describe("tRPC error format over HTTP", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("hides an unexpected error's message and stack in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { status, text, body } = await call("x.boom");
    expect(status).toBe(500);
    expect(text).not.toContain("secret detail");
    expect(body.error.json.message).not.toBe("secret detail");
    expect(body.error.json.data).not.toHaveProperty("stack");
    expect(body.error.json.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, messageKey: "unexpected", fieldErrors: null });
  });

  it("shows the message and stack outside production", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const { status, body } = await call("x.boom");
    expect(status).toBe(500);
    expect(body.error.json.message).toBe("secret detail");
    expect(body.error.json.data.stack).toContain("secret detail");
    expect(body.error.json.data.messageKey).toBe("unexpected");
  });

  it("answers an AppError with its status, message key and field errors", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { status, body } = await call("x.taken");
    expect(status).toBe(409);
    expect(body.error.json.data).toMatchObject({
      code: "CONFLICT",
      httpStatus: 409,
      path: "x.taken",
      messageKey: "emailTaken",
      params: {},
      fieldErrors: { email: ["emailTaken"] },
    });
    expect(body.error.json.data).not.toHaveProperty("stack");
  });

  it("keeps an AppError's params, also from a mutation", async () => {
    const { status, body } = await call("x.missing", { method: "POST", input: undefined });
    expect(status).toBe(404);
    expect(body.error.json.data).toMatchObject({ code: "NOT_FOUND", messageKey: "notFound", params: { id: 7 } });
  });

  it("answers invalid input with 400 and the field errors keyed by path", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { status, body } = await call("x.strict", { input: { email: "not-an-email", plan: { seats: 0 }, organizationId: "x" } });
    expect(status).toBe(400);
    const data = body.error.json.data;
    expect(data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, messageKey: "invalidInput", params: null });
    expect(data.fieldErrors).toMatchObject({ email: ["invalidEmail"], "plan.seats": ["tooSmall"] });
    // the unknown key is refused at the level of the object
    expect(Object.keys(data.fieldErrors ?? {}).sort()).toEqual(["_", "email", "plan.seats"]);
  });

  // A failed .output() (or a .parse() inside a service) is our fault: the browser must get
  // "unexpected", never "invalidInput" with the server's field names.
  it("treats a server-side validation failure as unexpected, without its field errors", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { status, text, body } = await call("x.badOutput");
    expect(status).toBe(500);
    expect(body.error.json.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", messageKey: "unexpected", fieldErrors: null });
    expect(text).not.toContain("internalColumn");
  });

  it("answers valid input normally", async () => {
    const { status, text } = await call("x.strict", { input: { email: "a@example.test", plan: { seats: 2 } } });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ result: { data: { json: "a@example.test" } } });
  });
});
