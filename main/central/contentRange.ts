/** `bytes first-last/total`, the only Content-Range form a part of a file of known size has (RFC 9110 §14.4). */
const CONTENT_RANGE = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/;

/**
 * Whether central's answer to a `Range` request is the part asked for: a 206 whose Content-Range starts where
 * asked, is no longer than asked, lies inside the file, and covers exactly the bytes that came. Anything else
 * (a whole file instead of a part, another part, a length that does not add up) is not taken: null.
 */
export function partAnswered(
  status: number,
  contentRange: string | null,
  asked: { start: number; maxBytes: number },
  bodyLength: number,
): { start: number; total: number } | null {
  if (status !== 206 || contentRange === null) return null;
  const m = CONTENT_RANGE.exec(contentRange.trim());
  if (!m) return null;
  const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const length = last - first + 1;
  const fits =
    first === asked.start &&
    last >= first &&
    length <= asked.maxBytes &&
    last < total &&
    length === bodyLength;
  return fits ? { start: first, total } : null;
}
