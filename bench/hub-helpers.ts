/** What the benchmarks that run a hub process share: their own token issuer, the hub's CPU time, waiting for it to go idle. */
import fs from "node:fs";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/** A new ES256 issuer for this run: its config for EMHUB_ISSUERS, and tokens of a province emergency supervisor. */
export async function benchIssuer() {
  const issuer = "https://bench.emhub.invalid";
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: "bench-1", alg: "ES256", use: "sig" };
  return {
    config: { issuer, audience: "emhub", algorithms: ["ES256"], publicJwk },
    sign: (subject: string) =>
      new SignJWT({ dept: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" })
        .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: "bench-1" })
        .setIssuer(issuer)
        .setAudience("emhub")
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime("12h")
        .sign(privateKey),
  };
}

/** CPU time (user + system) the process has used, in ms (from /proc). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Waits until the process has used under 100 ms of CPU in two 2 s windows in a row (its start-up work is done). */
export async function settle(pid: number): Promise<void> {
  let quiet = 0;
  let before = cpuMs(pid);
  while (quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = cpuMs(pid);
    quiet = after - before < 100 ? quiet + 1 : 0;
    before = after;
  }
}
