/** A hub running as its own process (`node bin/emhub.js serve`), as it runs in production. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config/paths.js";

export interface HubProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startHubProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<HubProcess> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, "bin/emhub.js"), "serve"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", EMHUB_LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 300_000);
    const poll = setInterval(() => {
      const match = /GraphQL on http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
