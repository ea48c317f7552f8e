/**
 * The embedded database writes into the data folder; a write that finds the
 * disk full leaves PGlite unable to go on. So writes stop while the folder's
 * file system has less free space than the configured floor: pushes and pulls
 * are refused with the reason, mutations too, reads go on, and /readyz says
 * why. On PostgreSQL the server guards its own disk (a full disk is its
 * SQLSTATE 53100, answered as UNAVAILABLE).
 */
import fs from "node:fs";

export interface DiskGuard {
  /** Why writes are refused now, or null. */
  writeRefusal(): string | null;
}

const MB = 1024 * 1024;

export function diskGuard(dir: string, minFreeMegabytes: number): DiskGuard {
  return {
    writeRefusal() {
      if (minFreeMegabytes <= 0) return null;
      const stats = fs.statfsSync(dir);
      const free = Math.floor((stats.bavail * stats.bsize) / MB);
      return free < minFreeMegabytes ? `the data folder's disk has ${free} MB free, below the ${minFreeMegabytes} MB the hub keeps (EMHUB_MIN_FREE_MB): writes are refused until space is freed` : null;
    },
  };
}

/** No guard: the database is not in the data folder. */
export const NO_DISK_GUARD: DiskGuard = { writeRefusal: () => null };
