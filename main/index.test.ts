import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const log: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const state = { lock: true, isPackaged: true, ready: Promise.resolve() as Promise<void> };
  const windows: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; webContents: { send: ReturnType<typeof vi.fn> } }> = [];

  class BrowserWindow {
    static getAllWindows = vi.fn(() => windows);
    static fromWebContents = vi.fn(() => null);
    webContents = { send: vi.fn() };
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    on = vi.fn();
    constructor(public options: unknown) {
      log.push('new BrowserWindow');
      windows.push(this);
    }
  }

  return {
    log,
    listeners,
    state,
    windows,
    electron: {
      app: {
        get isPackaged() {
          return state.isPackaged;
        },
        enableSandbox: vi.fn(() => log.push('enableSandbox')),
        requestSingleInstanceLock: vi.fn(() => state.lock),
        quit: vi.fn(() => log.push('quit')),
        exit: vi.fn(),
        on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
        whenReady: vi.fn(() => state.ready),
        getName: () => 'Threadmark',
        getVersion: () => '0.1.0',
        // Backups go to <userData>/backups; nothing is written until the renderer asks.
        getPath: (name: string) => `/nonexistent/threadmark-${name}`,
      },
      BrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
      ipcMain: { handle: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((_template: unknown) => ({})), setApplicationMenu: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => log.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(() => log.push('permissions')),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn() },
      // Team server passwords are sealed only when the renderer asks (main/credentials/).
      safeStorage: { isEncryptionAvailable: vi.fn(() => false), encryptString: vi.fn(), decryptString: vi.fn() },
    },
  };
});

vi.mock('electron', () => fake.electron);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(options: { lock?: boolean; isPackaged?: boolean } = {}) {
  fake.state.lock = options.lock ?? true;
  fake.state.isPackaged = options.isPackaged ?? true;
  vi.resetModules();
  await import('./index');
  await flush();
}

beforeEach(() => {
  vi.clearAllMocks();
  fake.log.length = 0;
  fake.listeners.clear();
  fake.windows.length = 0;
  fake.state.ready = Promise.resolve();
});
afterEach(() => vi.unstubAllEnvs());

describe('main lifecycle', () => {
  it('enables the sandbox and registers the privileged app scheme before ready', async () => {
    let ready!: () => void;
    fake.state.ready = new Promise<void>((resolve) => (ready = resolve));
    await start();
    expect(fake.log).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    ready();
    await flush();
    expect(fake.log).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'permissions', 'protocol.handle', 'new BrowserWindow']);
  });

  it('opens one locked-down window on app://threadmark in production', async () => {
    await start();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: expect.stringMatching(/preload[/\\]preload\.cjs$/) },
    });
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith('app://threadmark/index.html');
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('registers a handler for every channel that trusts only app://threadmark', async () => {
    await start();
    const channels = fake.electron.ipcMain.handle.mock.calls.map(([channel]) => channel as string).sort();
    expect(channels).toEqual(['app:info', 'backup:list', 'backup:manifest-read', 'backup:manifest-write', 'backup:read', 'backup:write', 'credentials:delete', 'credentials:read', 'credentials:save', 'file:open', 'file:open-binary', 'file:open-many', 'file:save', 'shell:open-external']);
    const appInfo = fake.electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:info')?.[1] as (
      ...args: unknown[]
    ) => Promise<unknown>;
    const from = (url: string) => ({ sender: {}, senderFrame: { url, parent: null } });
    await expect(appInfo(from('app://threadmark/index.html'), undefined)).resolves.toMatchObject({
      ok: true,
      value: { name: 'Threadmark', version: '0.1.0' },
    });
    await expect(appInfo(from('http://localhost:5173/'), undefined)).resolves.toMatchObject({
      error: { code: 'untrusted-sender' },
    });
  });

  it('loads the dev server and trusts its origin only when unpackaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await start({ isPackaged: false });
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    const appInfo = fake.electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:info')?.[1] as (
      ...args: unknown[]
    ) => Promise<unknown>;
    await expect(appInfo({ sender: {}, senderFrame: { url: 'http://localhost:5173/', parent: null } }, undefined)).resolves.toMatchObject({ ok: true });
  });

  it('ignores the dev server variable in a packaged build', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://evil.example');
    await start({ isPackaged: true });
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('app://threadmark/index.html');
  });

  it('quits at once when another instance holds the lock', async () => {
    await start({ lock: false });
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('hardens every web contents that gets created', async () => {
    await start();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.listeners.get('web-contents-created')?.({}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(contents.on).toHaveBeenCalledWith('will-attach-webview', expect.any(Function));
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('quits when all windows close, except on macOS', async () => {
    await start();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.listeners.get('window-all-closed')?.();
      expect(fake.electron.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      fake.listeners.get('window-all-closed')?.();
      expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });

  it('sends menu commands to the window as menu:command', async () => {
    await start();
    const template = fake.electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{
      label?: string;
      submenu?: Array<{ label?: string; click?: () => void }>;
    }>;
    template.find((menu) => menu.label === 'Edit')?.submenu?.find((entry) => entry.label === 'Undo')?.click?.();
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledExactlyOnceWith('menu:command', { command: 'undo' });
  });
});
