//! Lays out a [`Report`] as a PDF with printpdf.
//!
//! Embedded DejaVu Sans Condensed (regular and bold), real word wrapping, page breaks that keep table rows and headings with their content,
//! and a footer on every page with "Page X of Y", the app and content versions and the case file's
//! fingerprint. Black on white with grey rules, so it prints in black and white.

mod fonts;
mod layout;

use printpdf::{Mm, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

use fonts::Fonts;
use layout::Layout;

use super::model::Report;

/// DejaVu Sans Condensed, licence in `assets/fonts/LICENSE-DejaVu.txt`.
const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed Bold.
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

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
    use super::fonts::Face;
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
        let mut text = "word ".repeat(60);
        text.push_str(&"x".repeat(200));
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
