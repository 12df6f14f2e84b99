/** Reported by /api/health. Bumped with releases. */
export const VERSION = '0.1.0';
