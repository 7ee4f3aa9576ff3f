import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { throttledCode } from "@/features/accounts/sign-in-result";
import { getDb } from "@/server/db/client";
import { authenticate } from "./authenticate";
import { clientIpFrom } from "./client-ip";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; sessionVersion: number };
  }
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const result = await authenticate(await getDb(), {
          email,
          password,
          clientIp: clientIpFrom(req.headers ?? {}),
        });
        if (result.ok) return { ...result.user };
        if (result.reason === "throttled") throw new Error(throttledCode(result.retryAfterSeconds));
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        sessionVersion: token.sv ?? -1,
      };
      return session;
    },
  },
};
