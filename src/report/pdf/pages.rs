//! The parts of a report laid out on pages: content blocks, a case's summary, the pack's cover
//! page and the footers.

use printpdf::{Color, Greyscale, Line, Op, Pt};

use super::fonts::Face;
use super::layout::{Layout, line_height, point, text_ops};
use super::{BODY_BOTTOM, GREY, MARGIN_X, PdfError, SMALL, TEXT};
use crate::report::model::{Block, CaseReport, Report};

impl Layout<'_> {
    pub(super) fn block(&mut self, b: &Block) -> Result<(), PdfError> {
        match b {
            Block::Lead(t) => {
                self.gap(2.0);
                self.paragraph(Face::Bold, 11.0, 0.0, None, t)?;
                self.gap(2.0);
            }
            Block::Subheading(t) => {
                self.ensure(line_height(9.5) + 2.0 * line_height(TEXT) + 5.0);
                self.gap(5.0);
                self.paragraph(Face::Bold, 9.5, 0.0, None, t)?;
            }
            Block::Text(t) => self.paragraph(Face::Regular, TEXT, 0.0, None, t)?,
            Block::Fields(rows) => self.fields(rows)?,
            Block::Table {
                header,
                rows,
                widths,
            } => self.table(header, rows, widths)?,
            Block::Bullets(items) => {
                for i in items {
                    self.paragraph(Face::Regular, TEXT, 6.0, Some("•"), i)?;
                }
            }
            Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    self.paragraph(
                        Face::Regular,
                        SMALL + 0.5,
                        0.0,
                        Some(&format!("{}.", n + 1)),
                        i,
                    )?;
                }
            }
            Block::DecisionBox => self.decision_box()?,
        }
        Ok(())
    }

    pub(super) fn case(&mut self, report: &Report, c: &CaseReport) -> Result<(), PdfError> {
        self.fingerprint = format!("Case file {} ({})", c.source.fingerprint, c.source.file);
        self.new_page();
        self.paragraph(
            Face::Bold,
            15.0,
            0.0,
            None,
            &format!("MesoCDS case summary: {}", c.label),
        )?;
        self.paragraph(
            Face::Regular,
            TEXT,
            0.0,
            None,
            &format!(
                "Exported {} · file {} · {}",
                report.meta.export_date, c.source.file, c.source.fingerprint
            ),
        )?;
        self.paragraph(Face::Bold, TEXT, 0.0, None, report.intended_use)?;
        for s in &c.sections {
            self.heading(&s.heading)?;
            for b in &s.blocks {
                self.block(b)?;
            }
        }
        Ok(())
    }

    pub(super) fn cover(&mut self, report: &Report, rows: &[[String; 3]]) -> Result<(), PdfError> {
        self.fingerprint = format!("Tumor board pack of {} cases", rows.len());
        self.new_page();
        self.paragraph(Face::Bold, 18.0, 0.0, None, &report.title)?;
        self.paragraph(
            Face::Regular,
            TEXT,
            0.0,
            None,
            &format!(
                "Exported {} with MesoCDS {}.",
                report.meta.export_date, report.meta.app_version
            ),
        )?;
        self.paragraph(Face::Bold, TEXT, 0.0, None, report.intended_use)?;
        self.heading("Cases")?;
        let table: Vec<Vec<String>> = rows
            .iter()
            .enumerate()
            .map(|(i, [l, site, stage])| {
                vec![(i + 1).to_string(), l.clone(), site.clone(), stage.clone()]
            })
            .collect();
        self.table(
            &[
                "#".to_owned(),
                "Case".to_owned(),
                "Site".to_owned(),
                "Stage".to_owned(),
            ],
            &table,
            &[0.06, 0.38, 0.2, 0.36],
        )?;
        self.gap(6.0);
        self.paragraph(
            Face::Regular,
            TEXT,
            0.0,
            None,
            "Each case's summary starts on a new page.",
        )?;
        Ok(())
    }

    /// Adds the footer to every page, now that the page count is known.
    pub(super) fn footers(&mut self, report: &Report) -> Result<(), PdfError> {
        let total = self.pages.len();
        let content = self.fonts.wrap(
            Face::Regular,
            SMALL,
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
                .wrap(Face::Regular, SMALL, &first, self.text_width())?;
            let lines: Vec<String> = first
                .into_iter()
                .chain(content.iter().cloned())
                .chain(std::iter::once(report.intended_use.to_owned()))
                .collect();
            // The footer rises (within the space below the body) when it has more lines.
            let below = line_height(SMALL) * (lines.len() as f32 - 1.0) + 12.0;
            let mut y = (BODY_BOTTOM - 14.0).max(below).min(BODY_BOTTOM - 12.0);
            let w = self.width;
            let ops = &mut self.pages[i].ops;
            ops.extend([
                Op::SetOutlineColor {
                    col: Color::Greyscale(Greyscale::new(GREY, None)),
                },
                Op::SetOutlineThickness { pt: Pt(0.4) },
                Op::DrawLine {
                    line: Line {
                        points: vec![point(MARGIN_X, y + 10.0), point(w - MARGIN_X, y + 10.0)],
                        is_closed: false,
                    },
                },
            ]);
            for l in lines {
                let ops = text_ops(self.fonts.regular_id.clone(), MARGIN_X, y, SMALL, &l);
                self.pages[i].ops.extend(ops);
                y -= line_height(SMALL);
            }
        }
        Ok(())
    }
}
