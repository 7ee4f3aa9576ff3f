import { describe, expect, it } from "vitest";
import { secondsFromThrottledCode, throttledCode } from "./sign-in-result";

describe("the throttled sign-in code", () => {
  it("round-trips the seconds to wait", () => {
    expect(secondsFromThrottledCode(throttledCode(37))).toBe(37);
  });

  it("is not read into other errors", () => {
    expect(secondsFromThrottledCode("CredentialsSignin")).toBeNull();
    expect(secondsFromThrottledCode(undefined)).toBeNull();
  });

  it("falls back to a full window when the number is damaged", () => {
    expect(secondsFromThrottledCode("THROTTLED:soon")).toBe(60);
  });
});
