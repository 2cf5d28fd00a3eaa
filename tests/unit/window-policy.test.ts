import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  buildContentSecurityPolicy,
  decideNavigation,
  chooseHeadset,
  decideDevicePermission,
  decidePermission,
  decideRequest,
  decideWindowOpen,
  isTrustedSender,
} from '../../main/windowPolicy';

const trusted = [APP_ORIGIN];

describe('the Content-Security-Policy', () => {
  const directives = (csp: string) =>
    new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

  it('allows only the app itself by default, with no eval, no inline scripts, no plugins, no framing', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(buildContentSecurityPolicy()).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('lets images come from the configured internal tile server only', () => {
    const csp = directives(
      buildContentSecurityPolicy({ tileUrl: 'https://tiles.police.local:8443/{z}/{x}/{y}.png' }),
    );
    expect(csp.get('img-src')).toContain('https://tiles.police.local:8443');
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it("adds host mode's WebSocket to connect-src when asked", () => {
    const csp = directives(buildContentSecurityPolicy({ connectOrigins: ['ws://127.0.0.1:5000'] }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5000']);
  });
});

describe('permission requests', () => {
  it('grants camera and microphone to the app itself', () => {
    expect(
      decidePermission(
        { permission: 'media', requestingUrl: `${APP_ORIGIN}/index.html`, mediaTypes: ['audio', 'video'] },
        trusted,
      ),
    ).toBe(true);
  });

  it.each([
    [
      'media from another origin',
      { permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] },
    ],
    [
      'media from a look-alike origin',
      { permission: 'media', requestingUrl: 'app://console.evil/', mediaTypes: ['video'] },
    ],
    ['screen capture', { permission: 'display-capture', requestingUrl: `${APP_ORIGIN}/` }],
    ['geolocation', { permission: 'geolocation', requestingUrl: `${APP_ORIGIN}/` }],
    ['notifications', { permission: 'notifications', requestingUrl: `${APP_ORIGIN}/` }],
    ['an unparsable URL', { permission: 'media', requestingUrl: 'not a url', mediaTypes: ['audio'] }],
  ])('refuses %s', (_name, request) => {
    expect(decidePermission(request, trusted)).toBe(false);
  });
});

describe('the headset over WebHID (issue 13)', () => {
  // Top-level collections as Electron reports them for three devices on an operator's desk.
  const headset = {
    deviceId: 'blackwire-3220',
    name: 'Plantronics Blackwire 3220 Series',
    collections: [{ usagePage: 0x0b }, { usagePage: 0x0c }, { usagePage: 0xffa0 }],
  };
  const keyboard = { deviceId: 'keyboard', name: 'USB Keyboard', collections: [{ usagePage: 0x01 }] };
  const securityKey = { deviceId: 'fido', name: 'Security Key', collections: [{ usagePage: 0xf1d0 }] };
  const app = `${APP_ORIGIN}/`;

  it('lets the app ask for a HID device, and opens only a telephony one', () => {
    expect(decidePermission({ permission: 'hid', requestingUrl: app }, trusted)).toBe(true);
    expect(decideDevicePermission({ deviceType: 'hid', origin: app, device: headset }, trusted)).toBe(true);
    for (const device of [keyboard, securityKey])
      expect(decideDevicePermission({ deviceType: 'hid', origin: app, device }, trusted)).toBe(false);
  });

  it('refuses every device to another origin, and serial or USB devices to anyone', () => {
    expect(decidePermission({ permission: 'hid', requestingUrl: 'https://evil.example/' }, trusted)).toBe(
      false,
    );
    expect(
      decideDevicePermission({ deviceType: 'hid', origin: 'https://evil.example', device: headset }, trusted),
    ).toBe(false);
    expect(decideDevicePermission({ deviceType: 'usb', origin: app, device: headset }, trusted)).toBe(false);
    expect(decideDevicePermission({ deviceType: 'serial', origin: app, device: {} }, trusted)).toBe(false);
  });

  it('picks the headset among the offered devices, and nothing when none is one', () => {
    expect(chooseHeadset([keyboard, headset, securityKey])).toBe('blackwire-3220');
    expect(chooseHeadset([keyboard, securityKey])).toBeNull();
  });
});

describe('navigation and windows', () => {
  it('allows reloading the app and refuses every other destination', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html`, trusted)).toBe('allow');
    expect(decideNavigation('https://example.com/', trusted)).toBe('deny');
    expect(decideNavigation('file:///C:/Windows/system32', trusted)).toBe('deny');
    expect(decideNavigation('app://console@evil.example/', trusted)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', trusted)).toBe('deny');
  });

  it('never opens a new window', () => {
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('IPC sender checks', () => {
  it('compares parsed origins, not string prefixes', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, trusted)).toBe(true);
    expect(isTrustedSender('app://console.attacker.example/index.html', trusted)).toBe(false);
    expect(isTrustedSender('app://consolex/', trusted)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', trusted)).toBe(false);
    expect(isTrustedSender(undefined, trusted)).toBe(false);
  });

  it('trusts the development server only when it is configured', () => {
    expect(isTrustedSender('http://localhost:5173/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(false);
  });
});

describe('requests from the window', () => {
  const policy = { trustedOrigins: trusted, tileUrl: 'https://tiles.102.local/{z}/{x}/{y}.png' };

  it('lets through the app, its own blobs, inline data and the internal tile server', () => {
    expect(decideRequest(`${APP_ORIGIN}/assets/index.js`, policy)).toBe('allow');
    expect(decideRequest(`blob:${APP_ORIGIN}/0d6c4e1a-8d3c-4a57-9a8e-5d3f2b1c0a99`, policy)).toBe('allow');
    expect(decideRequest('data:image/png;base64,AAAA', policy)).toBe('allow');
    expect(decideRequest('https://tiles.102.local/5/22/11.png', policy)).toBe('allow');
  });

  it('cancels remote content, blobs of other origins and anything unparsable', () => {
    expect(decideRequest('https://tile.openstreetmap.org/5/22/11.png', policy)).toBe('cancel');
    expect(decideRequest('https://tiles.102.local.evil.example/5/22/11.png', policy)).toBe('cancel');
    expect(decideRequest('blob:https://evil.example/0d6c4e1a', policy)).toBe('cancel');
    expect(decideRequest('file:///C:/Windows/win.ini', policy)).toBe('cancel');
    expect(decideRequest('not a url', policy)).toBe('cancel');
    expect(decideRequest('https://tiles.102.local/5/22/11.png', { ...policy, tileUrl: null })).toBe('cancel');
  });
});
