import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';

import builderConfig from '../electron-builder.config.mjs';
import afterPack, { electronBinaryIn } from './after-pack.mjs';
import { FUSES } from './fuses.mjs';

describe('Electron fuses (reliability.md §1.2)', () => {
  it('are set as the security review decided, every fuse of the wire explicitly', () => {
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // Every fuse @electron/fuses knows has a decided value (a new one fails here first).
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of known) expect(typeof FUSES[fuse], `fuse ${FuseV1Options[fuse]}`).toBe('boolean');
  });

  it('are flipped by the packaging config’s afterPack hook in the packed binary, per platform', async () => {
    expect(builderConfig.afterPack).toBe('./scripts/after-pack.mjs');
    expect(builderConfig.asar).toBe(true);
    const flip = vi.fn(async () => 0);
    const context = (platform) => ({ appOutDir: '/pack', electronPlatformName: platform, packager: { appInfo: { productFilename: 'Threadmark' } } });
    await afterPack(context('linux'), flip);
    await afterPack(context('darwin'), flip);
    expect(flip.mock.calls.map(([path]) => path)).toEqual(['/pack/threadmark', '/pack/Threadmark.app']);
    expect(flip.mock.calls[0][1]).toMatchObject({ ...FUSES, resetAdHocDarwinSignature: false });
    expect(flip.mock.calls[1][1].resetAdHocDarwinSignature).toBe(true);
    expect(electronBinaryIn(context('win32'))).toBe('/pack/Threadmark.exe');
  });
});
