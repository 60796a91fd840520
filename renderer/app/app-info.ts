/** Written into every bundle's `app` field. Vite replaces the version at build time. */
export const APP_INFO = { name: 'Threadmark', version: import.meta.env.VITE_APP_VERSION ?? '0.1.0' } as const;
