// Kept apart so the production server can read it without loading Next's cache module.
export const PUBLIC_CHANGE_HEADER = "x-pressroom-public-change";
