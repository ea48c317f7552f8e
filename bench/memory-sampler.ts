/**
 * Peak memory while a benchmark runs, sampled every 100 ms. Resident set size
 * is sampled from a worker thread, so it is seen even while the main thread
 * is busy in a synchronous parse; the JavaScript heap of the main thread can
 * only be sampled by the main thread itself, whenever it yields.
 */
import { Worker } from "node:worker_threads";

export interface MemoryPeaks {
  rssMb: number;
  heapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const RSS_WORKER = `
const { parentPort } = require("node:worker_threads");
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, INTERVAL);
parentPort.on("message", (message) => {
  peak = Math.max(peak, process.memoryUsage.rss());
  parentPort.postMessage(peak);
  peak = process.memoryUsage.rss();
  if (message === "stop") { clearInterval(timer); parentPort.close(); }
});
`;

export class MemorySampler {
  private peakHeap = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly worker: Worker;

  constructor(intervalMs = 100) {
    this.worker = new Worker(RSS_WORKER.replace("INTERVAL", String(intervalMs)), { eval: true });
    this.sampleHeap();
    this.timer = setInterval(() => this.sampleHeap(), intervalMs);
  }

  private sampleHeap(): void {
    this.peakHeap = Math.max(this.peakHeap, process.memoryUsage().heapUsed);
  }

  /** The peaks since the previous call (or the start); then starts again from the current figures. */
  async takePeaks(): Promise<MemoryPeaks> {
    this.sampleHeap();
    const rss = await this.ask("peak");
    const peaks = { rssMb: mb(rss), heapUsedMb: mb(this.peakHeap) };
    this.peakHeap = process.memoryUsage().heapUsed;
    return peaks;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ask("stop");
    await this.worker.terminate();
  }

  private ask(message: string): Promise<number> {
    return new Promise((resolve) => {
      this.worker.once("message", resolve);
      this.worker.postMessage(message);
    });
  }
}
