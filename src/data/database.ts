/**
 * Opens the hub's PostgreSQL: a server named by DATABASE_URL, or the embedded
 * PGlite database persisted in the data folder (embedded.ts), served on a
 * private Unix socket so that both modes use the same path: Prisma → pg driver
 * adapter → PostgreSQL wire protocol.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma as PrismaTypes } from "../generated/prisma/client.js";
import { startEmbedded } from "./embedded.js";
import { clientRunner, createSqlRunner, type SqlRunner } from "./sql.js";
import { log } from "../log.js";

export type Prisma = PrismaClient;
/** The client, or a transaction's: what code that may run inside a caller's transaction takes. */
export type DbClient = PrismaClient | PrismaTypes.TransactionClient;
export type TransactionClient = PrismaTypes.TransactionClient;

/** A document of a province's size may take minutes to apply; the embedded database's one connection may be busy meanwhile. */
const TRANSACTION_OPTIONS = { timeout: 15 * 60_000, maxWait: 5 * 60_000 };

/** Runs `work` in a transaction of its own, or in the caller's when `db` already is one. */
export function inTransaction<T>(db: DbClient, work: (tx: TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, TRANSACTION_OPTIONS) : work(db);
}

export interface Database {
  prisma: PrismaClient;
  /** The connection string in use (for the embedded database: its loopback socket). */
  url: string;
  mode: "postgres" | "embedded";
  /** Runs one read statement without Prisma (sql.ts): the Reader's path to the data. */
  sql: SqlRunner;
  /** The connection pool now: connections open, idle, and queries waiting for one. */
  poolStats(): { total: number; idle: number; waiting: number; max: number };
  /** Listeners receive every SQL statement sent, through Prisma or `sql` (used by tests and diagnostics). */
  onQuery(listener: (sql: string) => void): () => void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL's statement_timeout for the hub's connections (ms); none when absent. */
  statementTimeoutMs?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return connect(options.databaseUrl, "postgres", 10, async () => {}, options.statementTimeoutMs);
  const embedded = await startEmbedded(options.dataDir);
  // PGlite runs one statement at a time; one connection keeps transactions whole.
  return connect(embedded.url, "embedded", 1, embedded.stop);
}

async function connect(
  url: string,
  mode: Database["mode"],
  poolSize: number,
  stopServer: () => Promise<void>,
  statementTimeoutMs?: number,
): Promise<Database> {
  // The pool is ours so that bulk statements can share it (bulkQuery below).
  // The embedded database's connection is kept open (idle ones are otherwise closed after 10 s): its session,
  // with the statements prepared on it, outlives the socket (sql.ts).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(mode === "embedded" ? { idleTimeoutMillis: 0 } : {}),
    // no statement runs longer: one request or sync cannot hold a connection (and a core of the database) for long
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
  });
  let closing = false;
  // An idle connection the server drops (restart, failover, shutdown) is replaced on the next query; without
  // a listener node-postgres would raise it as an uncaught error.
  pool.on("error", (error) => {
    if (!closing) log.warn({ err: error }, "database connection lost");
  });
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  pools.set(prisma, pool);
  const listeners = new Set<(sql: string) => void>();
  const notify = (sql: string) => listeners.forEach((listener) => listener(sql));
  prisma.$on("query", (event) => notify(event.query));
  await prisma.$connect();
  return {
    prisma,
    url,
    mode,
    sql: createSqlRunner(pool, notify),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closing) return;
      closing = true;
      await prisma.$disconnect();
      await pool.end();
      await stopServer();
    },
  };
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * Runs `work` in one transaction on one connection of the pool, its
 * statements sent as they are (no Prisma), parsed as every other statement
 * without Prisma is (sql.ts): the sync applies a document so, in bulk
 * statements whose one parameter is a megabyte of JSON rows; the overdue
 * sweep, the migrations and the statistics after a load too.
 */
export async function inSqlTransaction<T>(prisma: PrismaClient, work: (query: SqlRunner) => Promise<T>): Promise<T> {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("inSqlTransaction: this client was not opened by openDatabase");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(clientRunner(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

