/** What one synchronisation run did to the records it fetched. Pure: no I/O. */
export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  rejected: number;
}

export const emptyCounts = (): SyncCounts => ({ fetched: 0, created: 0, updated: 0, unchanged: 0, retired: 0, rejected: 0 });
