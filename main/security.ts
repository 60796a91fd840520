/**
 * Navigation, window and permission lockdown. The app is one page that never navigates, opens
 * no windows, embeds no webviews and needs no browser permissions, so each is refused outright.
 */
import type { Session, WebContents } from 'electron';

type Hardenable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * `openLink` receives the URL of a refused navigation or window.open; it is expected to apply
 * the same validation and confirmation as `shell:open-external` (so links in posts still work).
 */
export function hardenWebContents(contents: Hardenable, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openLink(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
