/** Written into every bundle's `app` field: the version is package.json's, injected at build time. */
export { APP_INFO } from '@shared/app-version';
