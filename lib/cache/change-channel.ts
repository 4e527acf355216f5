/**
 * The PostgreSQL channel a public change is notified on (pg_notify in the transaction that writes
 * the outbox row, delivered when it commits). Every server's cache watcher listens on it, so it
 * reads the outbox at once instead of at its next poll (lib/cache/invalidation-watcher.ts).
 */
export const PUBLIC_CHANGE_CHANNEL = "pressroom_public_change";
