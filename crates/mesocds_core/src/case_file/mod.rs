//! The case-file format: readable RON with a format version and an integrity seal, written
//! atomically.
//!
//! A case file holds only what the clinician entered ([`Case`]), wrapped with the format version,
//! the app and content versions it was saved with, and a seal of the case:
//!
//! ```text
//! // MesoCDS case file. It holds patient data: keep it private.
//! MesoCdsCase(
//!     format: 2,
//!     saved_with: (app_version: "0.1.0", content: "…"),
//!     seal: "sha256:…",
//!     case: ( … ),
//! )
//! ```
//!
//! Loading reads the `format` first and dispatches on it: the current format is parsed strictly
//! (unknown fields are errors), an older format is migrated, and a newer one is refused.
//!
//! # Formats
//! - **2** (written by this build): format 1 plus the date of diagnosis (`disease.diagnosed`),
//!   the 9th-edition inputs (`staging.ninth`: T pick, Psum, Fmax, cT4 items) and the peritoneal
//!   inputs (`peritoneal`: PCI, CC score), the disease course (`course`) and the tumor-board
//!   entries (`board`) (issue 13: optional fields added to the unreleased format 2 rather than a
//!   format 3). Each new field is written only when entered.
//! - **1**: no such fields. Migration: every new field is "not entered", nothing else changes,
//!   so the 8th-edition stage, the scores and the options are those format 1 gave. A format-1
//!   file that holds a format-2 field is refused ([`CaseFileErrorKind::FieldOfNewerFormat`]).
//!   Because a case without the new fields serializes exactly as in format 1, the seal of a
//!   format-1 file still matches after migration.
//!
//! Empty, non-text, foreign, truncated, deeply nested and oversized files are refused with a message naming the
//! file and, where it applies, the line and column. Folders, named pipes and devices are refused
//! before they are opened, and no more than [`MAX_FILE_BYTES`] + 1 bytes are ever read. Nothing
//! here panics on input.
//!
//! # The seal
//! On save, `seal` is the SHA-256 of the case in its canonical form (compact RON of the `case`
//! value alone, see [`seal_of`]). On load the seal is recomputed from the case as parsed and the
//! result is a [`SealStatus`]: a deleted line that changes the case (losing `Spine,` turns IIIB
//! into IB) gives [`SealStatus::Mismatch`]; layout and comment edits that leave the case as it
//! was do not. A hand-written file without a `seal` loads as [`SealStatus::Missing`], with no
//! warning. The seal detects accidents and edits outside MesoCDS; it is not a signature (anyone
//! can recompute it).
//!
//! # Saving
//! [`save`] refuses, before writing anything, a case that this loader would not open again (for
//! example notes so long that the file would exceed [`MAX_FILE_BYTES`]); it then writes through
//! [`crate::atomic`].

mod error;
mod read;
mod scan;

use std::path::Path;

use sha2::Digest as _;

use crate::case::Case;
pub use error::{CaseFileError, CaseFileErrorKind};
pub use read::read_file;
use scan::{parse_error, skip_trivia, too_deep};

/// The format this build writes.
pub const FORMAT: u32 = 2;
/// The first format, still read (migrated on load).
pub const FORMAT_1: u32 = 1;
/// The largest case file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The deepest bracket nesting accepted.
pub const MAX_NESTING: usize = 32;
/// The name of the top-level RON struct.
pub const STRUCT_NAME: &str = "MesoCdsCase";

const HEADER_COMMENT: &str = "// MesoCDS case file. It holds patient data: keep it private.\n";

/// The warning shown wherever a case whose seal does not match is used (screen, `check`, PDF).
pub const SEAL_WARNING: &str = "changed outside MesoCDS or damaged: check every input";

/// The prefix of a seal: the digest used.
const SEAL_PREFIX: &str = "sha256:";

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
struct CaseFileV2 {
    format: u32,
    saved_with: SavedWith,
    /// Empty when the file has none (written by hand or by a build before the seal).
    #[serde(default)]
    seal: String,
    case: Case,
}

#[derive(serde::Serialize)]
#[serde(rename = "MesoCdsCase")]
struct CaseFileV2Ref<'a> {
    format: u32,
    saved_with: &'a SavedWith,
    seal: &'a str,
    case: &'a Case,
}

/// Only the format, read before anything else (other fields are skipped).
#[derive(serde::Deserialize)]
#[serde(rename = "MesoCdsCase")]
struct Header {
    format: u32,
}

/// Whether a loaded case matches the seal MesoCDS wrote when it saved the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealStatus {
    /// The case is exactly what MesoCDS saved.
    Valid,
    /// The file has no seal (written by hand): nothing to check, no warning.
    Missing,
    /// The case differs from what MesoCDS saved: the file was changed outside MesoCDS or damaged.
    /// Show [`SEAL_WARNING`].
    Mismatch,
}

impl SealStatus {
    /// The warning to show, for [`SealStatus::Mismatch`] only.
    pub fn warning(self) -> Option<&'static str> {
        (self == Self::Mismatch).then_some(SEAL_WARNING)
    }
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
    /// Whether the case matches the file's seal; see [`SealStatus::warning`].
    pub seal: SealStatus,
}

/// The seal of a case: `sha256:` and the 64 hex digits of the SHA-256 of its canonical form,
/// the compact RON of the `case` value alone (no struct names, no spaces; sets in order).
///
/// # Errors
/// [`CaseFileErrorKind::Serialize`] if RON serialization fails.
pub fn seal_of(case: &Case) -> Result<String, CaseFileError> {
    let canonical = ron::to_string(case)
        .map_err(|e| CaseFileError::new(CaseFileErrorKind::Serialize(e.to_string())))?;
    let digest = sha2::Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{SEAL_PREFIX}{hex}"))
}

fn seal_status(seal: &str, case: &Case) -> SealStatus {
    if seal.is_empty() {
        return SealStatus::Missing;
    }
    match seal_of(case) {
        Ok(expected) if expected == seal => SealStatus::Valid,
        _ => SealStatus::Mismatch,
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
    // With old Mac OS line endings the header comment swallows the whole file, which would
    // otherwise be reported as "empty".
    let trimmed = text.trim_end();
    if trimmed.contains('\r') && !trimmed.contains('\n') {
        return Err(CaseFileError::new(CaseFileErrorKind::CarriageReturnsOnly));
    }
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
        FORMAT | FORMAT_1 => {
            // Format 1 is format 2 without the new fields (all `#[serde(default)]`): the same
            // strict parse reads it, and the check below refuses a format-2 field in it.
            let file: CaseFileV2 = options
                .from_str(text)
                .map_err(|e| CaseFileError::new(parse_error(&e, None)))?;
            let migrated_from = (header.format == FORMAT_1).then_some(FORMAT_1);
            if migrated_from.is_some()
                && let Some(field) = format_2_field(&file.case)
            {
                return Err(CaseFileError::new(CaseFileErrorKind::FieldOfNewerFormat {
                    field,
                    format: FORMAT_1,
                }));
            }
            let seal = seal_status(&file.seal, &file.case);
            Ok(LoadedCase {
                case: file.case,
                saved_with: file.saved_with,
                migrated_from,
                seal,
            })
        }
        found if found > FORMAT => Err(CaseFileError::new(CaseFileErrorKind::Newer { found })),
        found => Err(CaseFileError::new(CaseFileErrorKind::UnknownFormat {
            found,
        })),
    }
}

/// The first format-2 field entered in `case`, if any (a format-1 file cannot hold one).
fn format_2_field(case: &Case) -> Option<&'static str> {
    if case.disease.diagnosed.is_some() {
        Some("disease.diagnosed")
    } else if !case.staging.ninth.is_empty() {
        Some("staging.ninth")
    } else if !case.peritoneal.is_empty() {
        Some("peritoneal")
    } else if !case.course.is_empty() {
        Some("course")
    } else if !case.board.is_empty() {
        Some("board")
    } else {
        None
    }
}

/// Reads a case from the bytes of a case file (as returned by [`read_file`]).
///
/// # Errors
/// As [`from_ron`], and [`CaseFileErrorKind::NotText`] for bytes that are not UTF-8.
pub fn from_bytes(bytes: &[u8]) -> Result<LoadedCase, CaseFileError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_not_utf8| CaseFileError::new(CaseFileErrorKind::NotText))?;
    from_ron(text)
}

/// Writes a case as case-file text, stamped with the app and content versions and sealed.
///
/// # Errors
/// [`CaseFileErrorKind::Serialize`] if RON serialization fails;
/// [`CaseFileErrorKind::TooLargeToSave`] if the text is larger than [`MAX_FILE_BYTES`].
pub fn to_ron(case: &Case, saved_with: &SavedWith) -> Result<String, CaseFileError> {
    let seal = seal_of(case)?;
    let file = CaseFileV2Ref {
        format: FORMAT,
        saved_with,
        seal: &seal,
        case,
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| CaseFileError::new(CaseFileErrorKind::Serialize(e.to_string())))?;
    let text = format!("{HEADER_COMMENT}{STRUCT_NAME}{body}\n");
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(CaseFileError::new(CaseFileErrorKind::TooLargeToSave {
            bytes: text.len() as u64,
        }));
    }
    Ok(text)
}

/// Reads a case file from disk ([`read_file`], then [`from_bytes`]).
///
/// # Errors
/// [`CaseFileError`] naming `path`, and the line and column where they apply.
pub fn load(path: &Path) -> Result<LoadedCase, CaseFileError> {
    from_bytes(&read_file(path)?).map_err(|e| e.at(path))
}

/// Saves a case atomically through [`crate::atomic::write`].
///
/// A temporary file in the target's folder is flushed to disk, then renamed over it. A symlink is
/// followed (its target is written, the link kept). A failed save leaves an existing file
/// untouched. New files are readable by their owner only (they hold patient data); an existing
/// file keeps its permissions.
///
/// Before anything is written, the text is checked to load again as the same case: a case too
/// large for the loader ([`CaseFileErrorKind::TooLargeToSave`]) is refused, saying why.
///
/// Returns the text written, so that a caller can fingerprint the file without reading it again.
///
/// # Errors
/// [`CaseFileError`] naming `path`.
pub fn save(path: &Path, case: &Case, saved_with: &SavedWith) -> Result<String, CaseFileError> {
    let text = to_ron(case, saved_with).map_err(|e| e.at(path))?;
    match from_ron(&text) {
        Ok(again) if again.case == *case && again.seal == SealStatus::Valid => {}
        Ok(_) => {
            let e = CaseFileErrorKind::WouldNotReload("it reads back differently".to_owned());
            return Err(CaseFileError::new(e).at(path));
        }
        Err(e) => {
            let e = CaseFileErrorKind::WouldNotReload(e.kind_message());
            return Err(CaseFileError::new(e).at(path));
        }
    }
    crate::atomic::write(path, text.as_bytes())
        .map_err(|e| CaseFileError::new(CaseFileErrorKind::Io(e.to_string())).at(path))?;
    Ok(text)
}

/// Writes `bytes` to `path` atomically: [`crate::atomic::write`], kept under this name for
/// existing callers.
///
/// # Errors
/// As [`crate::atomic::write`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::atomic::write(path, bytes)
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
        assert_eq!(loaded.seal, SealStatus::Valid);
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
