/**
 * What must never reach a log line or a diagnostics bundle (issue 15, item 3): applicants' IINs, phone
 * numbers and names, citizens' own words, and tokens or secrets. Every log line passes through redact()
 * (main/log.ts), and the bundle passes every file through it again.
 */

/** Fields that carry an applicant's identity or a citizen's words, by the names the domain gives them. */
const PERSONAL_FIELDS = [
  'name',
  'applicantName',
  'fullName',
  'firstName',
  'lastName',
  'middleName',
  'phone',
  'iin',
  'description',
  'text',
  'body',
  'message',
  'comment',
  'address',
  'features',
];
/** Fields whose value is a credential. */
const SECRET_FIELDS = [
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'credential',
  'authorization',
  'apiKey',
  'cookie',
];

const fieldPattern = (names: readonly string[]) =>
  new RegExp(`("(?:${names.join('|')})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`, 'gi');
const PERSONAL_JSON = fieldPattern(PERSONAL_FIELDS);
const SECRET_JSON = fieldPattern(SECRET_FIELDS);
/** `password=…`, `secret: …` in plain text, up to the next space. */
const SECRET_TEXT = new RegExp(`\\b(${SECRET_FIELDS.join('|')})(\\s*[=:]\\s*)(?!")[^\\s,;&]+`, 'gi');
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/gi;
/** The host-mode secret travels in a URL fragment: `#secret=…`. */
const URL_SECRET = /([#?&]secret=)[^&\s"]+/gi;
/** A 12-digit IIN standing alone (not part of a longer number or a UUID's digits). */
const IIN = /(?<![\d-])\d{12}(?![\d-])/g;
/** Kazakhstan's numbers: +7 or 8, then 10 digits with optional spaces, dashes and brackets. */
const PHONE = /(?<![\d+])(?:\+7|8)[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g;

export function redact(text: string): string {
  return text
    .replace(PERSONAL_JSON, '$1"[personal]"')
    .replace(SECRET_JSON, '$1"[secret]"')
    .replace(JWT, '[token]')
    .replace(BEARER, '$1 [token]')
    .replace(URL_SECRET, '$1[secret]')
    .replace(SECRET_TEXT, '$1$2[secret]')
    .replace(PHONE, '[phone]')
    .replace(IIN, '[iin]');
}
