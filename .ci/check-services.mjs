// Fails (exit 1) when the PostgreSQL or Redis named by TEST_DATABASE_URL / TEST_REDIS_URL does not answer.
import pg from "pg";
import Redis from "ioredis";

const failures = [];
try {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  const { rows } = await client.query("SELECT version()");
  console.log(`postgres: ${rows[0].version}`);
  await client.end();
} catch (error) {
  failures.push(`PostgreSQL at ${process.env.TEST_DATABASE_URL}: ${error.message}`);
}
try {
  const redis = new Redis(process.env.TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect();
  console.log(`redis: ${await redis.ping()}`);
  redis.disconnect();
} catch (error) {
  failures.push(`Redis at ${process.env.TEST_REDIS_URL}: ${error.message}`);
}
if (failures.length > 0) {
  console.error(`services unreachable:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
