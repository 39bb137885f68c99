// A file the agent attaches, as the `send_attachment` command takes it: its
// bytes in base64, and its size in words for the draft. Which types and sizes
// WhatsApp takes is the core's to say (it checks before uploading): nothing
// here refuses a file.

/** Bytes turned into characters per step: small enough for `String.fromCharCode`'s argument limit. */
const CHUNK = 0x8000;

/** The base64 of `bytes`, built a chunk at a time (a file of megabytes is never one giant spread). */
export function base64Of(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return btoa(parts.join(""));
}

/** Reads a file (or any blob) into base64. */
export async function readBase64(file: Blob): Promise<string> {
  return base64Of(new Uint8Array(await file.arrayBuffer()));
}

/** The MIME type to send: the file picker's, or the generic one when it gave none (the core then says whether WhatsApp takes it). */
export function mimeTypeOf(file: File): string {
  return file.type || "application/octet-stream";
}

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
const formats = new Map<string, Intl.NumberFormat>();

/** A file's size in the largest unit under 1,024 of it, with the locale's digits and unit words ("532 kB", "4.2 MB"). */
export function fileSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const key = `${locale}|${UNITS[unit]}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: UNITS[unit],
      // "5 bytes", not "5 byte"; the larger units as their symbols.
      unitDisplay: unit === 0 ? "long" : "short",
      maximumFractionDigits: unit === 0 ? 0 : 1,
    });
    formats.set(key, format);
  }
  return format.format(value);
}
