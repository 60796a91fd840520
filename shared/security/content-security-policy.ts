/**
 * The production Content-Security-Policy: nothing remote, no inline script or style, no plugins.
 * The one remote connection is a team server (docs/sync.md): HTTPS anywhere, plain HTTP only on
 * this machine (a test server), so a password never crosses a network in the clear.
 * Main sends it as a header on every app:// response; the web build carries it as a <meta> tag.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

/** `frame-ancestors` is ignored (with a console warning) in a <meta> policy, so the tag leaves it out. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(/;\s*frame-ancestors[^;]*$/, '');
