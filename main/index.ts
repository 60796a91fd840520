/**
 * Main-process lifecycle: one instance, one locked-down window, the app:// protocol, IPC, menu.
 * The logic lives in modules that take Electron objects as parameters; this file wires them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';

import { backupFiles } from './backups/backup-files';
import { passwordStore } from './credentials/password-store';
import { sendEvent } from './ipc/events';
import { originOf } from './ipc/handle';
import { registerIpcHandlers } from './ipc/register';
import { installMenu } from './menu';
import { createOpenExternal, parseExternalUrl } from './open-external';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { mainWindowOptions } from './window-options';

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
// electron-vite dev sets this; ignored in a packaged build so an env var cannot redirect a release.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trustedOrigin = (devUrl === undefined ? null : originOf(devUrl)) ?? APP_ORIGIN;

let mainWindow: BrowserWindow | null = null;

const openExternal = createOpenExternal({ dialog, shell, getWindow: () => mainWindow });

// Refused navigations and window.open calls to web or mail links get the same confirmed path.
const openLink = (url: string): void => {
  if (parseExternalUrl(url) === null) return;
  openExternal(url).catch((error: unknown) => console.error('[main] opening a link failed', error));
};

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(devUrl ?? APP_ENTRY_URL).catch((error: unknown) => console.error('[main] load failed', error));
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererRoot);
  registerIpcHandlers({
    ipcMain,
    trustedOrigin,
    app,
    platform: process.platform,
    openExternal,
    dialog,
    windowFor: (sender) => BrowserWindow.fromWebContents(sender),
    // Outside IndexedDB on purpose: a system that wipes the database leaves these (reliability.md §2.8).
    backups: backupFiles(join(app.getPath('userData'), 'backups')),
    // Team-server passwords, sealed by the system's keychain (docs/sync.md "Passwords").
    passwords: passwordStore(join(app.getPath('userData'), 'team-passwords.json'), safeStorage),
  });
  installMenu(Menu, {
    platform: process.platform,
    isDev: devUrl !== undefined,
    sendCommand: (command) => {
      if (mainWindow !== null) sendEvent(mainWindow.webContents, 'menu:command', { command });
    },
  });
  createMainWindow();
}

// Both calls only take effect before `ready`.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running instance (IndexedDB allows one writer per profile).
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openLink));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] startup failed', error);
      app.exit(1);
    });
}
