//! The board file: the list of a tumor board's case files, saved and reopened (issue 13).
//!
//! A small RON file named `*.mesoboard`:
//!
//! ```ron
//! // MesoCDS tumor-board list. It names patient case files: keep it private.
//! MesoCdsBoard(
//!     format: 1,
//!     cases: ["01_first.ron", "../other/02_second.ron", "/abs/03_third.ron"],
//! )
//! ```
//!
//! Case paths are stored relative to the board file's folder when both share more than the root,
//! else absolute. It is written atomically and owner-only ([`mesocds_core::atomic::write`]) and
//! read strictly: an unknown field, a wrong type or another format is an error with its line and
//! column, never a partial list.

use std::path::{Component, Path, PathBuf};

/// The board file's extension (without the dot).
pub const EXTENSION: &str = "mesoboard";
/// The format this program writes and reads.
pub const FORMAT: u32 = 1;
/// Board files larger than this are refused (a list of paths is a few kilobytes).
const MAX_BYTES: u64 = 1 << 20;
const HEADER: &str = "// MesoCDS tumor-board list. It names patient case files: keep it private.\n";

/// Why a board file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BoardFileError {
    /// Reading or writing failed.
    #[error("{}: {error}", path.display())]
    Io {
        /// The board file.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The file is not a board file of this format.
    #[error("{}: line {line}, column {column}: {message}", path.display())]
    Parse {
        /// The board file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// Another format.
    #[error("{}: board file format {found}; this MesoCDS reads format {FORMAT}", path.display())]
    Format {
        /// The board file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
    /// Too large to be a board file, or not a regular file.
    #[error("{}: {reason}", path.display())]
    NotABoard {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: &'static str,
    },
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "MesoCdsBoard", deny_unknown_fields)]
struct BoardFileV1 {
    format: u32,
    cases: Vec<String>,
}

/// Whether `path` is named like a board file.
pub fn is_board_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// `path` relative to the folder `base` when both are absolute and share more than the root
/// (with `..` as needed); `None` otherwise.
pub fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    if !path.is_absolute() || !base.is_absolute() {
        return None;
    }
    let p: Vec<Component<'_>> = path.components().collect();
    let b: Vec<Component<'_>> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let named = |c: &Component<'_>| matches!(c, Component::Normal(_));
    if !p[..common].iter().any(named) {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    Some(out)
}

/// The board file's text for `cases` (absolute paths), written to `board`.
pub fn to_text(board: &Path, cases: &[PathBuf]) -> String {
    let dir = board.parent().unwrap_or(Path::new(""));
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    let cases = cases
        .iter()
        .map(|c| {
            let c = std::path::absolute(c).unwrap_or_else(|_| c.clone());
            relative_to(&c, &dir)
                .unwrap_or(c)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let file = BoardFileV1 {
        format: FORMAT,
        cases,
    };
    let pretty = ron::ser::PrettyConfig::new().struct_names(true);
    let body = ron::ser::to_string_pretty(&file, pretty).unwrap_or_default();
    format!("{HEADER}{body}\n")
}

/// Writes the board file atomically, owner-only.
///
/// # Errors
/// [`BoardFileError::Io`]; an existing file is untouched then.
pub fn save(board: &Path, cases: &[PathBuf]) -> Result<(), BoardFileError> {
    mesocds_core::atomic::write(board, to_text(board, cases).as_bytes()).map_err(|error| {
        BoardFileError::Io {
            path: board.to_owned(),
            error,
        }
    })
}

/// Parses a board file's text; relative case paths are resolved against `dir`.
///
/// # Errors
/// [`BoardFileError::Parse`] with line and column, or [`BoardFileError::Format`].
pub fn from_text(text: &str, board: &Path) -> Result<Vec<PathBuf>, BoardFileError> {
    let file: BoardFileV1 = ron::Options::default()
        .with_recursion_limit(16)
        .from_str(text)
        .map_err(|e| BoardFileError::Parse {
            path: board.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
    if file.format != FORMAT {
        return Err(BoardFileError::Format {
            path: board.to_owned(),
            found: file.format,
        });
    }
    let dir = board.parent().unwrap_or(Path::new(""));
    Ok(file
        .cases
        .into_iter()
        .map(|c| {
            let c = PathBuf::from(c);
            if c.is_absolute() { c } else { dir.join(c) }
        })
        .collect())
}

/// Reads a board file: its case paths, in order, resolved against its folder.
///
/// # Errors
/// [`BoardFileError`] naming the file, with line and column for a malformed one.
pub fn load(board: &Path) -> Result<Vec<PathBuf>, BoardFileError> {
    let io = |error| BoardFileError::Io {
        path: board.to_owned(),
        error,
    };
    let meta = std::fs::metadata(board).map_err(io)?;
    if !meta.is_file() {
        return Err(BoardFileError::NotABoard {
            path: board.to_owned(),
            reason: "not a regular file",
        });
    }
    if meta.len() > MAX_BYTES {
        return Err(BoardFileError::NotABoard {
            path: board.to_owned(),
            reason: "too large to be a board file",
        });
    }
    let text = std::fs::read_to_string(board).map_err(io)?;
    from_text(&text, board)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_go_up_when_needed_and_never_through_the_root_alone() {
        let base = Path::new("/home/dr/boards");
        assert_eq!(
            relative_to(Path::new("/home/dr/boards/a.ron"), base),
            Some(PathBuf::from("a.ron"))
        );
        assert_eq!(
            relative_to(Path::new("/home/dr/cases/b.ron"), base),
            Some(PathBuf::from("../cases/b.ron"))
        );
        assert_eq!(relative_to(Path::new("/srv/c.ron"), base), None);
        assert_eq!(relative_to(Path::new("rel.ron"), base), None);
    }

    #[test]
    fn text_round_trip_resolves_against_the_board_folder() {
        let board = Path::new("/home/dr/boards/today.mesoboard");
        let cases = vec![
            PathBuf::from("/home/dr/boards/a.ron"),
            PathBuf::from("/home/dr/cases/b.ron"),
            PathBuf::from("/srv/c.ron"),
        ];
        let text = to_text(board, &cases);
        assert!(text.contains("\"a.ron\""), "{text}");
        assert!(text.contains("\"../cases/b.ron\""), "{text}");
        assert!(text.contains("format: 1"), "{text}");
        let back: Vec<PathBuf> = from_text(&text, board)
            .unwrap()
            .into_iter()
            .map(|p| {
                // /home/dr/boards/../cases/b.ron names /home/dr/cases/b.ron.
                let mut n = PathBuf::new();
                for c in p.components() {
                    if c == Component::ParentDir {
                        n.pop();
                    } else {
                        n.push(c);
                    }
                }
                n
            })
            .collect();
        assert_eq!(back, cases);
    }

    #[test]
    fn strict_parse_gives_line_and_column() {
        let board = Path::new("/b/x.mesoboard");
        let err = from_text(
            "MesoCdsBoard(\n  format: 1,\n  cases: [\"a.ron\"],\n  extra: 2,\n)",
            board,
        )
        .unwrap_err();
        match err {
            BoardFileError::Parse { line, .. } => assert_eq!(line, 4),
            other => panic!("{other}"),
        }
        let err = from_text("MesoCdsBoard(format: 2, cases: [])", board).unwrap_err();
        assert!(
            matches!(err, BoardFileError::Format { found: 2, .. }),
            "{err}"
        );
        assert!(
            from_text("(cases: [])", board).is_err(),
            "the format is required"
        );
    }
}
