//! Where a capture comes from, and reading all of it into memory once: the parser borrows
//! from those bytes, and the positions of violations are found in them afterwards.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::capture::progress::{Phase, Progress};
use crate::json::JsonFileError;

/// A capture to check: a file, or standard input (`-` on the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// `-` is standard input, as in most command-line tools; anything else a file.
    pub fn from_arg(arg: impl Into<PathBuf>) -> Self {
        let path = arg.into();
        if path.as_os_str() == "-" { Self::Stdin } else { Self::File(path) }
    }

    /// The name messages give it: the path as given, or `<stdin>`.
    pub fn path(&self) -> &Path {
        match self {
            Self::File(path) => path,
            Self::Stdin => Path::new("<stdin>"),
        }
    }
}

/// How much is read at a time, so that progress can be shown while a large file loads.
const CHUNK: usize = 8 << 20;

/// Every byte of `source`.
pub fn read(source: &Source, progress: &mut dyn Progress) -> Result<Vec<u8>, JsonFileError> {
    let path = source.path();
    let error = |source| JsonFileError::Read { path: path.to_owned(), source };
    match source {
        Source::Stdin => {
            progress.begin(&path.display().to_string(), None);
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes).map_err(error)?;
            Ok(bytes)
        }
        Source::File(file_path) => {
            let mut file = std::fs::File::open(file_path).map_err(error)?;
            let size = file.metadata().map_err(error)?.len();
            progress.begin(&path.display().to_string(), Some(size));
            // One byte more than the size, so that a file that grew meanwhile does not
            // make the vector double.
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
            loop {
                let read = (&mut file).take(CHUNK as u64).read_to_end(&mut bytes).map_err(error)?;
                if read == 0 {
                    return Ok(bytes);
                }
                progress.update(Phase::Reading, bytes.len() as u64);
            }
        }
    }
}
