//! TypeScript with openapi-fetch, on the types openapi-typescript generates from the 3.1
//! document. openapi-fetch applies no security scheme: an API key in a header goes into the
//! client's headers, one in the query is added by a middleware.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::{Call, quoted};

pub(super) fn sample(call: &Call) -> String {
    let name = call.document_file.trim_end_matches(".yaml");
    let mut out = format!(
        "// Types: npx openapi-typescript {document} --output {name}.ts\n\
         import createClient from \"openapi-fetch\";\nimport type {{ paths }} from \"./{name}.js\";\n\n\
         const client = createClient<paths>({{\n  baseUrl: {server},\n",
        document = call.document_file,
        server = quoted(&call.server),
    );
    if let Some((header, value)) = &call.header_key {
        let _ = writeln!(out, "  headers: {{ {}: {} }},", quoted(header), quoted(value));
    }
    out.push_str("});\n");
    if let Some((parameter, value)) = &call.query_key {
        let _ = write!(
            out,
            "// The API key in the query, which openapi-fetch does not add itself.\n\
             client.use({{\n  onRequest({{ request }}) {{\n    \
             const separator = new URL(request.url).search ? \"&\" : \"?\";\n    \
             return new Request(`${{request.url}}${{separator}}{}=${{encodeURIComponent({})}}`, \
             request);\n  }},\n}});\n",
            super::call::encode(parameter),
            quoted(value)
        );
    }
    let mut params = Map::new();
    for (location, values) in [("path", &call.path_values), ("query", &call.query), ("header", &call.headers)]
    {
        if !values.is_empty() {
            params.insert(location.to_owned(), Value::Object(values.iter().cloned().collect()));
        }
    }
    let params =
        serde_json::to_string_pretty(&Value::Object(params)).unwrap_or_default().replace('\n', "\n  ");
    let _ = write!(
        out,
        "\nconst {{ data, error }} = await client.{}({}, {{\n  params: {params},\n}});\n\
         if (error !== undefined) {{\n  throw new Error(JSON.stringify(error));\n}}\n\
         console.log(JSON.stringify(data, null, 2));\n",
        call.method.to_uppercase(),
        quoted(&call.path)
    );
    out
}
