//! Lays out a [`Report`] as a PDF with printpdf: embedded DejaVu Sans Condensed (regular and
//! bold), real word wrapping, page breaks that keep table rows and headings with their content,
//! and a footer on every page with "Page X of Y", the app and content versions and the case file's
//! fingerprint. Black on white with grey rules, so it prints in black and white.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::model::{Block, CaseReport, Report};

/// DejaVu Sans Condensed, licence in `assets/fonts/LICENSE-DejaVu.txt`.
const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed Bold.
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// Paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// Why a PDF could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// An embedded font failed to parse (a defect of the build).
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// The text has a character the embedded font cannot draw.
    #[error("the report has a character the PDF font cannot print: {0:?} (U+{1:04X})")]
    MissingGlyph(char, u32),
}

const MARGIN_X: f32 = 50.0;
const MARGIN_TOP: f32 = 48.0;
/// The body stops here; the footer sits below.
const BODY_BOTTOM: f32 = 72.0;
const TEXT: f32 = 9.0;
const SMALL: f32 = 7.5;
const GREY: f32 = 0.55;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
}

struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    regular_id: FontId,
    bold_id: FontId,
    /// Characters the font cannot draw, printed as "?".
    replaced: std::cell::RefCell<std::collections::BTreeSet<char>>,
}

impl Fonts {
    fn face(&self, face: Face) -> (&ParsedFont, &FontId) {
        match face {
            Face::Regular => (&self.regular, &self.regular_id),
            Face::Bold => (&self.bold, &self.bold_id),
        }
    }

    /// `text` with every character the font cannot draw replaced by "?" (and remembered).
    fn printable(&self, face: Face, text: &str) -> String {
        let (font, _) = self.face(face);
        text.chars()
            .map(|c| {
                if c.is_whitespace() || font.lookup_glyph_index(u32::from(c)).is_some() {
                    c
                } else {
                    self.replaced.borrow_mut().insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// The advance width of printable `text` in points.
    fn width(&self, face: Face, size: f32, text: &str) -> Result<f32, PdfError> {
        let (font, _) = self.face(face);
        let per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let mut units = 0.0;
        for c in text.chars() {
            let gid = font
                .lookup_glyph_index(u32::from(c))
                .or_else(|| font.lookup_glyph_index(u32::from('?')))
                .ok_or(PdfError::MissingGlyph(c, u32::from(c)))?;
            units += f32::from(font.get_horizontal_advance(gid));
        }
        Ok(units * size / per_em)
    }

    /// Splits `text` into lines no wider than `max`; a word longer than a line is broken.
    fn wrap(&self, face: Face, size: f32, text: &str, max: f32) -> Result<Vec<String>, PdfError> {
        let text = self.printable(face, text);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(face, size, &candidate)? <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if self.width(face, size, word)? <= max {
                line = word.to_owned();
            } else {
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if !line.is_empty() && self.width(face, size, &next)? > max {
                        lines.push(std::mem::take(&mut line));
                        next = c.to_string();
                    }
                    line = next;
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        Ok(lines)
    }
}

struct PageBuf {
    ops: Vec<Op>,
    fingerprint: String,
}

struct Layout<'f> {
    fonts: &'f Fonts,
    width: f32,
    height: f32,
    pages: Vec<PageBuf>,
    /// Baseline cursor, points from the bottom of the page.
    y: f32,
    fingerprint: String,
}

/// The operations that print one line of black text with its baseline at (`x`, `y`).
fn text_ops(font: FontId, x: f32, y: f32, size: f32, text: &str) -> [Op; 6] {
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

fn line_height(size: f32) -> f32 {
    size * 1.3
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl Layout<'_> {
    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].ops
    }

    fn new_page(&mut self) {
        self.pages.push(PageBuf {
            ops: Vec::new(),
            fingerprint: self.fingerprint.clone(),
        });
        self.y = self.height - MARGIN_TOP;
    }

    /// Starts a new page unless `needed` points still fit.
    fn ensure(&mut self, needed: f32) {
        if self.pages.is_empty() || self.y - needed < BODY_BOTTOM {
            self.new_page();
        }
    }

    fn draw_text(&mut self, x: f32, y: f32, face: Face, size: f32, text: &str) {
        let (_, id) = self.fonts.face(face);
        let ops = text_ops(id.clone(), x, y, size, text);
        self.ops().extend(ops);
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32) {
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
    fn paragraph(
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

    fn gap(&mut self, pt: f32) {
        self.y -= pt;
    }

    fn heading(&mut self, text: &str) -> Result<(), PdfError> {
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
    fn flow_row(&mut self, cols: &[(f32, Face, Vec<String>)], size: f32, extra: f32) {
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

    fn fields(&mut self, rows: &[(String, String)]) -> Result<(), PdfError> {
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

    fn table(
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

    fn decision_box(&mut self) -> Result<(), PdfError> {
        let lh = 20.0;
        let labels = ["Decision:", "", "", "Attendees:", "", "Date:"];
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

    fn block(&mut self, b: &Block) -> Result<(), PdfError> {
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

    fn case(&mut self, report: &Report, c: &CaseReport) -> Result<(), PdfError> {
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

    fn cover(&mut self, report: &Report, rows: &[[String; 3]]) -> Result<(), PdfError> {
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
    fn footers(&mut self, report: &Report) -> Result<(), PdfError> {
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
            let first = self
                .fonts
                .wrap(Face::Regular, SMALL, &first, self.text_width())?
                .join(" ");
            let mut y = BODY_BOTTOM - 14.0;
            let lines: Vec<String> = std::iter::once(first)
                .chain(content.iter().cloned())
                .chain(std::iter::once(report.intended_use.to_owned()))
                .collect();
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

/// What [`render`] made: the PDF bytes and its page count.
#[derive(Clone, Debug)]
pub struct RenderedPdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Pages of each case summary, in order.
    pub pages_per_case: Vec<usize>,
    /// Characters the embedded font cannot print; each was printed as "?".
    pub replaced_characters: Vec<char>,
    /// The seal of each case file, in order, when the PDF was made from files
    /// ([`super::export_files`]); empty otherwise.
    pub seals: Vec<mesocds_core::case_file::SealStatus>,
}

/// Renders `report` as a PDF on `paper`.
///
/// # Errors
/// [`PdfError`] if a font fails to load or the text has a character the font cannot print.
pub fn render(report: &Report, paper: Paper) -> Result<RenderedPdf, PdfError> {
    let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())
        .ok_or(PdfError::Font("DejaVuSansCondensed.ttf"))?;
    let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())
        .ok_or(PdfError::Font("DejaVuSansCondensed-Bold.ttf"))?;
    let mut doc = PdfDocument::new(&report.title);
    let regular_id = doc.add_font(&regular);
    let bold_id = doc.add_font(&bold);
    let fonts = Fonts {
        regular,
        bold,
        regular_id,
        bold_id,
        replaced: std::cell::RefCell::default(),
    };
    let (width, height) = paper.size_pt();
    let mut layout = Layout {
        fonts: &fonts,
        width,
        height,
        pages: Vec::new(),
        y: height - MARGIN_TOP,
        fingerprint: String::new(),
    };
    if let Some(rows) = &report.cover {
        layout.cover(report, rows)?;
    }
    let mut pages_per_case = Vec::new();
    for c in &report.cases {
        let before = layout.pages.len();
        layout.case(report, c)?;
        pages_per_case.push(layout.pages.len() - before);
    }
    layout.footers(report)?;
    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let pages: Vec<PdfPage> = layout
        .pages
        .into_iter()
        .map(|p| PdfPage::new(to_mm(width), to_mm(height), p.ops))
        .collect();
    let count = pages.len();
    let replaced_characters = fonts.replaced.borrow().iter().copied().collect();
    let bytes = doc.with_pages(pages).save(
        &PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        },
        &mut Vec::new(),
    );
    Ok(RenderedPdf {
        bytes,
        pages: count,
        pages_per_case,
        replaced_characters,
        seals: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_print_the_clinical_symbols() {
        for (name, bytes) in [("regular", REGULAR_TTF), ("bold", BOLD_TTF)] {
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect(name);
            for c in "≥≤×µ⁹–®·•".chars() {
                assert!(
                    font.lookup_glyph_index(u32::from(c)).is_some(),
                    "{name} lacks {c:?}"
                );
            }
        }
    }

    #[test]
    fn wrapping_respects_the_width_and_breaks_long_words() {
        let mut doc = PdfDocument::new("t");
        let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new()).expect("font");
        let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new()).expect("font");
        let fonts = Fonts {
            regular_id: doc.add_font(&regular),
            bold_id: doc.add_font(&bold),
            regular,
            bold,
            replaced: std::cell::RefCell::default(),
        };
        let text = "word ".repeat(60) + &"x".repeat(200);
        let lines = fonts.wrap(Face::Regular, 9.0, &text, 200.0).expect("wrap");
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(
                fonts.width(Face::Regular, 9.0, l).expect("width") <= 200.0,
                "{l}"
            );
        }
        let joined: String = lines
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, original, "no character is lost");
    }
}
