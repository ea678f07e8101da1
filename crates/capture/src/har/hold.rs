//! A body's text held for later, in bounded memory: what fits in [`MEMORY`] stays in memory,
//! a longer text is spilled to an anonymous temporary file (deleted when it is closed), as web
//! servers spool large request bodies. A text of any size is held in the same few megabytes.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read, Seek, Write};

/// The most of a held text kept in memory; beyond it, the text goes to a temporary file.
pub const MEMORY: usize = 4 << 20;

/// A text held, or why it could not be (the file could not be written).
#[derive(Debug, Default)]
pub struct Hold {
    memory: Vec<u8>,
    file: Option<File>,
    /// How much memory holds before the text goes to a file.
    limit: usize,
    length: u64,
    failed: Option<String>,
}

impl Hold {
    /// An empty hold keeping up to `limit` bytes in memory.
    pub fn new(limit: usize) -> Self {
        Self { limit, ..Self::default() }
    }

    /// The length of the text held, in bytes.
    pub fn len(&self) -> u64 {
        self.length
    }

    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Adds `bytes` to the text. A file that cannot be written is remembered, and what
    /// follows is only counted: the text is then not held, and [`Self::reader`] says why.
    pub fn write(&mut self, bytes: &[u8]) {
        self.length += bytes.len() as u64;
        if self.failed.is_some() {
            return;
        }
        if self.file.is_none() && self.memory.len() + bytes.len() <= self.limit {
            self.memory.extend_from_slice(bytes);
            return;
        }
        if let Err(error) = self.spill(bytes) {
            self.failed = Some(format!("cannot hold the body in a temporary file: {error}"));
            self.memory = Vec::new();
            self.file = None;
        }
    }

    fn spill(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() {
            let mut file = tempfile::tempfile()?;
            file.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        self.file.as_mut().map_or(Ok(()), |file| file.write_all(bytes))
    }

    /// The text held, from its start; or why it could not be held.
    pub fn reader(self) -> Result<Held, String> {
        if let Some(reason) = self.failed {
            return Err(reason);
        }
        let file = match self.file {
            Some(mut file) => {
                file.rewind()
                    .map_err(|error| format!("cannot read the body held in a temporary file: {error}"))?;
                Some(BufReader::with_capacity(64 << 10, file))
            }
            None => None,
        };
        Ok(Held { memory: Cursor::new(self.memory), file })
    }
}

/// A held text being read back.
#[derive(Debug)]
pub struct Held {
    memory: Cursor<Vec<u8>>,
    file: Option<BufReader<File>>,
}

impl Read for Held {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        match self.memory.read(out)? {
            0 => self.file.as_mut().map_or(Ok(0), |file| file.read(out)),
            read => Ok(read),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_the_memory_is_held_in_a_file_and_read_back_whole() {
        for limit in [0, 3, 10, 1000] {
            let mut hold = Hold::new(limit);
            let pieces = ["abc", "", "defgh", "ijklmnopqrstuvwxyz"];
            for piece in pieces {
                hold.write(piece.as_bytes());
            }
            assert_eq!(hold.len(), 26);
            assert_eq!(hold.file.is_some(), limit < 26, "limit {limit}");
            let mut text = String::new();
            hold.reader().expect("held").read_to_string(&mut text).expect("read back");
            assert_eq!(text, pieces.concat(), "limit {limit}");
        }
    }
}
