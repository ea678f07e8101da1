//! The walk over a capture as it is read: each value is checked against its node of the
//! [`Plan`] the moment it is complete, each violation and each value off an open enum's list
//! ([`crate::known`]) handed on at once with its line, column and JSON pointer, and
//! nothing kept but the path to the current value, the member names of the objects open
//! around it, and a value that a schema must see whole.
//!
//! What is held is bounded by [`HELD`], whatever the size of the capture: a value held whole,
//! a string or number, or the member names of the open objects beyond it stop the walk with
//! [`Stop::TooLarge`] rather than grow without end.

use std::fmt::Write as _;
use std::io::Read;

use serde_json::{Map, Value};

use crate::known::Watch;
use crate::names::Names;
use crate::reader::{self, Position, Reader, Token};
use crate::stream::{ArrayNode, Node, ObjectNode, Plan};
use crate::{Finding, Located, Noted};
use cloudspec_schema::pointer;
use cloudspec_schema::validate::{BodySchema, Violation};

/// The most a walk holds of a capture at once, in bytes (roughly: the parsed form of a value
/// held whole is counted at [`NODE_COST`] a node besides its strings).
pub const HELD: usize = 16 << 20;

/// What one node of a value held whole costs, its `Value` and its place together.
const NODE_COST: usize = 160;

/// How many of an object schema's declared members are tracked by a bit each.
const DECLARED: usize = 64;

/// How often, in bytes, the walk reports its progress.
const REPORT_EVERY: u64 = 1 << 22;

/// Why a walk stopped before the end of the capture.
#[derive(Debug)]
pub enum Stop {
    /// The input is not JSON text, or could not be read.
    Reader(Box<reader::Error>),
    /// A value the walk must hold (described) is larger than [`HELD`].
    TooLarge { at: Position, what: String },
}

impl From<Box<reader::Error>> for Stop {
    fn from(error: Box<reader::Error>) -> Self {
        Self::Reader(error)
    }
}

/// How many findings of each kind a walk handed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub violations: usize,
    pub notices: usize,
}

/// A walk that stopped: why, where, and what it had handed on by then.
#[derive(Debug)]
pub struct Failure {
    pub stop: Stop,
    /// The pointer of the value being read.
    pub pointer: String,
    pub counts: Counts,
}

/// Where each part of a value held whole starts, to place violations and notices inside it.
enum Placed {
    Leaf(Position),
    Array(Position, Vec<Placed>),
    Object(Position, Vec<(String, Placed)>),
}

impl Placed {
    fn at(&self) -> Position {
        match self {
            Self::Leaf(at) | Self::Array(at, _) | Self::Object(at, _) => *at,
        }
    }

    /// Where the value at `pointer` (relative to this one) starts; the nearest enclosing value
    /// that was read if the pointer goes further.
    fn find(&self, pointer: &str) -> Position {
        let mut placed = self;
        for token in pointer.split('/').skip(1) {
            let token = pointer::unescape(token);
            let next = match placed {
                Self::Array(_, items) => token.parse::<usize>().ok().and_then(|index| items.get(index)),
                // The last of repeated names, as serde_json keeps it.
                Self::Object(_, members) => {
                    members.iter().rev().find(|(name, _)| *name == token).map(|(_, member)| member)
                }
                Self::Leaf(_) => None,
            };
            match next {
                Some(next) => placed = next,
                None => break,
            }
        }
        placed.at()
    }
}

impl Plan {
    /// Reads the capture from `source`, checks it, and hands each violation and notice to
    /// `sink` as it is found; `progress` hears the byte offset reached now and then. How many
    /// of each were found.
    pub fn check<R: Read>(
        &self,
        source: R,
        sink: &mut dyn FnMut(Finding),
        progress: &mut dyn FnMut(u64),
    ) -> Result<Counts, Failure> {
        self.check_reader(&mut Reader::new(source, HELD), sink, progress)
    }

    /// [`Self::check`] of a body already in memory, read through a buffer no larger than it.
    pub fn check_slice(
        &self,
        body: &[u8],
        sink: &mut dyn FnMut(Finding),
        progress: &mut dyn FnMut(u64),
    ) -> Result<Counts, Failure> {
        self.check_reader(&mut Reader::with_buffer(body, HELD, body.len() + 1), sink, progress)
    }

    /// [`Self::check`] of what `reader` reads from its start: a reader holding strings and
    /// numbers of at most [`HELD`] bytes, whose buffer the caller may reuse.
    pub fn check_reader<R: Read>(
        &self,
        reader: &mut Reader<R>,
        sink: &mut dyn FnMut(Finding),
        progress: &mut dyn FnMut(u64),
    ) -> Result<Counts, Failure> {
        let mut walk = Walk {
            plan: self,
            reader,
            pointer: String::new(),
            names: Names::default(),
            declared_at: Vec::new(),
            held: 0,
            counts: Counts::default(),
            sink,
            next_report: REPORT_EVERY,
            progress,
        };
        match walk.body(self.root) {
            Ok(()) => Ok(walk.counts),
            Err(stop) => Err(Failure { stop, pointer: walk.pointer, counts: walk.counts }),
        }
    }
}

struct Walk<'p, 's, R> {
    plan: &'p Plan,
    reader: &'s mut Reader<R>,
    /// The pointer of the value being read.
    pointer: String,
    names: Names,
    /// Where the value of each declared member of the open objects starts, once seen.
    declared_at: Vec<Position>,
    /// How much the value held whole takes so far.
    held: usize,
    counts: Counts,
    sink: &'s mut dyn FnMut(Finding),
    next_report: u64,
    progress: &'s mut dyn FnMut(u64),
}

impl<R: Read> Walk<'_, '_, R> {
    fn body(&mut self, root: usize) -> Result<(), Stop> {
        let (token, at) = self.reader.root(true)?;
        self.value(Some(root), token, at)?;
        self.reader.finish()?;
        Ok(())
    }

    /// Walks the value that starts with `token` against `node` (`None`: anything goes).
    fn value(&mut self, node: Option<usize>, token: Token, at: Position) -> Result<(), Stop> {
        let plan = self.plan;
        match (node.map(|node| &plan.nodes[node]), token) {
            (Some(Node::Whole(schema, watch)), token @ (Token::Object | Token::Array)) => {
                self.held = 0;
                let (value, placed) = self.hold(&token, at)?;
                self.check(schema, watch.as_ref(), &value, &placed);
            }
            (None, Token::Object) => {
                self.object(None, at)?;
            }
            (None, Token::Array) => {
                self.array(None, at)?;
            }
            (None, Token::String | Token::Number(_) | Token::Bool(_) | Token::Null) => {}
            (Some(Node::Object(object)), Token::Object) => {
                self.object(Some(object), at)?;
            }
            (Some(Node::Array(array)), Token::Array) => {
                self.array(Some(array), at)?;
            }
            (Some(node), Token::Object) => {
                let members = self.object(None, at)?;
                self.wrong_kind(node, "object", members, at);
            }
            (Some(node), Token::Array) => {
                let items = self.array(None, at)?;
                self.wrong_kind(node, "array", items, at);
            }
            // A scalar, checked against the schema whole whichever node governs it.
            (Some(node), Token::String) => {
                let value = Value::String(self.reader.text().to_owned());
                self.check(node.whole(), node.watch(), &value, &Placed::Leaf(at));
            }
            (Some(node), scalar) => {
                let value = scalar.scalar().unwrap_or_default();
                self.check(node.whole(), node.watch(), &value, &Placed::Leaf(at));
            }
        }
        Ok(())
    }

    /// Walks an object after its `{`, each member against its node of `object`; the number of
    /// distinct members.
    fn object(&mut self, object: Option<&ObjectNode>, at: Position) -> Result<usize, Stop> {
        let depth = self.pointer.len();
        self.names.open();
        // The first DECLARED members are told apart by a bit each, and where each starts is
        // kept in `declared_at`: cheaper than the arena of names for the members a schema
        // expects, which are nearly all of them.
        let declared = object.map_or(0, |object| object.members.len().min(DECLARED));
        let base = self.declared_at.len();
        self.declared_at.resize(base + declared, Position::default());
        let mut shown: u64 = 0;
        let mut seen = Seen::new(object.map_or(0, |object| object.required));
        let mut others = false;
        let mut first = true;
        while let Some(name_at) = self.reader.next_member(first)? {
            first = false;
            let name = self.reader.text();
            let index =
                object.and_then(|object| object.members.iter().position(|(declared, _)| declared == name));
            let node = match (object, index) {
                (Some(object), Some(index)) => {
                    let member = &object.members[index].1;
                    if let Some(index) = member.required {
                        seen.set(index);
                    }
                    member.node
                }
                (Some(object), None) => {
                    others |= object.forbids_others;
                    object.additional
                }
                (None, _) => None,
            };
            pointer::push(&mut self.pointer, name);
            let (token, value_at) = match (object, index) {
                (Some(object), Some(index)) if index < DECLARED => {
                    let (token, value_at) = self.reader.value(node.is_some())?;
                    let slot = base + index;
                    if shown & (1 << index) == 0 {
                        shown |= 1 << index;
                        self.declared_at[slot] = value_at;
                    } else {
                        let first = self.declared_at[slot];
                        self.repeated(&object.members[index].0, first, value_at);
                    }
                    self.advanced();
                    (token, value_at)
                }
                _ => self.member(node.is_some(), name_at)?,
            };
            self.value(node, token, value_at)?;
            self.pointer.truncate(depth);
        }
        self.declared_at.truncate(base);
        if let Some(object) = object
            && let Some(shape) = &object.shape
            && (others || !seen.all())
        {
            let declared = object.members.iter().take(DECLARED).enumerate();
            let names: Map<String, Value> = declared
                .filter(|(index, _)| shown & (1 << index) != 0)
                .map(|(_, (name, _))| name.as_str())
                .chain(self.names.current())
                .map(|name| (name.to_owned(), Value::Null))
                .collect();
            self.check(shape, None, &Value::Object(names), &Placed::Leaf(at));
        }
        let distinct = self.names.distinct() + shown.count_ones() as usize;
        self.names.close();
        Ok(distinct)
    }

    /// After a member's name (in the reader's text, its pointer pushed): records the name,
    /// reports it if the object has it already, and reads the first token of its value.
    fn member(&mut self, keep: bool, name_at: Position) -> Result<(Token, Position), Stop> {
        let (entry, earlier) = self.names.insert(self.reader.text());
        let (token, at) = self.reader.value(keep)?;
        self.names.set_at(entry, at);
        if let Some(first) = earlier {
            let name = self.names.name(entry).to_owned();
            self.repeated(&name, self.names.at(first), at);
        }
        if self.names.bytes() > HELD {
            return Err(Stop::TooLarge {
                at: name_at,
                what: "the member names of the objects open here".into(),
            });
        }
        self.advanced();
        Ok((token, at))
    }

    /// Reports member `name`, whose value starts `at`, given before at `first`.
    fn repeated(&mut self, name: &str, first: Position, at: Position) {
        let name = Value::from(name).to_string();
        self.emit(
            Violation {
                pointer: self.pointer.clone(),
                message: format!("member {name} is repeated; RFC 8259 leaves its meaning undefined"),
                keyword: "duplicate-name".to_owned(),
                rule: String::new(),
                expected: "member names unique within an object (RFC 8259 leaves the meaning of a \
                           repeated name undefined)"
                    .to_owned(),
                found: format!("{name} again, first at {}:{}", first.line, first.column),
            },
            at,
        );
    }

    /// Walks an array after its `[`, each item against the node of `array`'s items; the
    /// number of items.
    fn array(&mut self, array: Option<&ArrayNode>, at: Position) -> Result<usize, Stop> {
        let depth = self.pointer.len();
        let items = array.and_then(|array| array.items);
        let mut count: usize = 0;
        while self.reader.next_item(count == 0)? {
            let _ = write!(self.pointer, "/{count}");
            let (token, item_at) = self.reader.value(items.is_some())?;
            self.value(items, token, item_at)?;
            self.pointer.truncate(depth);
            count += 1;
            self.advanced();
        }
        let Some(array) = array else { return Ok(count) };
        let (keyword, broken) = match (array.min_items, array.max_items) {
            (Some(min), _) if (count as u64) < min => ("minItems", format!("at least {min} items")),
            (_, Some(max)) if count as u64 > max => ("maxItems", format!("at most {max} items")),
            _ => return Ok(count),
        };
        let found = cloudspec_schema::words::count(count, "item");
        let violation = Violation {
            pointer: self.pointer.clone(),
            message: format!("the array has {found}: expected {broken}"),
            keyword: keyword.to_owned(),
            rule: format!("{}/{keyword}", array.pointer),
            expected: broken,
            found,
        };
        self.emit(violation, at);
        Ok(count)
    }

    /// A container of `kind` (with `count` members or items) where `node` walks the other
    /// kind: its schema's `type` fails, and nothing else of it applies to this kind.
    fn wrong_kind(&mut self, node: &Node, kind: &str, count: usize, at: Position) {
        let (expected, schema) = match node {
            Node::Object(object) => ("object", &object.pointer),
            Node::Array(array) => ("array", &array.pointer),
            Node::Whole(..) => unreachable!("a value under a schema checked whole is held"),
        };
        let found = match (kind, count) {
            ("object", 0) => "{}".to_owned(),
            (_, 0) => "[]".to_owned(),
            ("object", _) => format!("an object of {}", cloudspec_schema::words::count(count, "property")),
            _ => format!("an array of {}", cloudspec_schema::words::count(count, "item")),
        };
        let violation = Violation {
            pointer: self.pointer.clone(),
            message: format!("{found} is not of type \"{expected}\""),
            keyword: "type".to_owned(),
            rule: format!("{schema}/type"),
            expected: format!("type {expected}"),
            found,
        };
        self.emit(violation, at);
    }

    /// Reads the value that starts with `token` whole, and where each of its parts starts.
    fn hold(&mut self, token: &Token, at: Position) -> Result<(Value, Placed), Stop> {
        self.charge(NODE_COST, at)?;
        Ok(match token {
            Token::String => {
                let text = self.reader.text().to_owned();
                self.charge(text.len(), at)?;
                (Value::String(text), Placed::Leaf(at))
            }
            Token::Number(_) | Token::Bool(_) | Token::Null => {
                (token.scalar().unwrap_or_default(), Placed::Leaf(at))
            }
            Token::Array => {
                let depth = self.pointer.len();
                let (mut items, mut item_places) = (Vec::new(), Vec::new());
                while self.reader.next_item(items.is_empty())? {
                    let _ = write!(self.pointer, "/{}", items.len());
                    let (token, item_at) = self.reader.value(true)?;
                    let (item, placed) = self.hold(&token, item_at)?;
                    items.push(item);
                    item_places.push(placed);
                    self.pointer.truncate(depth);
                }
                (Value::Array(items), Placed::Array(at, item_places))
            }
            Token::Object => {
                let depth = self.pointer.len();
                let (mut members, mut member_places) = (Map::new(), Vec::new());
                self.names.open();
                let mut first = true;
                while let Some(name_at) = self.reader.next_member(first)? {
                    first = false;
                    let name = self.reader.text().to_owned();
                    self.charge(name.len(), at)?;
                    pointer::push(&mut self.pointer, &name);
                    let (token, value_at) = self.member(true, name_at)?;
                    let (member, placed) = self.hold(&token, value_at)?;
                    members.insert(name.clone(), member);
                    member_places.push((name, placed));
                    self.pointer.truncate(depth);
                }
                self.names.close();
                (Value::Object(members), Placed::Object(at, member_places))
            }
        })
    }

    fn charge(&mut self, bytes: usize, at: Position) -> Result<(), Stop> {
        self.held += bytes;
        if self.held > HELD {
            return Err(Stop::TooLarge { at, what: "the value its schema checks whole".into() });
        }
        Ok(())
    }

    /// Checks a value held whole against `schema`, and looks in it for values off an open
    /// enum's list if `watch` says the schema reaches one; each finding is placed where its
    /// value starts, in the order of the capture (a violation before a notice of one value).
    fn check(&mut self, schema: &BodySchema, watch: Option<&Watch>, value: &Value, placed: &Placed) {
        let valid = schema.is_valid(value);
        let mut notices = Vec::new();
        if let Some(watch) = watch {
            watch.check(&self.plan.document, value, &self.pointer, &mut notices);
        }
        if valid && notices.is_empty() {
            return;
        }
        let violations = if valid { Vec::new() } else { schema.violations_at(&self.pointer, value) };
        let place =
            |pointer: &str| placed.find(pointer.strip_prefix(self.pointer.as_str()).unwrap_or_default());
        let mut found: Vec<(Position, Finding)> = violations
            .into_iter()
            .map(|violation| {
                let at = place(&violation.pointer);
                (at, Finding::Violation(Located { violation, line: at.line, column: at.column }))
            })
            .chain(notices.into_iter().map(|notice| {
                let at = place(&notice.pointer);
                (at, Finding::Notice(Noted { notice, line: at.line, column: at.column }))
            }))
            .collect();
        found.sort_by_key(|(at, _)| at.offset);
        for (_, finding) in found {
            self.hand_on(finding);
        }
    }

    fn emit(&mut self, violation: Violation, at: Position) {
        self.hand_on(Finding::Violation(Located { violation, line: at.line, column: at.column }));
    }

    fn hand_on(&mut self, finding: Finding) {
        match &finding {
            Finding::Violation(_) => self.counts.violations += 1,
            Finding::Notice(_) => self.counts.notices += 1,
        }
        (self.sink)(finding);
    }

    fn advanced(&mut self) {
        let offset = self.reader.offset();
        if offset >= self.next_report {
            self.next_report = offset + REPORT_EVERY;
            (self.progress)(offset);
        }
    }
}

/// Which required members an object has shown: a bit each, in a word when they are few.
enum Seen {
    Few { bits: u64, all: u64 },
    Many(Vec<bool>),
}

impl Seen {
    fn new(required: usize) -> Self {
        if required <= 64 {
            Self::Few {
                bits: 0,
                all: u64::MAX.checked_shr(64 - u32::try_from(required).unwrap_or(64)).unwrap_or(0),
            }
        } else {
            Self::Many(vec![false; required])
        }
    }

    fn set(&mut self, index: usize) {
        match self {
            Self::Few { bits, .. } => *bits |= 1 << index,
            Self::Many(seen) => seen[index] = true,
        }
    }

    fn all(&self) -> bool {
        match self {
            Self::Few { bits, all } => bits == all,
            Self::Many(seen) => !seen.contains(&false),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use cloudspec_schema::validate::Schemas;

    /// A value off an open enum's list is noticed wherever the walk meets it: a scalar whose
    /// schema is the list ([`Watch::Leaf`]), one it reaches through a nullable `oneOf`, and one
    /// inside a value held whole; each at its place, in the order of the capture, among the
    /// violations.
    #[test]
    fn notices_are_handed_on_where_their_values_are_read() {
        let document = json!({ "components": { "schemas": {
            "Os": { "type": "string", "x-extensible-enum": ["Linux", "Windows"] },
            "Body": { "type": "object", "properties": {
                "os": { "$ref": "#/components/schemas/Os" },
                "old_os": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Os" }] },
                "image": { "allOf": [{ "type": "object", "properties": {
                    "size": { "type": "integer" },
                    "os": { "$ref": "#/components/schemas/Os" },
                } }] },
            } },
        } } });
        let schemas = Schemas::new(document).expect("the schemas compile");
        let plan = Plan::new(&schemas, "/components/schemas/Body").expect("the plan builds");
        let text = "{\"os\": \"Android\",\n \"old_os\": \"HarmonyOS\",\n \"image\": {\"size\": \
            \"big\", \"os\": \"Tizen\"}}";
        let mut found = Vec::new();
        let counts = plan
            .check(
                text.as_bytes(),
                &mut |finding| {
                    found.push(match finding {
                        Finding::Violation(item) => {
                            ("violation", item.line, item.column, item.violation.pointer)
                        }
                        Finding::Notice(item) => ("notice", item.line, item.column, item.notice.pointer),
                    });
                },
                &mut |_| {},
            )
            .expect("the capture is JSON");
        let found: Vec<(&str, usize, usize, &str)> =
            found.iter().map(|(kind, line, column, at)| (*kind, *line, *column, at.as_str())).collect();
        assert_eq!(
            found,
            [
                ("notice", 1, 8, "/os"),
                ("notice", 2, 12, "/old_os"),
                ("violation", 3, 20, "/image/size"),
                ("notice", 3, 33, "/image/os"),
            ]
        );
        assert_eq!(counts, Counts { violations: 1, notices: 3 });
    }
}
