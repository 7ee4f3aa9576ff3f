import { describe, expect, it } from "vitest";
import { signatureNote } from "./signature-note";

describe("signatureNote", () => {
  it("says who still has to sign a proposed goal", () => {
    expect(signatureNote({ status: "PROPOSED", ownerSigned: false, managerSigned: false })).toBe("awaitingBoth");
    expect(signatureNote({ status: "PROPOSED", ownerSigned: true, managerSigned: false })).toBe("awaitingManager");
    expect(signatureNote({ status: "PROPOSED", ownerSigned: false, managerSigned: true })).toBe("awaitingOwner");
  });

  it("says an active goal is signed by both", () => {
    expect(signatureNote({ status: "ACTIVE", ownerSigned: true, managerSigned: true })).toBe("signedByBoth");
  });

  it("says nothing where signing is not the question", () => {
    for (const status of ["DRAFT", "CLOSED", "CANCELLED"] as const) {
      expect(signatureNote({ status, ownerSigned: false, managerSigned: false })).toBeNull();
    }
  });
});
