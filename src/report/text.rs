//! The plain text of the report model: the Report tab's preview, Copy plain text and the
//! command line's text output.

// The plain text is written with `let _ = writeln!(out, …)` into a String: that cannot fail.
#![expect(
    clippy::let_underscore_must_use,
    reason = "writing to a String cannot fail"
)]

use std::fmt::Write as _;

use super::model::{Block, CaseReport, REFERENCES, Report};
use crate::present;

impl CaseReport {
    /// The plain-text form of one case summary (no page furniture).
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            let _ = writeln!(
                out,
                "\n{}\n{}",
                s.heading,
                "-".repeat(s.heading.chars().count())
            );
            for b in &s.blocks {
                write_block(&mut out, b);
            }
        }
        out
    }
}

fn write_block(out: &mut String, b: &Block) {
    match b {
        Block::Lead(t) | Block::Text(t) => {
            let _ = writeln!(out, "  {t}");
        }
        Block::Subheading(t) => {
            let _ = writeln!(out, "\n  {t}");
        }
        Block::Fields(rows) => {
            let w = rows
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            for (k, v) in rows {
                let _ = writeln!(out, "  {k:<w$}  {v}");
            }
        }
        Block::Table { header, rows, .. } => {
            let cols = header.len();
            let widths: Vec<usize> = (0..cols)
                .map(|i| {
                    std::iter::once(header)
                        .chain(rows)
                        .filter_map(|r| r.get(i))
                        .map(|c| c.chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in std::iter::once(header).chain(rows) {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect();
                let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
            }
        }
        Block::Bullets(items) => {
            for i in items {
                let _ = writeln!(out, "  - {i}");
            }
        }
        Block::Numbered(items) => {
            for (n, i) in items.iter().enumerate() {
                let _ = writeln!(out, "  {}. {i}", n + 1);
            }
        }
        Block::DecisionBox => {
            for line in present::decision_box_lines(54, 22) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
}

impl Report {
    /// The plain-text form of the whole report, for the terminal and for pasting into an EHR note.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(
            out,
            "Exported {} with MesoCDS {}.",
            self.meta.export_date, self.meta.app_version
        );
        let _ = writeln!(out, "{}", self.intended_use);
        if let Some(rows) = &self.cover {
            let _ = writeln!(out, "\nCASES");
            for (i, [label, site, stage]) in rows.iter().enumerate() {
                let _ = writeln!(out, "  {}. {label}: {site}; stage {stage}", i + 1);
            }
        }
        for c in &self.cases {
            let _ = writeln!(
                out,
                "\n=== {} ({}, {}) ===",
                c.label, c.source.file, c.source.fingerprint
            );
            out.push_str(&c.to_plain_text());
        }
        if !self.references.is_empty() {
            let _ = writeln!(out, "\n{REFERENCES}\n{}", "-".repeat(REFERENCES.len()));
            write_block(&mut out, &Block::Numbered(self.references.clone()));
        }
        let _ = writeln!(out, "\nContent: {}.", self.content);
        out
    }
}
