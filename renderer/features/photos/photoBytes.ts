/** A chosen file as base64 for the contract (the browser encodes it natively); null when it cannot be read. */
export function readAsBase64(file: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : null);
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** Bytes main sent as base64 (the contract carries text). */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A kept photo's bytes from main, as a Blob this window can show through an object URL. */
export function blobFromBase64(base64: string, type: string): Blob {
  return new Blob([bytesFromBase64(base64)], { type });
}
