// openapi-typescript + openapi-fetch, from each OpenAPI 3.1 document: calls every endpoint with
// its documented request through the recording proxy in front of Prism, once for 200 and once
// per documented error (Prism's `Prefer: code=..., example=...`), and holds each decoded body to
// the documented example (tests/fixtures/<key>/<status>.json). `scripts/wire` generates
// ./gen/<key>.ts (openapi-typescript) and ./calls.generated.ts (consumers/wire/calls.py: each
// endpoint's typed call, from tests/requests/<key>.json), compiles this file and runs it.
//
//   node wire.js ROOT ROUTES RESULTS

import { deepStrictEqual } from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { calls } from "./calls.generated.js";

const [root, routesFile, resultsFile] = process.argv.slice(2);
const routes: Record<string, Record<string, string>> = JSON.parse(readFileSync(routesFile, "utf8"));
const json = (file: string) => JSON.parse(readFileSync(`${root}/${file}`, "utf8"));

const results: Record<string, Record<string, string>> = {};
let failed = 0;
for (const key of Object.keys(routes).sort()) {
  const call = calls[key];
  const statuses = readdirSync(`${root}/tests/fixtures/${key}`)
    .filter((name) => /^\d{3}\.json$/.test(name))
    .map((name) => name.slice(0, 3));
  results[key] = {};
  for (const status of statuses) {
    const headers: Record<string, string> = status === "200" ? {} : { Prefer: `code=${status}, example=documented` };
    const expected = json(`tests/fixtures/${key}/${status}.json`);
    try {
      if (call === undefined) throw new Error(`no documented request: tests/requests/${key}.json`);
      const { data, error, response } = await call(routes[key].typescript, headers);
      deepStrictEqual(response.status, Number(status), `${key}: status`);
      deepStrictEqual(status === "200" ? data : error, expected, `${key} ${status}: decoded body`);
      results[key][status] = "ok";
    } catch (e) {
      results[key][status] = String(e instanceof Error ? e.message : e);
      failed += 1;
    }
  }
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
for (const [key, outcome] of Object.entries(results)) {
  for (const [status, verdict] of Object.entries(outcome)) {
    console.log(`  openapi-fetch ${key} ${status}: ${verdict}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
