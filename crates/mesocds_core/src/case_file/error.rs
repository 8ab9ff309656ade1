//! The errors of reading and writing case files.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{FORMAT, MAX_FILE_BYTES, MAX_NESTING};

/// What went wrong with a case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseFileErrorKind {
    /// Reading or writing failed.
    Io(String),
    /// The file is empty.
    Empty,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    NotText,
    /// The path is not a regular file (a folder, a named pipe, a device or a socket); it was not
    /// read.
    NotAFile {
        /// What it is, e.g. "a named pipe (FIFO)".
        what: &'static str,
    },
    /// The lines end with a carriage return alone (old Mac OS line endings), which RON does not
    /// read as line ends.
    CarriageReturnsOnly,
    /// The case is too large to save: the file would exceed [`MAX_FILE_BYTES`]. Nothing was
    /// written.
    TooLargeToSave {
        /// The size the file would have.
        bytes: u64,
    },
    /// The case as written would not load again (a defect); nothing was written.
    WouldNotReload(String),
    /// Brackets nest deeper than [`MAX_NESTING`].
    TooDeep {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// The file is not a MesoCDS case file.
    Foreign(String),
    /// The RON is malformed, truncated, or has an unknown field or an out-of-range value.
    Parse {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The file was written by a newer MesoCDS.
    Newer {
        /// Its format.
        found: u32,
    },
    /// The format number is not one MesoCDS ever wrote.
    UnknownFormat {
        /// Its format.
        found: u32,
    },
    /// An older-format file holds a field that only a later format has.
    FieldOfNewerFormat {
        /// The field, e.g. `disease.diagnosed`.
        field: &'static str,
        /// The format the file declares.
        format: u32,
    },
    /// The case could not be serialized.
    Serialize(String),
}

/// A case file that could not be read or written, with the file it concerns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct CaseFileError {
    /// The file, when known.
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub kind: CaseFileErrorKind,
}

impl CaseFileError {
    pub(super) fn new(kind: CaseFileErrorKind) -> Self {
        Self { path: None, kind }
    }

    pub(super) fn at(self, path: &Path) -> Self {
        self.with_path(path)
    }

    /// The error, naming `path` (for errors from [`super::from_bytes`] or [`super::from_ron`]).
    #[must_use]
    pub fn with_path(mut self, path: &Path) -> Self {
        self.path = Some(path.to_owned());
        self
    }

    /// The message without the file name.
    pub fn kind_message(&self) -> String {
        let mut e = self.clone();
        e.path = None;
        let shown = e.to_string();
        shown
            .strip_prefix("case file: ")
            .map_or(shown.clone(), str::to_owned)
    }

    /// Line and column, where the error has a position.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.kind {
            CaseFileErrorKind::Parse { line, column, .. }
            | CaseFileErrorKind::TooDeep { line, column } => Some((line, column)),
            _ => None,
        }
    }
}

impl fmt::Display for CaseFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: ", p.display())?,
            None => f.write_str("case file: ")?,
        }
        match &self.kind {
            CaseFileErrorKind::Io(e) => write!(f, "{e}"),
            CaseFileErrorKind::Empty => {
                f.write_str("the file is empty; it is not a MesoCDS case file")
            }
            CaseFileErrorKind::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; a case file is at most {MAX_FILE_BYTES} bytes"
            ),
            CaseFileErrorKind::NotText => {
                f.write_str("the file is not UTF-8 text; it is not a MesoCDS case file")
            }
            CaseFileErrorKind::NotAFile { what } => {
                write!(f, "this is {what}, not a regular file; it was not read")
            }
            CaseFileErrorKind::CarriageReturnsOnly => f.write_str(
                "the lines end with a carriage return alone (old Mac OS line endings); convert \
                 the file to LF or CRLF line endings (e.g. `tr '\\r' '\\n'`) and open it again",
            ),
            CaseFileErrorKind::TooLargeToSave { bytes } => write!(
                f,
                "not saved: the case would make a file of {bytes} bytes, and MesoCDS opens case \
                 files of at most {MAX_FILE_BYTES} bytes; shorten the notes or the label"
            ),
            CaseFileErrorKind::WouldNotReload(e) => write!(
                f,
                "not saved: the case as written would not open again ({e}); this is a defect \
                 of MesoCDS, please report it"
            ),
            CaseFileErrorKind::TooDeep { line, column } => write!(
                f,
                "line {line}, column {column}: brackets nest deeper than {MAX_NESTING} levels; \
                 this is not a MesoCDS case file"
            ),
            CaseFileErrorKind::Foreign(detail) => {
                write!(f, "not a MesoCDS case file ({detail})")
            }
            CaseFileErrorKind::Parse {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            CaseFileErrorKind::Newer { found } => write!(
                f,
                "the file has case-file format {found}, written by a newer MesoCDS; this version \
                 reads formats up to {FORMAT}. Update MesoCDS to open it."
            ),
            CaseFileErrorKind::UnknownFormat { found } => write!(
                f,
                "case-file format {found} is not a format MesoCDS has written (known: 1 to {FORMAT})"
            ),
            CaseFileErrorKind::FieldOfNewerFormat { field, format } => write!(
                f,
                "the file says case-file format {format}, but it holds `{field}`, a field of \
                 format {FORMAT}; correct the format number or remove the field"
            ),
            CaseFileErrorKind::Serialize(e) => write!(f, "could not write the case: {e}"),
        }
    }
}
