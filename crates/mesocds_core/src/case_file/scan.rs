//! Scans of case-file text before and after RON parsing: nesting depth, leading comments, and
//! the wording of parse errors (a file cut short is called truncated).

use super::{CaseFileErrorKind, MAX_NESTING};

/// Where the bracket depth first exceeds [`MAX_NESTING`], skipping strings and comments.
pub(super) fn too_deep(text: &str) -> Option<(usize, usize)> {
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
pub(super) fn parse_error(e: &ron::error::SpannedError, text: Option<&str>) -> CaseFileErrorKind {
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
pub(super) fn skip_trivia(mut text: &str) -> &str {
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
