// Packaging (electron-builder) on a machine that can download Electron binaries; the project's own
// machines cannot (docs/toolchain.md). The fuses are flipped by the afterPack hook from
// scripts/fuses.mjs (asserted by scripts/fuses.test.mjs), not by electron-builder's own
// `electronFuses` option, so one definition serves any packager.
export default {
  appId: 'org.threadmark.app',
  productName: 'Threadmark',
  directories: { output: 'dist' },
  files: ['out/**', 'package.json'],
  // OnlyLoadAppFromAsar and the asar integrity fuse need the app in an asar archive.
  asar: true,
  afterPack: './scripts/after-pack.mjs',
};
