//! The report's blocks on the page, with one rule for every block: a block is made of entries
//! (a paragraph, a "name: value" row, a table row with the header kept on its first row, a
//! bullet, a reference, the decision box), and an entry is never split across pages unless it is
//! taller than a page; a heading or sub-heading is always on the same page as the first entry
//! that follows it; paragraphs that introduce a list (a lead-in such as "Why it is shown for
//! this patient:", an option's status line or a newer-evidence entry's design and direction
//! lines before their results) are on the page of the list's first entry; a table that goes on
//! over a page starts the next page with its header row again.

use super::PlacedKind;
use super::fonts::Face;
use super::layout::{Layout, line_height};
use super::{PdfError, style};
use crate::report::model::Block;

/// The fewest rows a table starts with on a page (with its header), when it is broken.
const TABLE_OPENING: usize = 3;

/// One thing in the flow of a case: a section heading, or a block.
#[derive(Clone, Copy)]
pub(super) enum Item<'a> {
    Heading(&'a str),
    Block(&'a Block),
}

/// The number of entries of a block (each kept whole).
fn entries(b: &Block) -> usize {
    match b {
        Block::Fields(rows) => rows.len(),
        Block::Table { rows, .. } => rows.len().max(1),
        Block::Bullets(items) | Block::Numbered(items) => items.len(),
        Block::Lead(_) | Block::Subheading(_) | Block::Text(_) | Block::DecisionBox => 1,
    }
}

/// A short text naming entry `k` of `b`, for the record of what was placed.
fn entry_text(b: &Block, k: usize) -> String {
    match b {
        Block::Lead(t) | Block::Subheading(t) | Block::Text(t) => t.clone(),
        Block::Fields(rows) => rows.get(k).map(|(n, _)| n.clone()).unwrap_or_default(),
        Block::Table { rows, header, .. } => rows
            .get(k)
            .or(Some(header))
            .and_then(|r| r.first())
            .cloned()
            .unwrap_or_default(),
        Block::Bullets(items) | Block::Numbered(items) => items.get(k).cloned().unwrap_or_default(),
        Block::DecisionBox => crate::present::DECISION_BOX[0].to_owned(),
    }
}

/// Whether the first of `items` is a paragraph that introduces a list: one or more paragraphs
/// followed by a list (a lead-in ending with ":", an option's status line before its results,
/// a newer-evidence entry's design and direction lines before its results).
fn introduces_list(items: &[Item<'_>]) -> bool {
    let texts = items
        .iter()
        .take_while(|i| matches!(i, Item::Block(Block::Text(_))))
        .count();
    texts > 0
        && matches!(
            items.get(texts),
            Some(Item::Block(Block::Bullets(_) | Block::Numbered(_)))
        )
}

impl Layout<'_> {
    /// Draws entry `k` of `b` where the cursor is.
    fn draw_entry(&mut self, b: &Block, k: usize) -> Result<(), PdfError> {
        let st = self.style;
        match b {
            Block::Lead(t) => {
                self.gap(2.0);
                self.paragraph(Face::Bold, st.lead, 0.0, None, t)?;
                self.gap(2.0);
            }
            Block::Subheading(t) => self.subheading(t)?,
            Block::Text(t) => self.paragraph(Face::Regular, st.text, 0.0, None, t)?,
            Block::Fields(rows) => {
                let key_w = self.key_width(rows, st.text)?;
                if let Some(row) = rows.get(k) {
                    self.field_row(row, key_w, st.text)?;
                }
            }
            Block::Table {
                header,
                rows,
                widths,
            } => {
                if k == 0 {
                    self.table_row(header, widths, true)?;
                }
                if let Some(row) = rows.get(k) {
                    self.table_row(row, widths, false)?;
                }
            }
            Block::Bullets(items) => {
                if let Some(i) = items.get(k) {
                    self.paragraph(Face::Regular, st.text, st.text * 0.7, Some("•"), i)?;
                }
            }
            Block::Numbered(items) => {
                if let Some(i) = items.get(k) {
                    let n = format!("{}.", k + 1);
                    self.paragraph(Face::Regular, st.refs, 0.0, Some(&n), i)?;
                }
            }
            Block::DecisionBox => self.decision_box()?,
        }
        Ok(())
    }

    /// The height of entry `k` of `b`.
    fn entry_height(&self, b: &Block, k: usize) -> Result<f32, PdfError> {
        self.measure(|l| l.draw_entry(b, k))
    }

    /// Starts a new page unless `needed` fits; something taller than a page is started where it
    /// is when at least a few lines fit, and flows on.
    pub(super) fn keep(&mut self, needed: f32) {
        if self.breaks_before(needed) {
            self.new_page();
        }
    }

    /// Whether [`Self::keep`] of `needed` starts a new page.
    fn breaks_before(&self, needed: f32) -> bool {
        let needed = if needed <= self.body_height() {
            needed
        } else {
            3.0 * line_height(self.style.text)
        };
        self.pages.is_empty() || self.y - needed < self.style.body_bottom
    }

    /// The height that must go on one page when `b` starts: all of it when it is short (a
    /// fifth of a page or less: a small table or list is not broken), else its first entry; a
    /// table's header row goes with at least [`TABLE_OPENING`] rows (a slide never ends with a
    /// header and one row).
    fn opening_height(&self, b: &Block) -> Result<f32, PdfError> {
        let first = self.entry_height(b, 0)?;
        if entries(b) == 1 {
            return Ok(first);
        }
        let all = self.measure(|l| (0..entries(b)).try_for_each(|k| l.draw_entry(b, k)))?;
        if all <= self.body_height() / 5.0 {
            return Ok(all);
        }
        if matches!(b, Block::Table { .. }) {
            let n = entries(b).min(TABLE_OPENING);
            let opening = self.measure(|l| (0..n).try_for_each(|k| l.draw_entry(b, k)))?;
            if opening <= self.body_height() / 2.0 {
                return Ok(opening);
            }
        }
        Ok(first)
    }

    /// Places every entry of `b`, each kept whole (and a short block all on one page).
    /// `follow` is the height that must stay on the page with its first entry (what follows a
    /// result line).
    pub(super) fn block(&mut self, b: &Block, follow: f32) -> Result<(), PdfError> {
        if entries(b) > 0 {
            let opening = self.opening_height(b)?;
            self.keep(opening + follow);
        }
        for k in 0..entries(b) {
            let h = self.entry_height(b, k)?;
            if k > 0
                && let Block::Table { header, widths, .. } = b
                && self.breaks_before(h)
            {
                // The table goes on over the page: its header row again first.
                self.new_page();
                let page = self.page();
                self.table_row(header, widths, true)?;
                let text = header.first().cloned().unwrap_or_default();
                self.record(PlacedKind::Entry, page, &text, 0.0);
            }
            self.keep(h);
            let page = self.page();
            self.draw_entry(b, k)?;
            let kind = match b {
                Block::Subheading(_) => PlacedKind::Subheading,
                Block::DecisionBox => PlacedKind::DecisionBox,
                _ => PlacedKind::Entry,
            };
            self.record(kind, page, &entry_text(b, k), h);
        }
        Ok(())
    }

    /// The height that must follow a heading on its page: the next heading or sub-heading with
    /// what must follow it, or the first entry of the next block.
    fn first_entry_height(&self, rest: &[Item<'_>]) -> Result<f32, PdfError> {
        match rest.first() {
            Some(Item::Heading(t)) => {
                Ok(self.measure(|l| l.heading(t))? + self.first_entry_height(&rest[1..])?)
            }
            Some(Item::Block(Block::Subheading(t))) => {
                Ok(self.measure(|l| l.subheading(t))? + self.first_entry_height(&rest[1..])?)
            }
            Some(Item::Block(b @ Block::Lead(_))) => {
                Ok(self.entry_height(b, 0)? + self.first_entry_height(&rest[1..])?)
            }
            Some(Item::Block(b @ Block::Text(_))) if introduces_list(rest) => {
                Ok(self.entry_height(b, 0)? + self.first_entry_height(&rest[1..])?)
            }
            Some(Item::Block(b)) if entries(b) > 0 => self.opening_height(b),
            Some(Item::Block(_)) | None => Ok(0.0),
        }
    }

    /// Places `items` in order: each heading and sub-heading on the page of its first entry.
    pub(super) fn flow(&mut self, items: &[Item<'_>]) -> Result<(), PdfError> {
        for (i, item) in items.iter().enumerate() {
            let (text, kind) = match item {
                Item::Heading(t) => (*t, PlacedKind::Heading),
                Item::Block(Block::Subheading(t)) => (t.as_str(), PlacedKind::Subheading),
                // A result line stays with the first entry of what it introduces.
                Item::Block(b @ Block::Lead(_)) => {
                    let follow = self.first_entry_height(&items[i + 1..])?;
                    self.block(b, follow)?;
                    continue;
                }
                // A lead-in stays with the first entry of the list it introduces.
                Item::Block(b @ Block::Text(_)) if introduces_list(&items[i..]) => {
                    let follow = self.first_entry_height(&items[i + 1..])?;
                    self.block(b, follow)?;
                    continue;
                }
                Item::Block(b) => {
                    self.block(b, 0.0)?;
                    continue;
                }
            };
            let own = match kind {
                PlacedKind::Heading => self.measure(|l| l.heading(text))?,
                _ => self.measure(|l| l.subheading(text))?,
            };
            let next = self.first_entry_height(&items[i + 1..])?;
            // Never an empty heading at the bottom: if the heading and its first entry do not
            // fit on one page at all, the heading and a few lines go together.
            self.keep(own + next);
            let page = self.page();
            if kind == PlacedKind::Heading {
                self.heading(text)?;
            } else {
                self.subheading(text)?;
            }
            self.record(kind, page, text, own);
        }
        Ok(())
    }

    /// The empty tumor board decision box: its labels with lines to write on.
    pub(super) fn decision_box(&mut self) -> Result<(), PdfError> {
        let st = self.style;
        let lh = st.box_line;
        let height = lh * st.box_labels.len() as f32 + lh * 0.5;
        self.gap(4.0);
        let top = self.y;
        let total = self.text_width();
        let left = self.left();
        self.frame(left, top, total, height, 0.8);
        let [_, _, date] = crate::present::DECISION_BOX;
        for (i, &label) in st.box_labels.iter().enumerate() {
            let y = top - lh * (i + 1) as f32;
            let mut x0 = left + 8.0;
            let label = if style::continued(label) {
                ""
            } else {
                crate::present::DECISION_BOX[label]
            };
            if !label.is_empty() {
                self.draw_text(left + 8.0, y + 2.0, Face::Bold, st.text, label);
                x0 += self.fonts.width(Face::Bold, st.text, label)? + 6.0;
            }
            let x1 = if label == date {
                left + total * 0.45
            } else {
                left + total - 8.0
            };
            self.rule(x0, x1, y, 0.5);
        }
        self.y = top - height;
        Ok(())
    }
}
