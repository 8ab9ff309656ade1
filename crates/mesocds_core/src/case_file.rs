//! The case-file format: readable RON with a format version, written atomically.
//!
//! A case file holds only what the clinician entered ([`Case`]), wrapped with the format version
//! and the app and content versions it was saved with:
//!
//! ```text
//! // MesoCDS case file. It holds patient data: keep it private.
//! MesoCdsCase(
//!     format: 1,
//!     saved_with: (app_version: "0.1.0", content: "…"),
//!     case: ( … ),
//! )
//! ```
//!
//! Loading reads the `format` first and dispatches on it: the current format is parsed strictly
//! (unknown fields are errors), an older format would be parsed with its own types and migrated
//! (there is none yet: format 1 is the first), and a newer one is refused. Empty, non-text,
//! foreign, truncated, deeply nested and oversized files are refused with a message naming the
//! file and, where it applies, the line and column. Nothing here panics on input.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::case::Case;

/// The format this build writes.
pub const FORMAT: u32 = 1;
/// The largest case file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The deepest bracket nesting accepted.
pub const MAX_NESTING: usize = 32;
/// The name of the top-level RON struct.
pub const STRUCT_NAME: &str = "MesoCdsCase";

const HEADER_COMMENT: &str = "// MesoCDS case file. It holds patient data: keep it private.\n";

/// The versions a file was saved with.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedWith {
    /// The app version that saved it.
    pub app_version: String,
    /// The clinical content version in force when it was saved.
    pub content: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "MesoCdsCase", deny_unknown_fields)]
struct CaseFileV1 {
    format: u32,
    saved_with: SavedWith,
    case: Case,
}

#[derive(serde::Serialize)]
#[serde(rename = "MesoCdsCase")]
struct CaseFileV1Ref<'a> {
    format: u32,
    saved_with: &'a SavedWith,
    case: &'a Case,
}

/// Only the format, read before anything else (other fields are skipped).
#[derive(serde::Deserialize)]
#[serde(rename = "MesoCdsCase")]
struct Header {
    format: u32,
}

/// A case read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedCase {
    /// The case.
    pub case: Case,
    /// The versions it was saved with.
    pub saved_with: SavedWith,
    /// The format it was read from, if older than [`FORMAT`] (it was migrated).
    pub migrated_from: Option<u32>,
}

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
    fn new(kind: CaseFileErrorKind) -> Self {
        Self { path: None, kind }
    }

    fn at(mut self, path: &Path) -> Self {
        self.path = Some(path.to_owned());
        self
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
            CaseFileErrorKind::Serialize(e) => write!(f, "could not write the case: {e}"),
        }
    }
}

/// Where the bracket depth first exceeds [`MAX_NESTING`], skipping strings and comments.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    scan_brackets(text).too_deep
}

/// What a scan of the brackets finds, skipping strings and `//` comments.
struct BracketScan {
    /// Where the depth first exceeds [`MAX_NESTING`].
    too_deep: Option<(usize, usize)>,
    /// The text ends inside a string or with brackets still open: the mark of a file cut short.
    open_at_end: bool,
}

fn scan_brackets(text: &str) -> BracketScan {
    let mut deep = None;
    let (mut depth, mut line, mut col) = (0usize, 1usize, 0usize);
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            line += 1;
            col = 0;
            continue;
        }
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                    col += 1;
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        col = 0;
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING && deep.is_none() {
                    deep = Some((line, col));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    BracketScan {
        too_deep: deep,
        open_at_end: in_string || depth > 0,
    }
}

/// `text` is the whole file when the error may come from a file cut short, `None` otherwise.
fn parse_error(e: &ron::error::SpannedError, text: Option<&str>) -> CaseFileErrorKind {
    // A file cut short rarely fails with `Eof`: ron reports the token where the text stops
    // ("Expected comma", "Expected end of string"). An error on the last line of a text that
    // ends with brackets or a string still open is the same truncation.
    let cut_short = text.is_some_and(|t| {
        e.span.start.line >= t.trim_end().lines().count() && scan_brackets(t).open_at_end
    });
    let message = match &e.code {
        ron::Error::Eof => "unexpected end of file: the file looks truncated".to_owned(),
        other if cut_short => {
            format!("unexpected end of file: the file looks truncated ({other})")
        }
        other => other.to_string(),
    };
    CaseFileErrorKind::Parse {
        line: e.span.start.line,
        column: e.span.start.col,
        message,
    }
}

/// Skips whitespace and `//` or `/* */` comments at the start of `text`.
fn skip_trivia(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            text = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            text = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return trimmed;
        }
    }
}

/// Reads a case from case-file text.
///
/// # Errors
/// [`CaseFileError`] (without a path) for every kind of bad input; see the module docs.
pub fn from_ron(text: &str) -> Result<LoadedCase, CaseFileError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLarge {
            bytes: text.len() as u64,
        }));
    }
    // A byte-order mark (some editors write one) is not part of the RON text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = skip_trivia(text);
    if body.is_empty() {
        return Err(CaseFileError::new(CaseFileErrorKind::Empty));
    }
    if !body.starts_with(STRUCT_NAME) {
        let first: String = body.chars().take(24).collect();
        let detail = if body.starts_with('{') || body.starts_with('[') {
            "it looks like JSON or another format".to_owned()
        } else {
            format!("it starts with {first:?}, not {STRUCT_NAME}(")
        };
        return Err(CaseFileError::new(CaseFileErrorKind::Foreign(detail)));
    }
    if let Some((line, column)) = too_deep(text) {
        return Err(CaseFileError::new(CaseFileErrorKind::TooDeep {
            line,
            column,
        }));
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING + 8);
    // The header parse reads the whole file's syntax, so a file cut short fails here.
    let header: Header = options
        .from_str(text)
        .map_err(|e| CaseFileError::new(parse_error(&e, Some(text))))?;
    match header.format {
        FORMAT => {
            let file: CaseFileV1 = options
                .from_str(text)
                .map_err(|e| CaseFileError::new(parse_error(&e, None)))?;
            Ok(LoadedCase {
                case: file.case,
                saved_with: file.saved_with,
                migrated_from: None,
            })
        }
        found if found > FORMAT => Err(CaseFileError::new(CaseFileErrorKind::Newer { found })),
        found => Err(CaseFileError::new(CaseFileErrorKind::UnknownFormat {
            found,
        })),
    }
}

/// Writes a case as case-file text, stamped with the app and content versions.
///
/// # Errors
/// [`CaseFileErrorKind::Serialize`] if RON serialization fails.
pub fn to_ron(case: &Case, saved_with: &SavedWith) -> Result<String, CaseFileError> {
    let file = CaseFileV1Ref {
        format: FORMAT,
        saved_with,
        case,
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| CaseFileError::new(CaseFileErrorKind::Serialize(e.to_string())))?;
    Ok(format!("{HEADER_COMMENT}{STRUCT_NAME}{body}\n"))
}

/// Reads a case file from disk.
///
/// # Errors
/// [`CaseFileError`] naming `path`, and the line and column where they apply.
pub fn load(path: &Path) -> Result<LoadedCase, CaseFileError> {
    let io = |e: std::io::Error| CaseFileError::new(CaseFileErrorKind::Io(e.to_string())).at(path);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(
            CaseFileError::new(CaseFileErrorKind::Io("not a regular file".to_owned())).at(path),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLarge { bytes: meta.len() }).at(path));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CaseFileError::new(CaseFileErrorKind::NotText).at(path))?;
    from_ron(&text).map_err(|e| e.at(path))
}

/// Saves a case atomically: a temporary file in the same folder, flushed to disk, then renamed
/// over `path`. A failed save leaves an existing file untouched. New files are readable by their
/// owner only (they hold patient data); an existing file keeps its permissions.
///
/// # Errors
/// [`CaseFileError`] naming `path`.
pub fn save(path: &Path, case: &Case, saved_with: &SavedWith) -> Result<(), CaseFileError> {
    let text = to_ron(case, saved_with).map_err(|e| e.at(path))?;
    write_atomic(path, text.as_bytes())
        .map_err(|e| CaseFileError::new(CaseFileErrorKind::Io(e.to_string())).at(path))
}

/// Writes `bytes` to `path` atomically (temporary file in the same folder, fsync, rename).
///
/// New files get owner-only permissions on Unix; an existing file keeps its permissions.
///
/// # Errors
/// The I/O error; the temporary file is removed and `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path has no file name"))?
        .to_string_lossy()
        .into_owned();
    if path.is_dir() {
        return Err(std::io::Error::other("the path is a folder"));
    }
    let existing = std::fs::metadata(path).ok();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.tmp-{}-{nanos}", std::process::id()));

    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            // Persist the rename; some file systems refuse fsync on folders, which is harmless.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> SavedWith {
        SavedWith {
            app_version: "test".to_owned(),
            content: "test content".to_owned(),
        }
    }

    #[test]
    fn round_trip_default_case() {
        let case = Case::default();
        let text = to_ron(&case, &saved()).unwrap();
        assert!(text.starts_with(HEADER_COMMENT));
        let loaded = from_ron(&text).unwrap();
        assert_eq!(loaded.case, case);
        assert_eq!(loaded.saved_with, saved());
    }

    #[test]
    fn nesting_scan_skips_strings_and_comments() {
        let deep_in_string = format!("MesoCdsCase(x: \"{}\")", "(".repeat(100));
        assert_eq!(too_deep(&deep_in_string), None);
        let deep_in_comment = format!("// {}\nMesoCdsCase()", "[".repeat(100));
        assert_eq!(too_deep(&deep_in_comment), None);
        let deep = format!("MesoCdsCase({}", "(".repeat(40));
        assert_eq!(too_deep(&deep), Some((1, 44)));
    }

    #[test]
    fn trivia_is_skipped() {
        assert_eq!(skip_trivia("  // a\n /* b */ X"), "X");
        assert_eq!(skip_trivia("/* unterminated"), "");
    }
}
