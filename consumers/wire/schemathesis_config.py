"""What schemathesis is told a real client sends on every request, from the documented request.

    python schemathesis_config.py DOCUMENT REQUEST > schemathesis.toml

A client of these APIs always sends its credentials, so that what schemathesis reports is what
such a client meets, every request carries the documented request's (tests/requests/<key>.json)
value of each API key of the document's security schemes (the `X-Auth-Token` header, Alibaba's
`AccessKeyId` query parameter), through schemathesis's OpenAPI-aware auth; with
`with-security-parameters = false`, schemathesis does not also generate the key as a parameter
of its own, which it would leave out or fill with junk (Prism then answers 401, which no page
documents for a request that lacks its credential).

Every parameter is generated, the signature v1 parameters (`Signature`, `SignatureNonce`,
`Timestamp`...) among them: nothing is pinned, so that the documents' own limits and patterns
are what keeps generated requests valid, in Python's reading of a pattern (hypothesis) and
ECMAScript's (Prism) alike. `schemathesis_hooks.py` teaches it to read the bodies it does not
know (Glance's HTML error page).

And any schemathesis warning fails the run (`fail-on`): one says the operation was not really
exercised, e.g. that Prism refused most of the cases the document calls valid."""

import json
import os
import sys

import yaml



def config(document, request):
    hooks = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemathesis_hooks.py")
    lines = [f"hooks = {json.dumps(hooks)}", "", "[generation]", "with-security-parameters = false", "", "[warnings]", "fail-on = true", ""]
    for name, scheme in document.get("components", {}).get("securitySchemes", {}).items():
        value = request[scheme["in"]][scheme["name"]]
        lines += [f"[auth.openapi.{name}]", f"api_key = {json.dumps(value)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    document_path, request_path = sys.argv[1:]
    document = yaml.safe_load(open(document_path, encoding="utf-8"))
    request = json.load(open(request_path, encoding="utf-8"))
    sys.stdout.write(config(document, request))
