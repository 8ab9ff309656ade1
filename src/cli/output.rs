//! Writing to the terminal: standard output that stops quietly when its reader has gone, standard
//! error that never panics, and text with control characters escaped.

use std::fmt::Write as _;
use std::io::Write as _;

/// Whether `e` is a write to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes `text` to standard output.
///
/// # Errors
/// The I/O error, e.g. `BrokenPipe` when the reader has gone (`| head -1`).
pub fn out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Writes a line to standard error; a closed standard error is ignored (never a panic).
pub fn warn(line: &str) {
    writeln!(std::io::stderr().lock(), "{line}").ok();
}

/// `text` with control characters and bidirectional overrides shown as `\u{…}` escapes.
///
/// So a label, notes or file name cannot move the terminal's cursor, recolour it or reorder
/// text. Line feeds (and tabs) are kept when `multiline`.
pub fn escape_controls(text: &str, multiline: bool) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && !(multiline && (c == '\n' || c == '\t'))) || bidi {
            write!(shown, "\\u{{{:x}}}", u32::from(c)).ok();
        } else {
            shown.push(c);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_line_feeds_kept_only_in_multiline_text() {
        assert_eq!(escape_controls("a\u{1b}[2Jb", false), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\ny\tz\r", true), "x\ny\tz\\u{d}");
        assert_eq!(escape_controls("x\ny", false), "x\\u{a}y");
        assert_eq!(
            escape_controls("left\u{202e}right", true),
            "left\\u{202e}right"
        );
        assert_eq!(
            escape_controls("WBC ≥ 8.3 ×10⁹/L", false),
            "WBC ≥ 8.3 ×10⁹/L"
        );
    }
}
