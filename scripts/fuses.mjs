// Electron fuses for every packaged build (reliability.md §1.2, docs/security.md): flipped in the
// Electron binary at package time, before code signing, by scripts/after-pack.mjs, which
// electron-builder.config.mjs runs as its afterPack hook. Every fuse of the wire is set explicitly
// (strictlyRequireAllFuses), so an Electron upgrade that adds a fuse fails packaging until it is decided here.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** @type {import('@electron/fuses').FuseV1Config} */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS injection into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash in the signed binary (macOS, Windows) ...
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // ... and nothing but app.asar is loaded, so no unchecked code runs.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies encrypted at rest with the OS key store (we keep none, and it costs nothing).
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from app://threadmark; file:// pages get no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // No custom V8 snapshot is shipped.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Electron's default: WebAssembly bounds checks by signal handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
};
