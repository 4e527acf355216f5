import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { instrumentPool } from "./observability/db-metrics";
import { PrismaClient } from "./generated/prisma/client";
import { noteDatabaseUnavailable } from "./database/health";
import { isDatabaseUnavailable } from "./errors";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set: start the app with npm run dev / npm start, which provide the database.",
    );
  }
  return new PrismaClient({
    // Our own pool, so /metrics can report its use and failed queries (lib/observability/db-metrics.ts).
    adapter: new PrismaPg(
      instrumentPool(new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })),
    ),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    // Prisma's default of 5 s per interactive transaction is too tight for writes that queue on a
    // row or advisory lock behind others (eight editors saving at once on a busy two-core machine);
    // a transaction that waits longer than this is still rolled back, and the save says so.
    transactionOptions: { timeout: 20_000, maxWait: 10_000 },
  }).$extends({
    // Noted before the error reaches the page or route, so the production server can tell a
    // failure from an outage (503, try again) from any other failure (lib/database/health.ts).
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
          throw error;
        }
      },
    },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma: typeof globalThis & { prisma?: Client } = globalThis;

/** The one Prisma client, created on first use and shared across hot reloads. */
export function getDb(): Client {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

// Created lazily so that importing a module never needs a database, only querying does.
export const db = new Proxy({} as Client, {
  get(_target, property) {
    return Reflect.get(getDb(), property);
  },
});

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
