//! The page layout of the PDF: a cursor down the page, page breaks that keep headings and table
//! rows with their content, the report's blocks, the cover page and the footers.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem,
};

use super::fonts::{Face, Fonts};
use super::{BODY_BOTTOM, GREY, MARGIN_TOP, MARGIN_X, PdfError, SMALL, TEXT};
use crate::report::model::{Block, CaseReport, Report};

pub(super) struct PageBuf {
    pub(super) ops: Vec<Op>,
    pub(super) fingerprint: String,
}

pub(super) struct Layout<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) pages: Vec<PageBuf>,
    /// Baseline cursor, points from the bottom of the page.
    pub(super) y: f32,
    pub(super) fingerprint: String,
}

/// The operations that print one line of black text with its baseline at (`x`, `y`).
pub(super) fn text_ops(font: FontId, x: f32, y: f32, size: f32, text: &str) -> [Op; 6] {
    [
        Op::StartTextSection,
        Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        },
        Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(size),
        },
        Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ]
}

pub(super) fn line_height(size: f32) -> f32 {
    size * 1.3
}

pub(super) fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl Layout<'_> {
    pub(super) fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].ops
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(PageBuf {
            ops: Vec::new(),
            fingerprint: self.fingerprint.clone(),
        });
        self.y = self.height - MARGIN_TOP;
    }

    /// Starts a new page unless `needed` points still fit.
    pub(super) fn ensure(&mut self, needed: f32) {
        if self.pages.is_empty() || self.y - needed < BODY_BOTTOM {
            self.new_page();
        }
    }

    pub(super) fn draw_text(&mut self, x: f32, y: f32, face: Face, size: f32, text: &str) {
        let (_, id) = self.fonts.face(face);
        let ops = text_ops(id.clone(), x, y, size, text);
        self.ops().extend(ops);
    }

    pub(super) fn rule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32) {
        self.ops().extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(GREY, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(x0, y), point(x1, y)],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A wrapped paragraph at `indent` (hanging `first` prefix such as a bullet).
    pub(super) fn paragraph(
        &mut self,
        face: Face,
        size: f32,
        indent: f32,
        prefix: Option<&str>,
        text: &str,
    ) -> Result<(), PdfError> {
        let hang = match prefix {
            Some(p) => self.fonts.width(face, size, p)? + 4.0,
            None => 0.0,
        };
        let lines = self
            .fonts
            .wrap(face, size, text, self.text_width() - indent - hang)?;
        let lh = line_height(size);
        // A short paragraph is never split across pages.
        if lines.len() <= 4 {
            self.ensure(lh * lines.len() as f32);
        }
        for (i, l) in lines.iter().enumerate() {
            self.ensure(lh);
            self.y -= lh;
            if i == 0
                && let Some(p) = prefix
            {
                let p = self.fonts.printable(face, p);
                self.draw_text(MARGIN_X + indent, self.y, face, size, &p);
            }
            self.draw_text(MARGIN_X + indent + hang, self.y, face, size, l);
        }
        Ok(())
    }

    pub(super) fn gap(&mut self, pt: f32) {
        self.y -= pt;
    }

    pub(super) fn heading(&mut self, text: &str) -> Result<(), PdfError> {
        // Keep a heading with at least three lines of its section.
        self.ensure(line_height(11.5) + 8.0 + 3.0 * line_height(TEXT));
        self.gap(8.0);
        self.paragraph(Face::Bold, 11.5, 0.0, None, text)?;
        self.gap(2.0);
        let y = self.y;
        self.rule(MARGIN_X, self.width - MARGIN_X, y, 0.6);
        self.gap(2.0);
        Ok(())
    }

    /// Draws one row of columns (x, face, wrapped lines) line by line below the cursor. A row that
    /// fits on a page (with `extra` points below it) is kept together; a taller one (such as long
    /// notes) flows onto the next pages, so nothing is cut.
    pub(super) fn flow_row(&mut self, cols: &[(f32, Face, Vec<String>)], size: f32, extra: f32) {
        let lh = line_height(size);
        let n = cols.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0);
        let rows_height = lh * n as f32 + extra;
        if rows_height <= self.height - MARGIN_TOP - BODY_BOTTOM {
            self.ensure(rows_height);
        }
        for i in 0..n {
            self.ensure(lh);
            self.y -= lh;
            for (x, face, lines) in cols {
                if let Some(l) = lines.get(i) {
                    self.draw_text(*x, self.y, *face, size, l);
                }
            }
        }
    }

    pub(super) fn fields(&mut self, rows: &[(String, String)]) -> Result<(), PdfError> {
        let mut key_w: f32 = 0.0;
        for (k, _) in rows {
            key_w = key_w.max(self.fonts.width(Face::Bold, TEXT, k)?);
        }
        let key_w = key_w.min(self.text_width() * 0.35) + 8.0;
        for (k, v) in rows {
            let keys = self.fonts.wrap(Face::Bold, TEXT, k, key_w - 8.0)?;
            let vals = self
                .fonts
                .wrap(Face::Regular, TEXT, v, self.text_width() - key_w)?;
            let cols = [
                (MARGIN_X, Face::Bold, keys),
                (MARGIN_X + key_w, Face::Regular, vals),
            ];
            self.flow_row(&cols, TEXT, 0.0);
        }
        Ok(())
    }

    pub(super) fn table(
        &mut self,
        header: &[String],
        rows: &[Vec<String>],
        widths: &[f32],
    ) -> Result<(), PdfError> {
        let total = self.text_width();
        let widths: Vec<f32> = widths.iter().map(|w| w * total).collect();
        for (r, row) in std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .enumerate()
        {
            let face = if r == 0 { Face::Bold } else { Face::Regular };
            let mut cols = Vec::new();
            let mut x = MARGIN_X;
            for (c, text) in row.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(total);
                cols.push((x, face, self.fonts.wrap(face, TEXT, text, w - 6.0)?));
                x += widths.get(c).copied().unwrap_or(0.0);
            }
            // A row is kept on one page when it fits on one.
            self.flow_row(&cols, TEXT, 3.0);
            self.y -= 2.0;
            let y = self.y;
            self.rule(
                MARGIN_X,
                MARGIN_X + total,
                y,
                if r == 0 { 0.6 } else { 0.3 },
            );
            self.gap(1.0);
        }
        Ok(())
    }

    pub(super) fn decision_box(&mut self) -> Result<(), PdfError> {
        let lh = 20.0;
        let [decision, attendees, date] = crate::present::DECISION_BOX;
        let labels = [decision, "", "", attendees, "", date];
        let height = lh * labels.len() as f32 + 10.0;
        self.ensure(height + 6.0);
        self.gap(4.0);
        let top = self.y;
        let total = self.text_width();
        self.ops().extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            },
            Op::SetOutlineThickness { pt: Pt(0.8) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(MARGIN_X),
                    y: Pt(top - height),
                    width: Pt(total),
                    height: Pt(height),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
        ]);
        for (i, label) in labels.iter().enumerate() {
            let y = top - lh * (i + 1) as f32;
            let mut x0 = MARGIN_X + 8.0;
            if !label.is_empty() {
                self.draw_text(MARGIN_X + 8.0, y + 2.0, Face::Bold, TEXT, label);
                x0 += self.fonts.width(Face::Bold, TEXT, label)? + 6.0;
            }
            let x1 = if *label == "Date:" {
                MARGIN_X + total * 0.45
            } else {
                MARGIN_X + total - 8.0
            };
            self.rule(x0, x1, y, 0.5);
        }
        self.y = top - height;
        Ok(())
    }

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
