import { NextResponse, type NextRequest } from "next/server";

/**
 * Hands the pathname to server components (the language falls back to the organisation's
 * default). Not a security boundary: every procedure and page authorises itself.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-smarta-pathname", request.nextUrl.pathname);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
