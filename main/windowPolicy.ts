/**
 * The Electron window's security policy as pure functions (Electron security checklist; see README).
 * main/window.ts only wires them to Electron's hooks, so every decision here is unit-tested.
 */

/** The renderer is served from a privileged custom scheme, never file:// (checklist: avoid file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes have an opaque origin in WHATWG URL; compare scheme + host ourselves.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True only when `url` belongs to one of the trusted origins; compared as parsed origins, never by prefix. */
export function isTrustedOrigin(url: string | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

export interface CspOptions {
  /** Origins the renderer may call besides itself (host mode's WebSocket). */
  connectOrigins?: readonly string[];
  /** Origin of an internal tile server, from the machine config's tile URL. */
  tileUrl?: string | null;
}

/** A strict Content-Security-Policy: only the app's own scripts and styles, no eval, no plugins, no framing. */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const tileOrigin = options.tileUrl ? originOf(options.tileUrl.replaceAll(/\{[a-z]\}/g, '0')) : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
    'font-src': ["'self'"],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'connect-src': ["'self'", ...(options.connectOrigins ?? [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export interface PermissionRequest {
  permission: string;
  requestingUrl: string;
  mediaTypes?: readonly string[];
}

/**
 * Camera and microphone for the app's own pages, and asking for a HID device (which device is then decided
 * by `decideDevicePermission`); every other permission, and every other origin, is refused.
 */
export function decidePermission(request: PermissionRequest, trustedOrigins: readonly string[]): boolean {
  if (!isTrustedOrigin(request.requestingUrl, trustedOrigins)) return false;
  if (request.permission === 'hid') return true;
  if (request.permission !== 'media') return false;
  return (request.mediaTypes ?? []).every((type) => type === 'audio' || type === 'video');
}

/** The HID usage page of telephony devices (hook switch, phone mute): what a headset's call buttons are. */
export const TELEPHONY_USAGE_PAGE = 0x0b;

/** A HID device as Electron describes it; only its top-level collections matter here. */
export interface HidDeviceFacts {
  deviceId: string;
  collections: readonly { usagePage: number }[];
}

const isTelephony = (device: HidDeviceFacts) =>
  device.collections.some((collection) => collection.usagePage === TELEPHONY_USAGE_PAGE);

/**
 * WebHID for the headset's call buttons only (issue 13): a device the app's own page may open must have a
 * telephony collection, so the renderer can never reach a keyboard, a security key or anything else.
 */
export function decideDevicePermission(
  request: { deviceType: string; origin: string; device: HidDeviceFacts | object },
  trustedOrigins: readonly string[],
): boolean {
  if (request.deviceType !== 'hid' || !isTrustedOrigin(request.origin, trustedOrigins)) return false;
  return 'collections' in request.device && isTelephony(request.device as HidDeviceFacts);
}

/** Electron shows no device picker: the first telephony device offered is the headset; none, nothing. */
export function chooseHeadset(offered: readonly HidDeviceFacts[]): string | null {
  return offered.find(isTelephony)?.deviceId ?? null;
}

/** Navigation away from the app is refused; a reload of the app itself is allowed. */
export function decideNavigation(targetUrl: string, trustedOrigins: readonly string[]): 'allow' | 'deny' {
  return isTrustedOrigin(targetUrl, trustedOrigins) ? 'allow' : 'deny';
}

export interface RequestPolicy {
  trustedOrigins: readonly string[];
  /** The internal tile server's URL template, when configured. */
  tileUrl: string | null;
}

/**
 * Which requests the window's session lets through: the app itself (and blobs it made, such as an exported
 * report), inline data, developer tools, and the configured tile server. Everything else — any remote
 * content — is cancelled.
 */
export function decideRequest(url: string, policy: RequestPolicy): 'allow' | 'cancel' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'cancel';
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return 'allow';
  if (parsed.protocol === 'blob:')
    return isTrustedOrigin(parsed.pathname, policy.trustedOrigins) ? 'allow' : 'cancel';
  if (isTrustedOrigin(url, policy.trustedOrigins)) return 'allow';
  const tileOrigin = policy.tileUrl ? originOf(policy.tileUrl.replaceAll(/\{[a-z]\}/g, '0')) : null;
  return tileOrigin !== null && originOf(url) === tileOrigin ? 'allow' : 'cancel';
}

/** The console never opens a second window or a browser page from the renderer. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** An IPC message is served only when the frame that sent it is the app's own top-level page. */
export function isTrustedSender(
  frameUrl: string | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  return isTrustedOrigin(frameUrl, trustedOrigins);
}
