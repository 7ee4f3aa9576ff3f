"use client";

// Rendered when the root layout itself fails, so without the message provider: both
// languages are shown side by side.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", maxWidth: 560, margin: "0 auto" }}>
        <h1>Något gick fel · Something went wrong</h1>
        <p>Inget av det du har sparat har gått förlorat. · Nothing you saved was lost.</p>
        <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem" }}>
          Försök igen · Try again
        </button>
      </body>
    </html>
  );
}
