// openapi-typescript + openapi-fetch, from each OpenAPI 3.1 document: calls every endpoint with
// its documented request (tests/requests/<key>.json) through the recording proxy in front of
// Prism, once for 200 and once per documented error (Prism's `Prefer: code=..., example=...`),
// and holds each decoded body to the documented example (tests/fixtures/<key>/<status>.json).
// `scripts/wire` generates ./gen/<key>.ts, compiles this file and runs it.
//
//   node wire.js ROOT ROUTES RESULTS

import { deepStrictEqual } from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { paths as Swas } from "./gen/aliyun/swas/SwasListImages.js";
import type { paths as Cph } from "./gen/huaweicloud/cph/ListPhoneImages.js";
import type { paths as Ims } from "./gen/huaweicloud/ims/GlanceListImagesDetail.js";
import type { paths as Workspace } from "./gen/huaweicloud/workspace/ListImages.js";

type Request = {
  path: Record<string, string>;
  query: Record<string, string | number>;
  header: Record<string, string>;
};
type Outcome = { data?: unknown; error?: unknown; response: Response };
type Call = (baseUrl: string, request: Request, headers: Record<string, string>) => Promise<Outcome>;

// The typed call of each endpoint: the path must be one the generated `paths` has, and the
// parameters fit its types. Alibaba's AccessKeyId is a security scheme in the query, which
// openapi-fetch does not apply: it travels with the other query values.
const calls: Record<string, Call> = {
  "huaweicloud/cph/ListPhoneImages": (baseUrl, request, headers) =>
    createClient<Cph>({ baseUrl, headers }).GET("/v1/{project_id}/cloud-phone/phone-images", {
      params: { path: { project_id: request.path.project_id } },
    }),
  "huaweicloud/workspace/ListImages": (baseUrl, request, headers) =>
    createClient<Workspace>({ baseUrl, headers }).GET("/v2/{project_id}/images", {
      params: {
        path: { project_id: request.path.project_id },
        query: request.query as Workspace["/v2/{project_id}/images"]["get"]["parameters"]["query"],
      },
    }),
  "aliyun/swas/SwasListImages": (baseUrl, request, headers) =>
    createClient<Swas>({ baseUrl, headers }).GET("/", {
      params: { query: request.query as unknown as Swas["/"]["get"]["parameters"]["query"] },
    }),
  "huaweicloud/ims/GlanceListImagesDetail": (baseUrl, request, headers) =>
    createClient<Ims>({ baseUrl, headers }).GET("/v1.1/images/detail", {
      params: { query: request.query as Ims["/v1.1/images/detail"]["get"]["parameters"]["query"] },
    }),
};

const [root, routesFile, resultsFile] = process.argv.slice(2);
const routes: Record<string, Record<string, string>> = JSON.parse(readFileSync(routesFile, "utf8"));
const json = (file: string) => JSON.parse(readFileSync(`${root}/${file}`, "utf8"));

const results: Record<string, Record<string, string>> = {};
let failed = 0;
for (const [key, call] of Object.entries(calls)) {
  const request: Request = json(`tests/requests/${key}.json`);
  const statuses = readdirSync(`${root}/tests/fixtures/${key}`)
    .filter((name) => /^\d{3}\.json$/.test(name))
    .map((name) => name.slice(0, 3));
  results[key] = {};
  for (const status of statuses) {
    const headers = { ...request.header, ...(status === "200" ? {} : { Prefer: `code=${status}, example=documented` }) };
    const expected = json(`tests/fixtures/${key}/${status}.json`);
    try {
      const { data, error, response } = await call(routes[key].typescript, request, headers);
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
