// A file picked in an <input type=file>, as the base64 the IPC carries
// (the core checks its type and size, and says why it refuses it).

/** Bytes per btoa call: a multiple of 3, so the pieces' base64 joins without padding inside. */
const CHUNK = 3 * 8_192;

/** `bytes` in standard base64, encoded a chunk at a time (no argument list or string the size of the file). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    let binary = "";
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i]!);
    parts.push(btoa(binary));
  }
  return parts.join("");
}

/** The file's bytes (Blob.arrayBuffer where the webview has it, else a FileReader). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

/** The file's bytes in base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await readBytes(file)));
}
