import { describe, expect, it } from "vitest";
import { base64Of, fileSize, mimeTypeOf, readBase64 } from "./attachment";

/** The reference: the platform's btoa over the bytes as one string, built a byte at a time. */
function reference(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe("base64Of", () => {
  it("encodes small inputs as RFC 4648 says, padding included", () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    expect(base64Of(new Uint8Array())).toBe("");
    expect(base64Of(ascii("M"))).toBe("TQ==");
    expect(base64Of(ascii("Ma"))).toBe("TWE=");
    expect(base64Of(ascii("Man"))).toBe("TWFu");
    expect(base64Of(ascii("hello"))).toBe("aGVsbG8=");
  });

  it("encodes every byte value, not only text", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64Of(all)).toBe(reference(all));
  });

  it("gives the same across its chunks' edges as in one piece", () => {
    // Just over three chunks, with a length that needs padding.
    const bytes = Uint8Array.from({ length: 3 * 0x8000 + 7 }, (_, i) => (i * 31 + 7) % 256);
    expect(base64Of(bytes)).toBe(reference(bytes));
  });
});

describe("readBase64", () => {
  it("reads a file's bytes into base64", async () => {
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], "logo.png", { type: "image/png" });
    expect(await readBase64(file)).toBe("iVBORw0KGgo=");
  });
});

describe("mimeTypeOf", () => {
  it("is the picker's type, or the generic one when it gave none (the core says whether WhatsApp takes it)", () => {
    expect(mimeTypeOf(new File(["x"], "a.pdf", { type: "application/pdf" }))).toBe("application/pdf");
    expect(mimeTypeOf(new File(["x"], "a.unknown"))).toBe("application/octet-stream");
  });
});

describe("fileSize", () => {
  it("names the size in the largest unit under 1,024, in the agent's language", () => {
    expect(fileSize(0, "en")).toBe("0 bytes");
    expect(fileSize(532, "en")).toBe("532 bytes");
    expect(fileSize(2048, "en")).toBe("2 kB");
    expect(fileSize(4.2 * 1024 * 1024, "en")).toBe("4.2 MB");
    expect(fileSize(4.2 * 1024 * 1024, "de")).toBe("4,2 MB");
    expect(fileSize(3 * 1024 ** 3, "en")).toBe("3 GB");
  });
});
