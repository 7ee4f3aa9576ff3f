import { describe, expect, it } from "vitest";
import { composeInvitationMail } from "./invitation-mail";

const base = {
  to: "ny@example.test",
  inviteeName: "Nora Ny",
  inviterName: "Astrid Lindqvist",
  organizationName: "Exempel AB",
  link: "https://smarta.example/invite/abc_DEF-123",
  expiresAt: new Date("2027-03-08T09:30:00Z"),
};

describe("composeInvitationMail", () => {
  it("writes Swedish for a Swedish organisation, with the link, the inviter and the expiry", () => {
    const mail = composeInvitationMail({ ...base, locale: "sv" });
    expect(mail.to).toBe("ny@example.test");
    expect(mail.subject).toBe("Inbjudan till Exempel AB i Smarta");
    expect(mail.text).toContain("Hej Nora Ny!");
    expect(mail.text).toContain("Astrid Lindqvist har bjudit in dig till Exempel AB");
    expect(mail.text).toContain(base.link);
    expect(mail.text).toMatch(/8 mars 2027\D+10:30/);
    expect(mail.html).toContain(`href="${base.link}"`);
    expect(mail.html).toContain('lang="sv"');
  });

  it("writes English for an English organisation", () => {
    const mail = composeInvitationMail({ ...base, locale: "en", inviteeName: null });
    expect(mail.subject).toBe("Invitation to join Exempel AB on Smarta");
    expect(mail.text.startsWith("Hello,\n")).toBe(true);
    expect(mail.text).toContain("Astrid Lindqvist has invited you to Exempel AB");
    expect(mail.text).toContain("8 March 2027");
  });

  it("escapes names in the HTML part", () => {
    const mail = composeInvitationMail({ ...base, locale: "en", organizationName: `<script>alert("x")</script> & Co` });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    // plain text stays as written
    expect(mail.text).toContain(`<script>alert("x")</script> & Co`);
  });
});
