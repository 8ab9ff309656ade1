//! The parts of a document: a case (title, headline box, decision, then the detail), the cover
//! of a pack with each case's first page, the one shared reference list, and the footers.

use printpdf::{Color, Greyscale, Line, Op, Pt};

use super::blocks::Item;
use super::fonts::Face;
use super::headline::section_items;
use super::layout::{Layout, line_height, point, text_ops};
use super::style::Style;
use super::{GREY, PdfError, PlacedKind};
use crate::report::model::{Block, CaseReport, REFERENCES, Report, SectionKind};

impl Layout<'_> {
    /// One case summary, from a new page: the title, the headline box and the decision section
    /// on the first page (slides: alone on the first slide), then the detail.
    pub(super) fn case(&mut self, report: &Report, c: &CaseReport) -> Result<(), PdfError> {
        self.fingerprint = format!("Case file {} ({})", c.source.fingerprint, c.source.file);
        self.new_page();
        self.case_title(
            &format!("MesoCDS case summary: {}", c.label),
            &format!(
                "Exported {} · file {} · {}",
                report.meta.export_date, c.source.file, c.source.fingerprint
            ),
            report.intended_use,
        )?;
        let of_kind = |kind| c.sections.iter().find(|s| s.kind == kind);
        let (headline, decision) = (
            of_kind(SectionKind::Headline),
            of_kind(SectionKind::Decision),
        );
        if self.style.opening_columns {
            self.opening_columns(headline, decision)?;
        } else {
            if let Some(s) = headline {
                self.headline_box(s)?;
            }
            if let Some(s) = decision {
                self.decision_section(s)?;
            }
        }
        let detail: Vec<Item<'_>> = c
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Detail)
            .flat_map(section_items)
            .collect();
        if self.style.detail_on_new_page && !detail.is_empty() && !self.at_top() {
            self.new_page();
        }
        self.flow(&detail)
    }

    /// The report's one reference list: on its own page in a pack (it belongs to no case), after
    /// the case in a single summary.
    pub(super) fn references(&mut self, report: &Report) -> Result<(), PdfError> {
        if report.references.is_empty() {
            return Ok(());
        }
        if report.cover.is_some() {
            self.fingerprint = format!("Tumor board pack of {} cases", report.cases.len());
            self.new_page();
        }
        let list = Block::Numbered(report.references.clone());
        self.flow(&[Item::Heading(REFERENCES), Item::Block(&list)])
    }

    /// The cover of a pack: title, export line, intended use and one row per case with the page
    /// its summary starts on (`starts`, counted in the whole document).
    pub(super) fn cover(
        &mut self,
        report: &Report,
        rows: &[[String; 3]],
        starts: &[usize],
    ) -> Result<(), PdfError> {
        let st = self.style;
        self.fingerprint = format!("Tumor board pack of {} cases", rows.len());
        self.new_page();
        self.paragraph(Face::Bold, st.cover_title, 0.0, None, &report.title)?;
        self.paragraph(
            Face::Regular,
            st.text,
            0.0,
            None,
            &format!(
                "Exported {} with MesoCDS {}.",
                report.meta.export_date, report.meta.app_version
            ),
        )?;
        self.paragraph(Face::Bold, st.text, 0.0, None, report.intended_use)?;
        let table = Block::Table {
            header: ["#", "Case", "Site", "Stage", "Page"]
                .map(str::to_owned)
                .to_vec(),
            rows: rows
                .iter()
                .zip(starts)
                .enumerate()
                .map(|(i, ([l, site, stage], start))| {
                    vec![
                        (i + 1).to_string(),
                        l.clone(),
                        site.clone(),
                        stage.clone(),
                        start.to_string(),
                    ]
                })
                .collect(),
            widths: vec![0.05, 0.3, 0.14, 0.41, 0.1],
        };
        let note = Block::Text(
            "Each case's summary starts on a new page with its headline and the decision box; \
             the references of all cases are listed once, at the end."
                .to_owned(),
        );
        self.flow(&[
            Item::Heading("Cases"),
            Item::Block(&table),
            Item::Block(&note),
        ])
    }

    /// Adds the footer to every page, now that the page count is known.
    pub(super) fn footers(&mut self, report: &Report) -> Result<(), PdfError> {
        let st = self.style;
        let total = self.pages.len();
        let content = self.fonts.wrap(
            Face::Regular,
            st.small,
            &format!("Content: {}.", report.content),
            self.text_width(),
        )?;
        for i in 0..total {
            let first = format!(
                "Page {} of {total} · MesoCDS {} · {}",
                i + 1,
                report.meta.app_version,
                self.pages[i].fingerprint
            );
            // A long file name wraps onto a second line rather than running off the page.
            let first = self
                .fonts
                .wrap(Face::Regular, st.small, &first, self.text_width())?;
            let lines: Vec<String> = first
                .into_iter()
                .chain(content.iter().cloned())
                .chain(std::iter::once(report.intended_use.to_owned()))
                .collect();
            let mut y = footer_baseline(st, lines.len());
            let (x0, x1) = (st.margin_x, self.width - st.margin_x);
            let ops = &mut self.pages[i].ops;
            ops.extend([
                Op::SetOutlineColor {
                    col: Color::Greyscale(Greyscale::new(GREY, None)),
                },
                Op::SetOutlineThickness { pt: Pt(0.4) },
                Op::DrawLine {
                    line: Line {
                        points: vec![point(x0, y + RULE_ABOVE), point(x1, y + RULE_ABOVE)],
                        is_closed: false,
                    },
                },
            ]);
            for l in lines {
                let ops = text_ops(self.fonts.regular_id.clone(), x0, y, st.small, &l);
                self.pages[i].ops.extend(ops);
                y -= line_height(st.small);
            }
        }
        Ok(())
    }

    /// Moves every page and record of `other` after this layout's pages.
    pub(super) fn append(&mut self, other: Layout<'_>) {
        let offset = self.pages.len();
        self.placed.extend(other.placed.into_iter().map(|mut p| {
            p.page += offset;
            p.last_page += offset;
            p
        }));
        self.pages.extend(other.pages);
    }
}

/// The least space between the body's lowest line (a baseline, or a table's rule) and the
/// footer's rule, in points: the body's last line never touches the footer.
pub(super) const FOOTER_GAP: f32 = 8.0;
/// The footer's rule is this far above its first baseline.
const RULE_ABOVE: f32 = 10.0;

/// The baseline of a footer's first line of `lines`: its rule [`FOOTER_GAP`] below the body;
/// a footer of many lines (a long file name) rises so that its last line stays 8 points above
/// the bottom edge.
pub(super) fn footer_baseline(st: &Style, lines: usize) -> f32 {
    let below = line_height(st.small) * (lines.max(1) as f32 - 1.0) + 8.0;
    (st.body_bottom - FOOTER_GAP - RULE_ABOVE).max(below)
}

/// The first page of each case in `placed` (its title).
pub(super) fn title_pages(placed: &[super::Placed]) -> Vec<usize> {
    placed
        .iter()
        .filter(|p| p.kind == PlacedKind::Title)
        .map(|p| p.page)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::style::{HANDOUT, SLIDES};
    use super::*;

    /// The footer's rule is at least [`FOOTER_GAP`] below the body (whose last baseline or
    /// table rule is never below `body_bottom`), and its last line is on the page.
    #[test]
    fn the_footer_keeps_a_gap_below_the_body() {
        for st in [&HANDOUT, &SLIDES] {
            // Three lines (one-line file and content lines) and four (either wraps).
            for lines in [3, 4] {
                let first = footer_baseline(st, lines);
                let rule = first + RULE_ABOVE;
                assert!(
                    rule <= st.body_bottom - FOOTER_GAP,
                    "{lines} lines: rule at {rule}, body down to {}",
                    st.body_bottom
                );
                let last = first - line_height(st.small) * (lines as f32 - 1.0);
                assert!(last >= 8.0, "{lines} lines: last at {last}");
            }
        }
    }
}
