// Runs `acr validate` on many bodies through a bounded pool of child processes:
// one process per body, the body on standard input, the report in JSON.
import { spawn } from "node:child_process";
import os from "node:os";
import { cliName } from "./schema.mjs";

// One run: {code, violations: [{pointer, message}] | null, stderr}. `document` is
// an operationId; acr names it in kebab-case (updateLayout: update-layout).
export function acrValidate(acrBin, document, mode, bodyText) {
  // Every violation: the pointers are compared with ajv's whole list.
  const args = ["validate", cliName(document), "--format", "json", "--max-violations", "0"];
  if (mode) args.push("--mode", mode);
  return new Promise((resolve) => {
    const child = spawn(acrBin, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", (e) => resolve({ code: -1, violations: null, stderr: String(e) }));
    child.on("close", (code, signal) => {
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      let violations = null;
      if (code === 0 || code === 1) {
        try {
          violations = JSON.parse(stdout);
        } catch (e) {
          violations = null;
        }
      }
      resolve({ code: signal ? `signal ${signal}` : code, violations, stderr, stdout });
    });
    child.stdin.on("error", () => {}); // acr may exit before reading everything
    child.stdin.end(bodyText);
  });
}

// Runs every job ({document, mode, text}) with at most `limit` processes at once;
// returns the results in job order.
export async function acrValidateAll(acrBin, jobs, limit = defaultLimit()) {
  const results = new Array(jobs.length);
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      results[i] = await acrValidate(acrBin, job.document, job.mode, job.text);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

export function defaultLimit() {
  const env = Number(process.env.ACR_CONFORMANCE_JOBS);
  if (Number.isInteger(env) && env > 0) return env;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, cores * 2);
}
