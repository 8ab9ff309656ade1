//! The two embedded faces of the PDF and what they can print: widths, word wrapping, and the
//! characters replaced by "?".

use printpdf::{FontId, ParsedFont};

use super::PdfError;
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    Regular,
    Bold,
}

pub(super) struct Fonts {
    pub(super) regular: ParsedFont,
    pub(super) bold: ParsedFont,
    pub(super) regular_id: FontId,
    pub(super) bold_id: FontId,
    /// Characters the font cannot draw, printed as "?".
    pub(super) replaced: std::cell::RefCell<std::collections::BTreeSet<char>>,
}

impl Fonts {
    pub(super) fn face(&self, face: Face) -> (&ParsedFont, &FontId) {
        match face {
            Face::Regular => (&self.regular, &self.regular_id),
            Face::Bold => (&self.bold, &self.bold_id),
        }
    }

    /// `text` with every character the font cannot draw replaced by "?" (and remembered).
    pub(super) fn printable(&self, face: Face, text: &str) -> String {
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
    pub(super) fn width(&self, face: Face, size: f32, text: &str) -> Result<f32, PdfError> {
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
    pub(super) fn wrap(
        &self,
        face: Face,
        size: f32,
        text: &str,
        max: f32,
    ) -> Result<Vec<String>, PdfError> {
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
