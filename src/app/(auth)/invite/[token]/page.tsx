import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/features/invitations/components/accept-invitation-form";
import { InvitationUnavailable } from "@/features/invitations/components/invitation-unavailable";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // the token is a credential: keep the page out of search engines and other sites' referrers
  return { title: (await getTranslations("invitations.accept"))("metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

async function previewOf(token: string) {
  try {
    return await (await serverCaller()).invitation.preview({ token });
  } catch (error) {
    // a token we do not know, or one that cannot be a token: the page explains, no 404
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewOf(token);
  if (!preview) return <InvitationUnavailable state="unknown" />;
  if (preview.state !== "valid") {
    return (
      <InvitationUnavailable
        state={preview.state}
        organizationName={preview.organizationName}
        inviterName={preview.inviterName}
        expiresAt={preview.expiresAt}
      />
    );
  }
  return <AcceptInvitationForm token={token} preview={preview} />;
}
