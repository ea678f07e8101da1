//! Where a capture comes from, opened as a stream: a file or standard input is read a
//! buffer at a time while it is checked, never whole.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::progress::Progress;
use cloudspec_schema::json::JsonFileError;

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

/// Opens `source` for reading, and tells `progress` its size when it has one.
pub fn open(source: &Source, progress: &mut dyn Progress) -> Result<Box<dyn Read>, JsonFileError> {
    let path = source.path();
    let error = |source| JsonFileError::Read { path: path.to_owned(), source };
    match source {
        Source::Stdin => {
            progress.begin(&path.display().to_string(), None);
            Ok(Box::new(std::io::stdin().lock()))
        }
        Source::File(file_path) => {
            let file = std::fs::File::open(file_path).map_err(error)?;
            let size = file.metadata().map_err(error)?.len();
            progress.begin(&path.display().to_string(), Some(size).filter(|&size| size > 0));
            Ok(Box::new(file))
        }
    }
}
