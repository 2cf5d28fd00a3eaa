/**
 * Fresh random IVs for AES-GCM, as both the console's and central's at-rest seals use them. A random 12-byte
 * IV per value is what GCM asks for (safe far beyond the values one key seals here); drawing the system's
 * random source once per `perDraw` IVs instead of once per value takes a third of a seal's time away. The
 * source is given by the caller (this folder has no `node:`); it must be a cryptographic one (randomBytes).
 * Each IV is a copy, never a view of the pool, so a refill cannot change an IV already handed out.
 */
export function pooledIvs(
  randomSource: (bytes: number) => Uint8Array,
  ivBytes: number,
  perDraw = 256,
): () => Uint8Array {
  let pool: Uint8Array = new Uint8Array(0);
  let next = 0;
  return () => {
    if (next === pool.length) {
      pool = randomSource(ivBytes * perDraw);
      next = 0;
    }
    next += ivBytes;
    return new Uint8Array(pool.subarray(next - ivBytes, next));
  };
}
