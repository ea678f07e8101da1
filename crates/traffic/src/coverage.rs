//! Which operations and statuses a session exercised, against those documented: what a
//! reviewer reads to see what the captured traffic proves and what it leaves untested.
//!
//! Only the operations an entry reached are reported: a session exercises a few operations
//! of a catalog that may hold a thousand, and a row for each of the others would say nothing
//! of the session (`cargo xtask list` names the catalog).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::routes::Routes;

/// One operation and status: documented or not, and how many entries answered with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub operation: String,
    /// The status as declared (`200`, `4XX`, `default`) or as seen when undeclared.
    pub status: String,
    pub documented: bool,
    pub seen: usize,
}

/// Every operation's documented statuses, and the statuses seen.
#[derive(Debug, Default)]
pub struct Coverage {
    /// By operation, then by status: documented, and how often seen.
    cells: BTreeMap<String, BTreeMap<String, (bool, usize)>>,
}

impl Coverage {
    /// Every documented status of every operation, none seen yet.
    pub fn new(routes: &Routes) -> Self {
        let mut cells: BTreeMap<String, BTreeMap<String, (bool, usize)>> = BTreeMap::new();
        for (operation, statuses) in routes.documented() {
            let row = cells.entry(operation.to_owned()).or_default();
            for status in statuses {
                row.insert(status.to_owned(), (true, 0));
            }
        }
        Self { cells }
    }

    /// An entry of `operation` answered with the status declared as `status` (or undeclared).
    pub fn seen(&mut self, operation: &str, status: &str) {
        self.cells
            .entry(operation.to_owned())
            .or_default()
            .entry(status.to_owned())
            .or_insert((false, 0))
            .1 += 1;
    }

    /// The operations an entry answered, each with its statuses.
    fn reached(&self) -> impl Iterator<Item = (&String, &BTreeMap<String, (bool, usize)>)> {
        self.cells.iter().filter(|(_, statuses)| statuses.values().any(|&(_, seen)| seen > 0))
    }

    /// Every cell of the operations reached, by operation and status.
    pub fn rows(&self) -> Vec<Row> {
        self.reached()
            .flat_map(|(operation, statuses)| {
                statuses.iter().map(|(status, &(documented, seen))| Row {
                    operation: operation.clone(),
                    status: status.clone(),
                    documented,
                    seen,
                })
            })
            .collect()
    }

    /// Per operation reached: the statuses seen (with how often), those documented and not
    /// seen, and those seen but undeclared.
    pub fn lines(&self) -> Vec<(String, String)> {
        self.reached()
            .map(|(operation, statuses)| {
                let seen: Vec<String> = statuses
                    .iter()
                    .filter(|(_, (documented, seen))| *documented && *seen > 0)
                    .map(|(status, (_, seen))| format!("{status} ×{seen}"))
                    .collect();
                let unseen: Vec<&str> = statuses
                    .iter()
                    .filter(|(_, (documented, seen))| *documented && *seen == 0)
                    .map(|(status, _)| status.as_str())
                    .collect();
                let undeclared: Vec<String> = statuses
                    .iter()
                    .filter(|(_, (documented, _))| !documented)
                    .map(|(status, (_, seen))| format!("{status} ×{seen}"))
                    .collect();
                let mut parts = vec![format!("seen {}", list(&seen))];
                parts.push(format!("not seen {}", list(&unseen)));
                if !undeclared.is_empty() {
                    parts.push(format!("undeclared {}", undeclared.join(", ")));
                }
                (operation.clone(), parts.join("; "))
            })
            .collect()
    }
}

fn list<T: AsRef<str>>(items: &[T]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ")
    }
}
