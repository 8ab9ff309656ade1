//! The page layout's primitives: a cursor down the page, page breaks on request, text, rules and
//! boxes, and the measuring of a piece before it is placed (a scratch layout with an endless
//! page), which the keep-together rules of [`super::blocks`] build on.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem,
};

use super::fonts::{Face, Fonts};
use super::style::Style;
use super::{GREY, PdfError, Placed, PlacedKind};

/// The height of the scratch layout's one page.
const SCRATCH: f32 = 1.0e7;

pub(super) struct PageBuf {
    pub(super) ops: Vec<Op>,
    pub(super) fingerprint: String,
}

pub(super) struct Layout<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) style: &'static Style,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) pages: Vec<PageBuf>,
    /// Baseline cursor, points from the bottom of the page.
    pub(super) y: f32,
    /// The footer's description of what the next new page belongs to.
    pub(super) fingerprint: String,
    /// Extra indent on the left and the right (inside a box, or a column of a slide).
    pub(super) inset: (f32, f32),
    /// What was placed where (pages counted from 1 within this layout).
    pub(super) placed: Vec<Placed>,
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

impl<'f> Layout<'f> {
    pub(super) fn new(fonts: &'f Fonts, style: &'static Style, width: f32, height: f32) -> Self {
        Self {
            fonts,
            style,
            width,
            height,
            pages: Vec::new(),
            y: height - style.margin_top,
            fingerprint: String::new(),
            inset: (0.0, 0.0),
            placed: Vec::new(),
        }
    }

    /// How far `draw` moves the cursor down, drawn on a scratch page that never breaks.
    pub(super) fn measure(
        &self,
        draw: impl FnOnce(&mut Self) -> Result<(), PdfError>,
    ) -> Result<f32, PdfError> {
        let mut scratch = Self::new(self.fonts, self.style, self.width, SCRATCH);
        scratch.inset = self.inset;
        scratch.new_page();
        let top = scratch.y;
        draw(&mut scratch)?;
        Ok(top - scratch.y)
    }

    /// The height of a page's body.
    pub(super) fn body_height(&self) -> f32 {
        self.height - self.style.margin_top - self.style.body_bottom
    }

    /// The left edge of the text.
    pub(super) fn left(&self) -> f32 {
        self.style.margin_x + self.inset.0
    }

    pub(super) fn text_width(&self) -> f32 {
        self.width - 2.0 * self.style.margin_x - self.inset.0 - self.inset.1
    }

    /// The current page, counted from 1 (0 before the first).
    pub(super) fn page(&self) -> usize {
        self.pages.len()
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
        self.y = self.height - self.style.margin_top;
    }

    /// Starts a new page unless `needed` points still fit.
    pub(super) fn ensure(&mut self, needed: f32) {
        if self.pages.is_empty() || self.y - needed < self.style.body_bottom {
            self.new_page();
        }
    }

    /// Whether the cursor is at the top of a fresh page.
    pub(super) fn at_top(&self) -> bool {
        self.y >= self.height - self.style.margin_top
    }

    /// Records a placed piece that started on `page`.
    pub(super) fn record(&mut self, kind: PlacedKind, page: usize, text: &str, height: f32) {
        let text: String = text.chars().take(60).collect();
        self.placed.push(Placed {
            kind,
            page,
            last_page: self.page(),
            text,
            taller_than_page: height > self.body_height(),
        });
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

    /// A black rectangle outline from (`x`, `top`) down to `top - height`.
    pub(super) fn frame(&mut self, x: f32, top: f32, width: f32, height: f32, thickness: f32) {
        self.ops().extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(top - height),
                    width: Pt(width),
                    height: Pt(height),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
        ]);
    }

    /// A wrapped paragraph at `indent` (hanging `prefix` such as a bullet). Its lines flow onto
    /// the next page when it does not fit; the callers keep it together first when it can be.
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
        for (i, l) in lines.iter().enumerate() {
            self.ensure(lh);
            self.y -= lh;
            let x = self.left() + indent;
            if i == 0
                && let Some(p) = prefix
            {
                let p = self.fonts.printable(face, p);
                self.draw_text(x, self.y, face, size, &p);
            }
            self.draw_text(x + hang, self.y, face, size, l);
        }
        Ok(())
    }

    pub(super) fn gap(&mut self, pt: f32) {
        self.y -= pt;
    }

    /// A section heading with its rule (drawn where the cursor is).
    pub(super) fn heading(&mut self, text: &str) -> Result<(), PdfError> {
        let size = self.style.heading;
        self.gap(size * 0.7);
        self.paragraph(Face::Bold, size, 0.0, None, text)?;
        self.gap(2.0);
        let y = self.y;
        let (x0, x1) = (self.left(), self.left() + self.text_width());
        self.rule(x0, x1, y, 0.6);
        self.gap(2.0);
        Ok(())
    }

    /// A bold sub-heading (drawn where the cursor is).
    pub(super) fn subheading(&mut self, text: &str) -> Result<(), PdfError> {
        let size = self.style.subheading;
        self.gap(size * 0.5);
        self.paragraph(Face::Bold, size, 0.0, None, text)
    }

    /// Draws one row of columns (x, face, wrapped lines) line by line below the cursor, with
    /// `extra` points below it.
    pub(super) fn flow_row(&mut self, cols: &[(f32, Face, Vec<String>)], size: f32, extra: f32) {
        let lh = line_height(size);
        let n = cols.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0);
        for i in 0..n {
            self.ensure(lh);
            self.y -= lh;
            for (x, face, lines) in cols {
                if let Some(l) = lines.get(i) {
                    self.draw_text(*x, self.y, *face, size, l);
                }
            }
        }
        self.y -= extra;
    }

    /// The key column's width of "name: value" rows at `size`.
    pub(super) fn key_width(&self, rows: &[(String, String)], size: f32) -> Result<f32, PdfError> {
        let mut key_w: f32 = 0.0;
        for (k, _) in rows {
            key_w = key_w.max(self.fonts.width(Face::Bold, size, k)?);
        }
        Ok(key_w.min(self.text_width() * 0.35) + 8.0)
    }

    /// One "name: value" row.
    pub(super) fn field_row(
        &mut self,
        (k, v): &(String, String),
        key_w: f32,
        size: f32,
    ) -> Result<(), PdfError> {
        let keys = self.fonts.wrap(Face::Bold, size, k, key_w - 8.0)?;
        let vals = self
            .fonts
            .wrap(Face::Regular, size, v, self.text_width() - key_w)?;
        let x = self.left();
        let cols = [(x, Face::Bold, keys), (x + key_w, Face::Regular, vals)];
        self.flow_row(&cols, size, 0.0);
        Ok(())
    }

    /// One table row (`header`: bold, with a heavier rule below), its cells wrapped in their
    /// columns (`widths`: shares of the text width).
    pub(super) fn table_row(
        &mut self,
        row: &[String],
        widths: &[f32],
        header: bool,
    ) -> Result<(), PdfError> {
        let size = self.style.text;
        let total = self.text_width();
        let face = if header { Face::Bold } else { Face::Regular };
        let mut cols = Vec::new();
        let mut x = self.left();
        for (c, text) in row.iter().enumerate() {
            let w = widths.get(c).map_or(total, |w| w * total);
            cols.push((x, face, self.fonts.wrap(face, size, text, w - 6.0)?));
            x += w;
        }
        self.flow_row(&cols, size, 3.0);
        self.y -= 2.0;
        let (y, x0) = (self.y, self.left());
        self.rule(x0, x0 + total, y, if header { 0.6 } else { 0.3 });
        self.gap(1.0);
        Ok(())
    }
}
