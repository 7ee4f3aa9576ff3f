import { describe, expect, it } from "vitest";
import { invitationStatus } from "./invitation-status";

const now = new Date("2027-03-01T12:00:00Z");
const later = new Date("2027-03-05T12:00:00Z");
const earlier = new Date("2027-02-20T12:00:00Z");

describe("invitationStatus", () => {
  it("is pending before it expires", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
  });

  it("is expired from the moment of expiry", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe("expired");
  });

  it("is revoked once withdrawn, even after it would have expired", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe("revoked");
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
  });

  it("stays accepted whatever happens afterwards", () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: now, expiresAt: later }, now)).toBe("accepted");
  });
});
