import type { RateWindow } from '@vestnik/platforms/core';

/**
 * VK's rate per user token, declared once: this process's last gate (`RequestPacer`) and the
 * engine's shared pace (`VkAdapter.paces`, `VK_CALL_SPACING_MS` per call) both come from it, so
 * the two never disagree. PLATFORMS.md: about 3 requests a second per user token; the window is
 * 7 % longer (1070 ms), room for a request to reach VK up to 70 ms later than it left.
 */
export const VK_RATE: RateWindow = { limit: 3, windowMs: 1070 };

/** The engine's spacing of VK calls on one token: 356.7 ms, 7 % over VK's 333 ms. */
export const VK_CALL_SPACING_MS = VK_RATE.windowMs / VK_RATE.limit;
