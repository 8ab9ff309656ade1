//! The text typed into the issue-11 fields, and their parsers.
//!
//! The date of diagnosis, Psum, Fmax and the PCI total are kept apart from the case like
//! [`crate::app::document::FormText`]. Every value is read by the core's one parser for it (`FromStr` of `Date`, `Millimetres`, `Psum`,
//! `Fmax`, `Pci`); the app never parses or words a clinical value itself.

use mesocds_core::Case;
use mesocds_core::ajcc9::{Date, Fmax, Millimetres, Psum};
use mesocds_core::peritoneal::{Pci, PciEntry};

/// How Psum is typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PsumMode {
    /// The three levels (upper, middle, lower thirds), summed by the core.
    #[default]
    Levels,
    /// The sum, typed directly.
    Sum,
}

/// How the PCI is entered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PciMode {
    /// Region by region on the map.
    #[default]
    Map,
    /// The total, typed directly.
    Total,
}

/// The text of the issue-11 fields of one case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditionFormText {
    /// Date of diagnosis, `YYYY-MM-DD`.
    pub diagnosed: String,
    /// How Psum is typed.
    pub psum_mode: PsumMode,
    /// Psum levels: upper, middle, lower third (mm).
    pub psum_levels: [String; 3],
    /// Psum typed as a sum (mm).
    pub psum_sum: String,
    /// Fmax (mm).
    pub fmax: String,
    /// How the PCI is entered.
    pub pci_mode: PciMode,
    /// The PCI typed as a total.
    pub pci_total: String,
}

/// A measurement as typed back into its field: millimetres without the unit (`12.5`).
fn mm_text(v: Millimetres) -> String {
    v.as_mm_f64().to_string()
}

impl EditionFormText {
    /// The texts for the values in `case`.
    pub fn from_case(case: &Case) -> Self {
        let ninth = &case.staging.ninth;
        let mut form = Self {
            diagnosed: case
                .disease
                .diagnosed
                .map_or_else(String::new, |d| d.to_string()),
            fmax: ninth.fmax.map_or_else(String::new, |f| mm_text(f.mm())),
            ..Self::default()
        };
        match ninth.psum {
            Some(Psum::Levels(l)) => {
                form.psum_levels = [l.upper(), l.middle(), l.lower()].map(mm_text);
            }
            Some(Psum::Sum(s)) => {
                form.psum_mode = PsumMode::Sum;
                form.psum_sum = mm_text(s);
            }
            None => {}
        }
        if let Some(PciEntry::Total(p)) = case.peritoneal.pci {
            form.pci_mode = PciMode::Total;
            form.pci_total = p.get().to_string();
        }
        form
    }
}

/// Empty text is not entered; anything else goes through `parse`, whose error is the message.
fn optional<T, E: std::fmt::Display>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(text).map(Some).map_err(|e| e.to_string())
}

/// Reads a date of diagnosis: empty is not entered; otherwise `YYYY-MM-DD`, a real date, and
/// not after `today` (when today is known).
///
/// # Errors
/// The core's message, which says what is accepted.
pub fn parse_diagnosed(text: &str, today: Option<Date>) -> Result<Option<Date>, String> {
    optional(text, |t| {
        let d: Date = t.parse()?;
        match today {
            Some(today) => d.not_after(today),
            None => Ok(d),
        }
    })
}

/// Today's date (UTC) from the system clock, as the core's `Date`, to refuse future dates.
pub fn today() -> Option<Date> {
    crate::report::today().parse().ok()
}

/// Reads one Psum level (mm): empty is not entered.
///
/// # Errors
/// The core's message, with the centimetre hint when the value reads as centimetres.
pub fn parse_mm(text: &str) -> Result<Option<Millimetres>, String> {
    optional(text, str::parse::<Millimetres>)
}

/// Reads Psum typed as a sum (mm): empty is not entered.
///
/// # Errors
/// The core's message.
pub fn parse_psum(text: &str) -> Result<Option<Psum>, String> {
    optional(text, str::parse::<Psum>)
}

/// Reads Fmax (mm): empty is not entered.
///
/// # Errors
/// The core's message.
pub fn parse_fmax(text: &str) -> Result<Option<Fmax>, String> {
    optional(text, str::parse::<Fmax>)
}

/// Reads a PCI total (0–39): empty is not entered.
///
/// # Errors
/// The core's message.
pub fn parse_pci(text: &str) -> Result<Option<Pci>, String> {
    optional(text, str::parse::<Pci>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_use_the_core_parsers() {
        let today = Date::new(2026, 11, 24).ok();
        assert_eq!(parse_diagnosed("", today), Ok(None));
        assert!(parse_diagnosed("2025-03-14", today).unwrap().is_some());
        assert!(parse_diagnosed("2027-01-01", today).is_err());
        assert!(parse_diagnosed("14/03/2025", today).is_err());
        assert!(parse_mm("1.25").unwrap_err().contains("12.5 mm"));
        assert!(parse_fmax("1.2 cm").unwrap_err().contains("enter 12 (mm)"));
        assert!(parse_pci("40").is_err());
        assert_eq!(parse_psum(" "), Ok(None));
    }
}
