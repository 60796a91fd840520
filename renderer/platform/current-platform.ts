import { BRIDGE_GLOBAL, type RendererBridge } from '@shared/ipc/contract';

import { electronPlatform } from './electron-platform';
import type { Platform } from './platform';
import { webPlatform } from './web-platform';

/** Electron when its preload bridge is present, otherwise the plain web runtime. */
export function currentPlatform(): Platform {
  const bridge = (window as unknown as Record<string, RendererBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? electronPlatform(bridge) : webPlatform;
}
