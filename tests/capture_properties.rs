//! Properties of the capture check (`cargo xtask validate`), over every response schema of
//! every document under `spec/`:
//!
//! - random JSON never crashes it, and it finds exactly what jsonschema finds on the whole
//!   value (the streaming walk splits the schema; it must not change the verdict), and
//!   exactly the values off an open enum's list that a walk of the whole value finds;
//! - values generated from a schema always conform;
//! - a single mutation of a documented example (a wrong type, a value outside an enum, a
//!   limit exceeded, a required property removed) is always reported, at its pointer; a value
//!   off an open enum's list is noticed there instead, and the example stays valid.

use std::sync::LazyLock;

use cloudspec::published::{self, Published};
use cloudspec_capture as capture;
use cloudspec_capture::known::{self, Notice};
use cloudspec_schema::validate::{BodySchema, Violation};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{Map, Value, json};

/// One response schema of one document, with both ways of checking a body against it.
struct Case {
    name: String,
    document: Value,
    /// The body schema's pointer in the document.
    schema: String,
    contract: Published,
    whole: BodySchema,
}

static CASES: LazyLock<Vec<Case>> = LazyLock::new(|| {
    let workspace = cloudspec_tests::workspace();
    let mut cases = Vec::new();
    for endpoint in cloudspec_catalog::ENDPOINTS {
        let path = workspace.path(cloudspec::paths::document(endpoint));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let document: Value =
            yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for status in published::declared_statuses(&document, endpoint.operation_id) {
            let contract =
                published::load(&workspace, cloudspec_catalog::ENDPOINTS, &endpoint.key(), &status, "en")
                    .unwrap_or_else(|error| panic!("{error}"));
            let whole = BodySchema::of_response(&document, endpoint.operation_id, &status)
                .unwrap_or_else(|error| panic!("{error}"));
            cases.push(Case {
                name: format!("{} {status}", endpoint.key()),
                schema: contract.schema.clone(),
                document: document.clone(),
                contract,
                whole,
            });
        }
    }
    assert!(!cases.is_empty(), "no response schemas under spec/");
    cases
});

type Gist = (String, String, String, String, String);

fn gist(violation: &Violation) -> Gist {
    let Violation { pointer, keyword, rule, expected, found, .. } = violation.clone();
    (pointer, keyword, rule, expected, found)
}

/// Checks `value` as a capture, pretty-printed, and holds the result to jsonschema's on the
/// whole value, its notices to those of a walk of the whole value, and each position to the
/// value at its pointer. Returns the violations, and the pointers of the notices.
fn check(case: &Case, value: &Value) -> Result<(Vec<Gist>, Vec<String>), TestCaseError> {
    let text = serde_json::to_string_pretty(value).expect("a Value serializes");
    let found = capture::validate_text(&case.contract.plan, &text, &mut |_| {})
        .map_err(|error| TestCaseError::fail(format!("{}: {error:?}", case.name)))?;
    for item in &found.violations {
        let at = cloudspec_tests::value_at(&text, item.line, item.column);
        prop_assert_eq!(at.as_ref(), value.pointer(&item.violation.pointer), "{}: {:?}", case.name, item);
    }
    for item in &found.notices {
        let at = cloudspec_tests::value_at(&text, item.line, item.column);
        prop_assert_eq!(at.as_ref(), value.pointer(&item.notice.pointer), "{}: {:?}", case.name, item);
    }
    let mut streamed: Vec<Gist> = found.violations.iter().map(|item| gist(&item.violation)).collect();
    let mut whole: Vec<Gist> = case.whole.violations(value).iter().map(gist).collect();
    streamed.sort();
    whole.sort();
    prop_assert_eq!(&streamed, &whole, "{}: streaming and whole validation disagree on {}", case.name, text);

    let mut noticed: Vec<Notice> = found.notices.into_iter().map(|item| item.notice).collect();
    let mut walked = Vec::new();
    known::notices(&case.document, &case.schema, value, "", &mut walked);
    let order = |notice: &Notice| (notice.pointer.clone(), notice.rule.clone());
    noticed.sort_by_key(order);
    walked.sort_by_key(order);
    prop_assert_eq!(
        &noticed,
        &walked,
        "{}: the streaming walk and a walk of the whole value notice apart on {}",
        case.name,
        text
    );
    Ok((streamed, noticed.into_iter().map(|notice| notice.pointer).collect()))
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300..1e300_f64).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        "\\PC{0,50}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Mostly names the schemas use, so that random objects reach into them.
fn key() -> impl Strategy<Value = String> {
    let names: Vec<String> = CASES
        .iter()
        .flat_map(|case| property_names(&case.document))
        .chain(["a", "~/", ""].map(String::from))
        .collect();
    prop_oneof![3 => prop::sample::select(names), 1 => "\\PC{0,8}"]
}

fn property_names(document: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack = vec![document];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(members) => {
                if let Some(Value::Object(properties)) = members.get("properties") {
                    names.extend(properties.keys().cloned());
                }
                stack.extend(members.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Follows `$ref`s (merging their annotations away) to the schema object at `pointer`.
fn resolve<'d>(document: &'d Value, pointer: &str) -> (&'d Value, String) {
    let mut pointer = pointer.to_owned();
    loop {
        let schema = document.pointer(&pointer).unwrap_or_else(|| panic!("no schema at {pointer}"));
        match schema.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#')) {
            Some(target) => pointer = cloudspec_schema::pointer::from_uri_fragment(target),
            None => return (schema, pointer),
        }
    }
}

/// The schema `$ref` names, or `schema` itself.
fn target<'d>(document: &'d Value, schema: &'d Value) -> &'d Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#')) {
        Some(fragment) => {
            let pointer = cloudspec_schema::pointer::from_uri_fragment(fragment);
            let found = document.pointer(&pointer).unwrap_or_else(|| panic!("no schema at {pointer}"));
            target(document, found)
        }
        None => schema,
    }
}

/// Values that conform to `schema`, whose `$ref`s point into `document`. Only the keywords
/// the documents use are known; an unknown type fails loudly so that the generator grows
/// with the documents.
fn conforming(document: &Value, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
    let schema = target(document, schema);
    let Some(rules) = schema.as_object() else { return any_json().boxed() };
    if let Some(Value::Array(options)) = rules.get("enum") {
        return prop::sample::select(options.clone()).boxed();
    }
    if let Some(value) = rules.get("const") {
        return Just(value.clone()).boxed();
    }
    for keyword in ["oneOf", "anyOf"] {
        if let Some(Value::Array(branches)) = rules.get(keyword) {
            let strategies: Vec<BoxedStrategy<Value>> =
                branches.iter().map(|branch| conforming(document, branch, depth)).collect();
            return prop::strategy::Union::new(strategies).boxed();
        }
    }
    if let Some(Value::Array(branches)) = rules.get("allOf") {
        // Object branches merge: every branch's properties, and all the required ones.
        let mut merged = Map::new();
        for branch in branches {
            for (keyword, value) in target(document, branch).as_object().into_iter().flatten() {
                match (keyword.as_str(), merged.get_mut(keyword)) {
                    ("properties", Some(Value::Object(into))) => {
                        into.extend(
                            value.as_object().into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())),
                        );
                    }
                    ("required", Some(Value::Array(into))) => {
                        into.extend(value.as_array().into_iter().flatten().cloned());
                    }
                    _ => {
                        merged.entry(keyword.clone()).or_insert_with(|| value.clone());
                    }
                }
            }
        }
        return of_type(document, &Value::Object(merged), depth);
    }
    of_type(document, schema, depth)
}

fn of_type(document: &Value, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ if schema.get("properties").is_some() => vec!["object"],
        _ => return any_json().boxed(),
    };
    let strategies: Vec<BoxedStrategy<Value>> =
        types.into_iter().map(|kind| one_type(document, schema, kind, depth)).collect();
    prop::strategy::Union::new(strategies).boxed()
}

fn one_type(document: &Value, schema: &Value, kind: &str, depth: u32) -> BoxedStrategy<Value> {
    let number = |keyword: &str| schema.get(keyword).and_then(Value::as_f64);
    match kind {
        "null" => Just(Value::Null).boxed(),
        "boolean" => any::<bool>().prop_map(Value::from).boxed(),
        "integer" => {
            #[allow(clippy::cast_possible_truncation, reason = "the documents' bounds are small")]
            let low = number("minimum").map_or(-1_000_000, |minimum| minimum as i64);
            #[allow(clippy::cast_possible_truncation, reason = "the documents' bounds are small")]
            let high = number("maximum").map_or(1_000_000, |maximum| maximum as i64);
            (low..=high).prop_map(Value::from).boxed()
        }
        "number" => {
            let low = number("minimum").unwrap_or(-1e6);
            let high = number("maximum").unwrap_or(1e6);
            (low..=high).prop_map(Value::from).boxed()
        }
        "string" => string(schema),
        "array" => {
            let limit = |keyword: &str| {
                schema.get(keyword).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok())
            };
            let min = limit("minItems").unwrap_or(0);
            let max = limit("maxItems").unwrap_or(4).min(min + 4);
            let items = schema
                .get("items")
                .map_or_else(|| any_json().boxed(), |items| conforming(document, items, depth + 1));
            let range = if depth > 3 { min..=min } else { min..=max };
            prop::collection::vec(items, range).prop_map(Value::Array).boxed()
        }
        "object" => {
            let required = schema.as_object().map(cloudspec_schema::openapi::required).unwrap_or_default();
            let members: Vec<BoxedStrategy<Option<(String, Value)>>> = schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(name, property)| {
                    let value = conforming(document, property, depth + 1);
                    let name = name.clone();
                    if required.contains(&name.as_str()) {
                        value.prop_map(move |value| Some((name.clone(), value))).boxed()
                    } else {
                        prop::option::of(value.prop_map(move |value| (name.clone(), value))).boxed()
                    }
                })
                .collect();
            members.prop_map(|members| Value::Object(members.into_iter().flatten().collect())).boxed()
        }
        other => panic!("the generator does not know type {other:?}"),
    }
}

/// Strings within `minLength`, `maxLength` and `x-max-bytes`, of ASCII and Chinese
/// characters, or matching `pattern`.
fn string(schema: &Value) -> BoxedStrategy<Value> {
    let limit =
        |keyword: &str| schema.get(keyword).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let min = limit("minLength").unwrap_or(0);
    let max_chars = limit("maxLength").unwrap_or(64).min(min + 64);
    let max_bytes = limit("x-max-bytes").unwrap_or(usize::MAX);
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        let pattern = pattern.trim_start_matches('^').trim_end_matches('$').replace("\\d", "[0-9]");
        return proptest::string::string_regex(&pattern)
            .unwrap_or_else(|error| panic!("pattern {pattern}: {error}"))
            .prop_filter("within the length limits", move |text| {
                (min..=max_chars).contains(&text.chars().count()) && text.len() <= max_bytes
            })
            .prop_map(Value::from)
            .boxed();
    }
    prop::collection::vec(
        prop_oneof![3 => prop::char::range('a', 'z'), 1 => prop::char::range('一', '龥')],
        min..=max_chars,
    )
    .prop_map(move |chars| {
        let mut text = String::new();
        for character in chars {
            if text.len() + character.len_utf8() > max_bytes {
                break;
            }
            text.push(character);
        }
        Value::from(text)
    })
    .prop_filter("at least minLength", move |text| {
        text.as_str().is_some_and(|text| text.chars().count() >= min)
    })
    .boxed()
}

/// The keyword of a mutation that puts a value off an open enum's list: a notice, not a
/// violation.
const NOTICED: &str = "x-extensible-enum";

/// One way to break a value: replace the value at `pointer` (or remove member `remove`) so
/// that `keyword` fails there.
#[derive(Clone, Debug)]
struct Mutation {
    case: usize,
    base: Value,
    pointer: String,
    keyword: &'static str,
    replacement: Option<Value>,
    remove: Option<String>,
}

/// Every single mutation of every documented example the schema has a rule for.
static MUTATIONS: LazyLock<Vec<Mutation>> = LazyLock::new(|| {
    let mut mutations = Vec::new();
    for (index, case) in CASES.iter().enumerate() {
        let key = case.name.split(' ').next().unwrap_or_default();
        let status = case.name.rsplit(' ').next().unwrap_or_default();
        let path = cloudspec_tests::fixtures_dir().join(key).join(format!("{status}.json"));
        if let Ok(example) = cloudspec_schema::json::read(&path) {
            mutations_of(index, &case.document, &example, &example, &case.schema, "", &mut mutations);
        }
    }
    assert!(!mutations.is_empty(), "no documented example to mutate");
    mutations
});

fn mutations_of(
    case: usize,
    document: &Value,
    base: &Value,
    value: &Value,
    schema: &str,
    at: &str,
    out: &mut Vec<Mutation>,
) {
    let (schema, schema_pointer) = resolve(document, schema);
    let Some(rules) = schema.as_object() else { return };
    let mut push = |keyword, replacement: Value| {
        out.push(Mutation {
            case,
            base: base.clone(),
            pointer: at.to_owned(),
            keyword,
            replacement: Some(replacement),
            remove: None,
        });
    };
    if let Some(Value::String(kind)) = rules.get("type") {
        push(
            "type",
            match kind.as_str() {
                "string" => json!(12),
                "object" => json!([]),
                _ => json!("wrong type"),
            },
        );
    }
    if let Some(Value::Array(options)) = rules.get("enum") {
        push(
            "enum",
            if options.iter().all(Value::is_string) { json!("not-in-the-enum") } else { json!(987_654) },
        );
    }
    if let Some(Value::Array(options)) = rules.get(cloudspec_endpoint::open::KNOWN_VALUES) {
        push(
            NOTICED,
            if options.iter().all(Value::is_string) { json!("not-on-the-list") } else { json!(987_654) },
        );
    }
    let limit =
        |keyword: &str| rules.get(keyword).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    if let Some(max) = limit("maxLength") {
        push("maxLength", Value::from("x".repeat(max + 1)));
    }
    if let Some(max) = limit("x-max-bytes") {
        // Three-byte characters: over the byte limit while within a character limit as large.
        push("x-max-bytes", Value::from("镜".repeat(max / 3 + 1)));
    }
    if let Some(maximum) = rules.get("maximum").and_then(Value::as_i64) {
        push("maximum", json!(maximum + 1));
    }
    if let Some(minimum) = rules.get("minimum").and_then(Value::as_i64) {
        push("minimum", json!(minimum - 1));
    }
    match value {
        Value::Object(members) => {
            for name in rules
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if members.contains_key(name) {
                    out.push(Mutation {
                        case,
                        base: base.clone(),
                        pointer: at.to_owned(),
                        keyword: "required",
                        replacement: None,
                        remove: Some(name.to_owned()),
                    });
                }
            }
            let properties = rules.get("properties").and_then(Value::as_object);
            for (name, member) in members {
                if properties.is_some_and(|properties| properties.contains_key(name)) {
                    let escaped = cloudspec_schema::pointer::escape(name);
                    mutations_of(
                        case,
                        document,
                        base,
                        member,
                        &format!("{schema_pointer}/properties/{escaped}"),
                        &format!("{at}/{escaped}"),
                        out,
                    );
                }
            }
        }
        Value::Array(items) if rules.contains_key("items") => {
            for (index, item) in items.iter().enumerate() {
                mutations_of(
                    case,
                    document,
                    base,
                    item,
                    &format!("{schema_pointer}/items"),
                    &format!("{at}/{index}"),
                    out,
                );
            }
        }
        _ => {}
    }
}

proptest! {
    // Failures are printed, not written next to the sources (CI writes nothing).
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_json_is_judged_as_jsonschema_judges_it(case in 0..CASES.len(), value in any_json()) {
        check(&CASES[case], &value)?;
    }

    #[test]
    fn values_generated_from_the_schema_conform(
        (case, value) in (0..CASES.len()).prop_flat_map(|case| {
            let case_ = &CASES[case];
            let schema = case_.document.pointer(&case_.schema).expect("the contract's schema is in \
                its document");
            (Just(case), conforming(&case_.document, schema, 0))
        })
    ) {
        let (violations, _) = check(&CASES[case], &value)?;
        prop_assert!(violations.is_empty(), "{}: {:#?}", CASES[case].name, violations);
    }

    #[test]
    fn a_single_mutation_of_an_example_is_reported(
        mutation in prop::sample::select(MUTATIONS.clone()),
        extra in 0..3_usize,
    ) {
        let mut value = mutation.base.clone();
        let target = value.pointer_mut(&mutation.pointer).expect("the mutation's pointer is in its example");
        if let Some(name) = &mutation.remove {
            target.as_object_mut().expect("required is checked on objects").shift_remove(name);
        }
        if let Some(replacement) = &mutation.replacement {
            *target = match (replacement, mutation.keyword) {
                // Go further past a length limit by a random amount.
                (Value::String(text), "maxLength" | "x-max-bytes") => {
                    let first = text.chars().next().map(String::from).unwrap_or_default();
                    Value::from(format!("{text}{}", first.repeat(extra)))
                }
                _ => replacement.clone(),
            };
        }
        let (violations, notices) = check(&CASES[mutation.case], &value)?;
        if mutation.keyword == NOTICED {
            prop_assert!(
                violations.is_empty() && notices.contains(&mutation.pointer),
                "{}: a value off the list at {:?} is not noticed alone: {:#?} \
                {:#?}", CASES[mutation.case].name, mutation.pointer, violations, notices
            );
            return Ok(());
        }
        prop_assert!(
            violations
                .iter()
                .any(|(pointer, keyword, ..)| *pointer == mutation.pointer && keyword == mutation.keyword),
            "{}: {} at {:?} not reported: \
            {:#?}", CASES[mutation.case].name, mutation.keyword, mutation.pointer, violations
        );
    }
}
