// What a user of openapi-fetch writes for an API key in the query (Alibaba's `AccessKeyId`):
// openapi-fetch applies no security scheme, and the key is no parameter of the operation's
// types, so a middleware adds it to every request's URL, leaving the rest of the URL as
// openapi-fetch encoded it.

import type { Middleware } from "openapi-fetch";

export function queryApiKey(name: string, value: string): Middleware {
  return {
    onRequest({ request }) {
      const separator = new URL(request.url).search ? "&" : "?";
      const url = `${request.url}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      return new Request(url, request);
    },
  };
}
