//! Lays out a [`Report`] as a PDF with printpdf, as a portrait handout or landscape slides
//! ([`PdfLayout`]).
//!
//! Embedded DejaVu Sans Condensed (regular and bold), real word wrapping, and one keep rule for
//! every block: no heading without its first entry, no entry (row, bullet, reference, box) split
//! across pages (`blocks.rs`). Each case opens with its headline box and the decision box; a pack
//! has a cover listing each case with the page it starts on (laid out after the cases, so the
//! numbers are the real ones); the references of all cases are one numbered list at the end. A
//! footer on every page has "Page X of Y", the app and content versions and the case file's
//! fingerprint. Black on white with grey rules, so it prints in black and white.

mod blocks;
mod fonts;
mod headline;
mod layout;
mod pack;
mod style;

use printpdf::{Mm, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

use fonts::Fonts;
use layout::Layout;

use super::model::Report;

/// DejaVu Sans Condensed, licence in `assets/fonts/LICENSE-DejaVu.txt`.
const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed Bold.
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// Paper size of the handout.
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

/// How the pages are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PdfLayout {
    /// Portrait pages on the chosen paper, 9-point body text: to print and read.
    #[default]
    Handout,
    /// Landscape 16:9 slides (960 × 540 pt), 16-point body text: to project at the board.
    /// The paper size does not apply.
    Slides,
}

/// What [`render`] and [`super::export_files`] make: the paper and the layout. A [`Paper`]
/// alone means the handout on that paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Paper size of the handout.
    pub paper: Paper,
    /// Handout or slides.
    pub layout: PdfLayout,
}

impl From<Paper> for PdfOptions {
    fn from(paper: Paper) -> Self {
        Self {
            paper,
            layout: PdfLayout::Handout,
        }
    }
}

impl PdfOptions {
    fn style(self) -> &'static style::Style {
        match self.layout {
            PdfLayout::Handout => &style::HANDOUT,
            PdfLayout::Slides => &style::SLIDES,
        }
    }

    /// The page size in points, width × height.
    pub fn page_size_pt(self) -> (f32, f32) {
        match self.layout {
            PdfLayout::Handout => self.paper.size_pt(),
            PdfLayout::Slides => style::SLIDE_SIZE,
        }
    }

    /// The body text size in points.
    pub fn body_size_pt(self) -> f32 {
        self.style().text
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

const GREY: f32 = 0.55;

/// What kind of piece the layout placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlacedKind {
    /// A case's title line (its first page).
    Title,
    /// The headline box.
    Headline,
    /// A section heading.
    Heading,
    /// A sub-heading.
    Subheading,
    /// A paragraph, a field or table row, a bullet or a reference.
    Entry,
    /// The empty decision box.
    DecisionBox,
}

/// One piece the layout placed, in order: the record the tests check the keep rules against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// What it is.
    pub kind: PlacedKind,
    /// The page it starts on, counted from 1 in the whole document.
    pub page: usize,
    /// The page it ends on.
    pub last_page: usize,
    /// Its first characters.
    pub text: String,
    /// It is taller than a page's body, so it had to be split.
    pub taller_than_page: bool,
}

/// What [`render`] made: the PDF bytes and where its parts are.
#[derive(Clone, Debug)]
pub struct RenderedPdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Pages of each case summary, in order (a single summary's pages include the reference
    /// list after it; a pack's list has pages of its own).
    pub pages_per_case: Vec<usize>,
    /// The page each case summary starts on, counted from 1 (after a pack's cover).
    pub case_start_pages: Vec<usize>,
    /// The page the shared reference list starts on, if there is one.
    pub references_page: Option<usize>,
    /// The layout used.
    pub options: PdfOptions,
    /// Every heading, entry and box placed, in order, with its pages.
    pub placed: Vec<Placed>,
    /// Characters the embedded font cannot print; each was printed as "?".
    pub replaced_characters: Vec<char>,
    /// The seal of each case file, in order, when the PDF was made from files
    /// ([`super::export_files`]); empty otherwise.
    pub seals: Vec<mesocds_core::case_file::SealStatus>,
}

fn load_fonts(doc: &mut PdfDocument) -> Result<Fonts, PdfError> {
    let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())
        .ok_or(PdfError::Font("DejaVuSansCondensed.ttf"))?;
    let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())
        .ok_or(PdfError::Font("DejaVuSansCondensed-Bold.ttf"))?;
    let regular_id = doc.add_font(&regular);
    let bold_id = doc.add_font(&bold);
    Ok(Fonts {
        regular,
        bold,
        regular_id,
        bold_id,
        replaced: std::cell::RefCell::default(),
    })
}

/// Renders `report` as a PDF: `options` is a [`PdfOptions`] or a [`Paper`] (the handout).
///
/// The cases and the references are laid out first; then the cover (for a pack), with the page
/// each case starts on, which the cases are moved behind.
///
/// # Errors
/// [`PdfError`] if a font fails to load or the text has a character the font cannot print.
pub fn render(report: &Report, options: impl Into<PdfOptions>) -> Result<RenderedPdf, PdfError> {
    let options = options.into();
    let mut doc = PdfDocument::new(&report.title);
    let fonts = load_fonts(&mut doc)?;
    let style = options.style();
    let (width, height) = options.page_size_pt();
    let mut body = Layout::new(&fonts, style, width, height);
    for c in &report.cases {
        body.case(report, c)?;
    }
    body.references(report)?;
    let references_page = body
        .placed
        .iter()
        .rfind(|p| p.kind == PlacedKind::Heading && p.text == super::model::REFERENCES)
        .map(|p| p.page);
    let body_starts = pack::title_pages(&body.placed);
    let mut layout = Layout::new(&fonts, style, width, height);
    if let Some(rows) = &report.cover {
        // Twice: the cover's own length moves every start page.
        let mut cover_pages = 1;
        loop {
            let starts: Vec<usize> = body_starts.iter().map(|p| p + cover_pages).collect();
            let mut cover = Layout::new(&fonts, style, width, height);
            cover.cover(report, rows, &starts)?;
            if cover.pages.len() == cover_pages {
                layout = cover;
                break;
            }
            cover_pages = cover.pages.len();
        }
    }
    let offset = layout.pages.len();
    layout.append(body);
    let case_start_pages: Vec<usize> = body_starts.iter().map(|p| p + offset).collect();
    // A pack's cases end where the next case (or the reference list's own pages) starts.
    let end = match references_page {
        Some(p) if report.cover.is_some() => p + offset,
        _ => layout.pages.len() + 1,
    };
    let pages_per_case = case_start_pages
        .iter()
        .enumerate()
        .map(|(i, s)| case_start_pages.get(i + 1).copied().unwrap_or(end) - s)
        .collect();
    layout.footers(report)?;
    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let placed = std::mem::take(&mut layout.placed);
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
        case_start_pages,
        references_page: references_page.map(|p| p + offset),
        options,
        placed,
        replaced_characters,
        seals: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::fonts::Face;
    use super::*;

    #[test]
    fn slides_are_landscape_and_readable_when_projected() {
        let slides = PdfOptions {
            paper: Paper::Letter,
            layout: PdfLayout::Slides,
        };
        let (w, h) = slides.page_size_pt();
        assert!(w > h, "landscape");
        assert!((w / h - 16.0 / 9.0).abs() < 1e-3, "16:9");
        let st = slides.style();
        for (what, size) in [
            ("body", st.text),
            ("references", st.refs),
            ("lead", st.lead),
        ] {
            assert!(size >= 16.0, "{what} {size} pt");
        }
        assert!(st.headline > st.text && st.title > st.headline);
        // A Paper alone is the portrait handout on that paper.
        let handout = PdfOptions::from(Paper::A4);
        assert_eq!(handout.layout, PdfLayout::Handout);
        let (w, h) = handout.page_size_pt();
        assert!(h > w);
        assert!((handout.body_size_pt() - 9.0).abs() < f32::EPSILON);
    }

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
