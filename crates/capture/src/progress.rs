//! A progress line on standard error while a large capture is read and validated. It
//! appears only once the work has taken a second, so that small files print nothing.
//! Validation runs as the capture is read, so the two are one phase.

use std::io::Write;
use std::time::{Duration, Instant};

/// Hears how far the work on one capture has come.
pub trait Progress {
    /// Work on `name` begins; `total` is its size in bytes when known.
    fn begin(&mut self, name: &str, total: Option<u64>);
    /// `done` bytes of the capture are read and validated.
    fn update(&mut self, done: u64);
    /// The work on the capture is over; anything shown is cleared.
    fn end(&mut self);
}

/// Shows nothing: for output that is not a terminal.
#[derive(Debug, Default)]
pub struct Silent;

impl Progress for Silent {
    fn begin(&mut self, _name: &str, _total: Option<u64>) {}
    fn update(&mut self, _done: u64) {}
    fn end(&mut self) {}
}

/// A line rewritten in place on a terminal: `Validating big.json  42% (210 of 500 MB)`.
#[derive(Debug)]
pub struct Meter<W: Write> {
    out: W,
    name: String,
    total: Option<u64>,
    started: Instant,
    shown: Option<Instant>,
}

/// How long the work runs before the meter shows, and how often it redraws then.
const DELAY: Duration = Duration::from_secs(1);
const REDRAW: Duration = Duration::from_millis(100);

impl<W: Write> Meter<W> {
    pub fn new(out: W) -> Self {
        Self { out, name: String::new(), total: None, started: Instant::now(), shown: None }
    }
}

impl<W: Write> Progress for Meter<W> {
    fn begin(&mut self, name: &str, total: Option<u64>) {
        name.clone_into(&mut self.name);
        self.total = total;
        self.started = Instant::now();
        self.shown = None;
    }

    fn update(&mut self, done: u64) {
        let now = Instant::now();
        if now.duration_since(self.started) < DELAY
            || self.shown.is_some_and(|shown| now.duration_since(shown) < REDRAW)
        {
            return;
        }
        self.shown = Some(now);
        let megabytes = |bytes: u64| bytes / 1_000_000;
        let amount = match self.total {
            Some(total) if total > 0 => {
                format!(
                    "{:>3}% ({} of {} MB)",
                    done.saturating_mul(100) / total,
                    megabytes(done),
                    megabytes(total)
                )
            }
            _ => format!("{} MB", megabytes(done)),
        };
        let _ = write!(self.out, "\r\x1b[2K{:>12} {}  {amount}", "Validating", self.name);
        let _ = self.out.flush();
    }

    fn end(&mut self) {
        if self.shown.take().is_some() {
            let _ = write!(self.out, "\r\x1b[2K");
            let _ = self.out.flush();
        }
    }
}
