//! The opening of a case on its first page or slide: the headline box (the model's headline
//! section drawn in a frame, its rows larger than the body) and the decision section kept
//! together under it.

use super::PdfError;
use super::PlacedKind;
use super::blocks::Item;
use super::fonts::Face;
use super::layout::Layout;
use crate::report::model::{Block, Section};

/// Padding inside the headline box.
const PAD: f32 = 8.0;
/// The headline column's share of a slide's width.
const LEFT_COLUMN: f32 = 0.64;

impl Layout<'_> {
    /// The headline's content, drawn inside the box (the cursor already inset), its rows at
    /// `size`.
    fn headline_content(&mut self, s: &Section, size: f32) -> Result<(), PdfError> {
        let st = self.style;
        self.paragraph(
            Face::Bold,
            st.subheading.max(st.headline),
            0.0,
            None,
            &s.heading,
        )?;
        self.gap(2.0);
        for b in &s.blocks {
            match b {
                Block::Fields(rows) => {
                    let key_w = self.key_width(rows, size)?;
                    for row in rows {
                        self.field_row(row, key_w, size)?;
                    }
                }
                Block::Subheading(t) => {
                    self.gap(st.text * 0.5);
                    self.paragraph(Face::Bold, st.text, 0.0, None, t)?;
                }
                Block::Bullets(items) => {
                    for i in items {
                        self.paragraph(Face::Regular, st.text, st.text * 0.7, Some("•"), i)?;
                    }
                }
                Block::Text(t) | Block::Lead(t) => {
                    self.paragraph(Face::Regular, st.text, 0.0, None, t)?;
                }
                other => self.block(other, 0.0)?,
            }
        }
        Ok(())
    }

    /// The height of the headline box with its rows at `size`.
    fn headline_height(&mut self, s: &Section, size: f32) -> Result<f32, PdfError> {
        let outer = self.inset;
        self.inset = (outer.0 + PAD, outer.1 + PAD);
        let content = self.measure(|l| l.headline_content(s, size));
        self.inset = outer;
        Ok(content? + 2.0 * PAD)
    }

    /// The headline section in a frame, kept whole on one page when it fits on one. Its rows
    /// are larger than the body; when the box would not fit in the space left on the page at
    /// that size (many flags, long wrapped rows in the slides' column), they are printed at the
    /// body's size, which keeps it on the case's first page.
    pub(super) fn headline_box(&mut self, s: &Section) -> Result<(), PdfError> {
        let st = self.style;
        let room = self.y - st.body_bottom - 4.0;
        let mut size = st.headline;
        let mut height = self.headline_height(s, size)?;
        if height > room && !self.pages.is_empty() {
            size = st.text;
            height = self.headline_height(s, size)?;
        }
        self.keep(height + 4.0);
        let page = self.page();
        self.gap(4.0);
        let top = self.y;
        let (left, width) = (self.left(), self.text_width());
        if height <= self.body_height() {
            self.frame(left, top, width, height, 1.6);
        }
        let outer = self.inset;
        self.inset = (outer.0 + PAD, outer.1 + PAD);
        self.gap(PAD);
        let drawn = self.headline_content(s, size);
        self.inset = outer;
        drawn?;
        self.gap(PAD);
        self.record(PlacedKind::Headline, page, &s.heading, height);
        Ok(())
    }

    /// The decision section (board entries and the empty box), kept together on the page when
    /// it fits there. When it does not (long board entries), the heading and the empty box come
    /// first, where the cursor is, so they stay on the case's first page; the recorded entries
    /// follow them there when they fit, else from the next page, at the full width of the page
    /// (on the slides, no longer in the column beside the headline), flowing on.
    pub(super) fn decision_section(&mut self, s: &Section) -> Result<(), PdfError> {
        let items = section_items(s);
        let height = self.measure(|l| l.flow(&items))?;
        if self.pages.is_empty() || self.y - height >= self.style.body_bottom {
            return self.flow(&items);
        }
        let (opening, recorded) = box_first(s);
        self.flow(&opening)?;
        // Under a heading of their own: they may start on the next page, away from the box.
        let heading = format!("{} {RECORDED_ENTRIES}", s.heading);
        let entries: Vec<Item<'_>> = if recorded.is_empty() {
            recorded
        } else {
            std::iter::once(Item::Heading(&heading))
                .chain(recorded)
                .collect()
        };
        let rest = self.measure(|l| l.flow(&entries))?;
        if self.y - rest < self.style.body_bottom && self.inset != (0.0, 0.0) {
            let column = self.inset;
            self.inset = (0.0, 0.0);
            self.new_page();
            let flowed = self.flow(&entries);
            self.inset = column;
            return flowed;
        }
        self.flow(&entries)
    }

    /// The headline box and the decision section side by side (the slides: the headline on the
    /// left, the decision on the right, under the title). Each column flows on by itself if it
    /// does not fit; the cursor ends under the longer one.
    pub(super) fn opening_columns(
        &mut self,
        headline: Option<&Section>,
        decision: Option<&Section>,
    ) -> Result<(), PdfError> {
        const GUTTER: f32 = 14.0;
        let share = self.text_width() * LEFT_COLUMN;
        let (top, page) = (self.y, self.page());
        self.inset = (0.0, self.text_width() - share + GUTTER / 2.0);
        let left = headline.map_or(Ok(()), |s| self.headline_box(s));
        let (left_y, left_page) = (self.y, self.page());
        self.inset = (0.0, 0.0);
        left?;
        if self.page() != page {
            // The headline did not fit beside anything: the decision follows it in full width.
            return decision.map_or(Ok(()), |s| self.decision_section(s));
        }
        self.y = top;
        self.inset = (share + GUTTER / 2.0, 0.0);
        let right = decision.map_or(Ok(()), |s| self.decision_section(s));
        self.inset = (0.0, 0.0);
        right?;
        if self.page() == left_page {
            self.y = self.y.min(left_y);
        }
        Ok(())
    }

    /// A case's title line and, on the handout, the export line and intended use under it.
    pub(super) fn case_title(
        &mut self,
        title: &str,
        byline: &str,
        intended_use: &str,
    ) -> Result<(), PdfError> {
        let st = self.style;
        let page = self.page();
        self.paragraph(Face::Bold, st.title, 0.0, None, title)?;
        if st.case_byline {
            self.paragraph(Face::Regular, st.text, 0.0, None, byline)?;
            self.paragraph(Face::Bold, st.text, 0.0, None, intended_use)?;
        }
        self.record(PlacedKind::Title, page, title, 0.0);
        Ok(())
    }
}

/// Said after the decision heading over the recorded board entries when they follow the empty
/// box (long entries; [`Layout::decision_section`]).
pub(super) const RECORDED_ENTRIES: &str = "(recorded entries)";

/// The decision section split in two: its heading with the empty box (and the "New decision"
/// sub-heading above it), and the recorded board entries before it.
fn box_first(s: &Section) -> (Vec<Item<'_>>, Vec<Item<'_>>) {
    let new = s
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Subheading(_)))
        .filter(|&i| matches!(s.blocks.get(i + 1), Some(Block::DecisionBox)))
        .or_else(|| {
            s.blocks
                .iter()
                .position(|b| matches!(b, Block::DecisionBox))
        })
        .unwrap_or(s.blocks.len());
    let opening = std::iter::once(Item::Heading(&s.heading))
        .chain(s.blocks[new..].iter().map(Item::Block))
        .collect();
    (opening, s.blocks[..new].iter().map(Item::Block).collect())
}

/// A section as flow items: its heading, then its blocks.
pub(super) fn section_items(s: &Section) -> Vec<Item<'_>> {
    std::iter::once(Item::Heading(&s.heading))
        .chain(s.blocks.iter().map(Item::Block))
        .collect()
}
