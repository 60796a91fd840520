// electron-builder's afterPack hook (electron-builder.config.mjs): flips the fuses of
// scripts/fuses.mjs in the packaged Electron binary, before signing. Fails the build when a fuse
// cannot be set, so no release ships with the defaults.
import { join } from 'node:path';

import { flipFuses } from '@electron/fuses';

import { FUSES } from './fuses.mjs';

/**
 * The Electron binary inside a packed app, as electron-builder lays it out per platform.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string } } }} context
 */
export function electronBinaryIn(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, name.toLowerCase());
  }
}

/** @param {Parameters<typeof electronBinaryIn>[0]} context */
export default async function afterPack(context, flip = flipFuses) {
  await flip(electronBinaryIn(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
}
