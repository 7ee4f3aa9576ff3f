import { router } from "@/server/trpc/init";
import { acceptInvitation } from "./procedures/accept-invitation";
import { createInvitation } from "./procedures/create-invitation";
import { getInvitationFormOptions } from "./procedures/get-invitation-form-options";
import { listInvitations } from "./procedures/list-invitations";
import { previewInvitation } from "./procedures/preview-invitation";
import { renewInvitation } from "./procedures/renew-invitation";
import { revokeInvitation } from "./procedures/revoke-invitation";

export const invitationRouter = router({
  create: createInvitation,
  list: listInvitations,
  revoke: revokeInvitation,
  renew: renewInvitation,
  formOptions: getInvitationFormOptions,
  // public: the link's token is the credential
  preview: previewInvitation,
  accept: acceptInvitation,
});
