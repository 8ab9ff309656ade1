//! Psum and Fmax: the CT measurements of the 9th-edition clinical T, in millimetres.
//!
//! Psum is the sum of the maximal pleural thickness in the upper, middle and lower thirds of the
//! chest (axial CT, perpendicular to the chest wall or mediastinum); Fmax is the maximal
//! thickness of tumour along the fissures (sagittal images). Both are millimetres, 0–300
//! (`docs/clinical/staging-ajcc9.md`, "Measurements").
//!
//! Values are kept as whole tenths of a millimetre, so the boundaries 5, 12 and 30 mm compare
//! exactly and a sum of three levels never drifts across a boundary by rounding.

use std::fmt;
use std::str::FromStr;

/// A length in millimetres, 0 to 300, to 0.1 mm.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "f64", into = "f64")]
pub struct Millimetres {
    tenths: u16,
}

/// A measurement that could not be read or is not accepted. Every message says what is accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MeasurementError {
    /// Nothing was typed.
    #[error("{what}: nothing entered (accepted: 0 to 300 mm)")]
    Empty {
        /// Which measurement.
        what: &'static str,
    },
    /// Not a number.
    #[error(
        "{what}: \"{text}\" is not a number of millimetres (accepted: 0 to 300 mm, e.g. 12, 12.5 or 12,5)"
    )]
    NotANumber {
        /// Which measurement.
        what: &'static str,
        /// The text given.
        text: String,
    },
    /// Negative or above 300 mm.
    #[error("{what}: {text} mm is out of range: accepted 0 to 300 mm")]
    OutOfRange {
        /// Which measurement.
        what: &'static str,
        /// The value given.
        text: String,
    },
    /// More than one decimal place.
    #[error("{what}: {text} has more than one decimal place: enter millimetres to 0.1 mm{hint}")]
    TooPrecise {
        /// Which measurement.
        what: &'static str,
        /// The value given.
        text: String,
        /// A unit hint when the value reads as centimetres (may be empty).
        hint: String,
    },
    /// Written with a centimetre unit.
    #[error("{what} is entered in millimetres: {text} is centimetres; {mm_hint}")]
    Centimetres {
        /// Which measurement.
        what: &'static str,
        /// The text given.
        text: String,
        /// The same value in millimetres, or why it cannot be one.
        mm_hint: String,
    },
}

impl Millimetres {
    /// The largest accepted value, in tenths of a millimetre (300 mm).
    pub const MAX_TENTHS: u16 = 3000;

    /// A length of `tenths` tenths of a millimetre, if at most 300 mm.
    ///
    /// # Errors
    /// [`MeasurementError::OutOfRange`].
    pub fn from_tenths(tenths: u16, what: &'static str) -> Result<Self, MeasurementError> {
        if tenths <= Self::MAX_TENTHS {
            Ok(Self { tenths })
        } else {
            Err(MeasurementError::OutOfRange {
                what,
                text: tenths_text(u32::from(tenths)),
            })
        }
    }

    /// A whole number of millimetres, if at most 300.
    ///
    /// # Errors
    /// [`MeasurementError::OutOfRange`].
    pub fn from_mm(mm: u16, what: &'static str) -> Result<Self, MeasurementError> {
        match mm.checked_mul(10) {
            Some(t) => Self::from_tenths(t, what),
            None => Err(MeasurementError::OutOfRange {
                what,
                text: mm.to_string(),
            }),
        }
    }

    /// The value in tenths of a millimetre.
    pub fn tenths(self) -> u16 {
        self.tenths
    }

    /// The value in millimetres.
    pub fn as_mm_f64(self) -> f64 {
        f64::from(self.tenths) / 10.0
    }

    /// Reads millimetres from text: a decimal point or a decimal comma, at most one decimal
    /// place, an optional `mm` unit. A `cm` unit is refused with the millimetre value to enter.
    ///
    /// # Errors
    /// [`MeasurementError`] naming `what` and what is accepted.
    pub fn parse(text: &str, what: &'static str) -> Result<Self, MeasurementError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(MeasurementError::Empty { what });
        }
        let lower = t.to_ascii_lowercase();
        if let Some(number) = lower.strip_suffix("cm") {
            let mm_hint = match parse_tenths(number.trim(), 2) {
                // Hundredths of a centimetre are tenths of a millimetre.
                Some(hundredths_cm) if hundredths_cm <= u32::from(Self::MAX_TENTHS) => {
                    format!("enter {} (mm)", tenths_text(hundredths_cm))
                }
                _ => "enter the value in millimetres, 0 to 300".to_owned(),
            };
            return Err(MeasurementError::Centimetres {
                what,
                text: t.to_owned(),
                mm_hint,
            });
        }
        let number = lower.strip_suffix("mm").unwrap_or(&lower).trim();
        if let Some(rest) = number.strip_prefix('-')
            && parse_tenths(rest, 1).is_some_and(|v| v > 0)
        {
            return Err(MeasurementError::OutOfRange {
                what,
                text: number.to_owned(),
            });
        }
        match parse_tenths(number, 1) {
            Some(v) if v <= u32::from(Self::MAX_TENTHS) => Ok(Self {
                tenths: u16::try_from(v).unwrap_or(Self::MAX_TENTHS),
            }),
            Some(_) => Err(MeasurementError::OutOfRange {
                what,
                text: number.to_owned(),
            }),
            None => match parse_tenths(number, 2) {
                Some(hundredths) => Err(MeasurementError::TooPrecise {
                    what,
                    text: number.to_owned(),
                    hint: if hundredths <= u32::from(Self::MAX_TENTHS) {
                        format!(
                            ". If this is centimetres, {number} cm = {} mm",
                            tenths_text(hundredths)
                        )
                    } else {
                        String::new()
                    },
                }),
                None if number.chars().any(|c| c.is_ascii_digit())
                    && number
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && number.matches(['.', ',']).count() == 1 =>
                {
                    Err(MeasurementError::TooPrecise {
                        what,
                        text: number.to_owned(),
                        hint: String::new(),
                    })
                }
                None if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) => {
                    Err(MeasurementError::OutOfRange {
                        what,
                        text: number.to_owned(),
                    })
                }
                None => Err(MeasurementError::NotANumber {
                    what,
                    text: text.trim().to_owned(),
                }),
            },
        }
    }
}

/// Reads an unsigned decimal with a `.` or `,` separator and at most `places` significant
/// decimal places (trailing zeros beyond are fine), as a whole number of 10^-places units.
/// `None` for anything else (signs, exponents, two separators, too many places, overflow).
fn parse_tenths(s: &str, places: u32) -> Option<u32> {
    let (int, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    let digits = |x: &str| x.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || int.len() > 6 {
        return None;
    }
    let frac_trimmed = frac.trim_end_matches('0');
    let frac_len = u32::try_from(frac_trimmed.len()).ok()?;
    if frac_len > places {
        return None;
    }
    let int_value: u32 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac_value: u32 = if frac_trimmed.is_empty() {
        0
    } else {
        frac_trimmed.parse().ok()?
    };
    let scale = 10u32.pow(places);
    Some(int_value.checked_mul(scale)? + frac_value * 10u32.pow(places - frac_len))
}

/// `123` tenths → "12.3"; `120` → "12".
pub(super) fn tenths_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

impl fmt::Display for Millimetres {
    /// `12 mm`, `12.5 mm`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mm", tenths_text(u32::from(self.tenths)))
    }
}

impl FromStr for Millimetres {
    type Err = MeasurementError;
    fn from_str(text: &str) -> Result<Self, MeasurementError> {
        Self::parse(text, "value")
    }
}

impl TryFrom<f64> for Millimetres {
    type Error = MeasurementError;

    /// From a number of millimetres (case files): finite, 0–300, at most one decimal place.
    fn try_from(mm: f64) -> Result<Self, MeasurementError> {
        let what = "value";
        let scaled = mm * 10.0;
        if !scaled.is_finite() {
            return Err(MeasurementError::NotANumber {
                what,
                text: mm.to_string(),
            });
        }
        if !(0.0..=f64::from(Self::MAX_TENTHS)).contains(&scaled) {
            return Err(MeasurementError::OutOfRange {
                what,
                text: mm.to_string(),
            });
        }
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 {
            return Err(MeasurementError::TooPrecise {
                what,
                text: mm.to_string(),
                hint: String::new(),
            });
        }
        // In range 0..=3000 and whole, so the conversion is exact.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "checked to be a whole number within 0..=3000 above"
        )]
        let tenths = rounded as u16;
        Ok(Self { tenths })
    }
}

impl From<Millimetres> for f64 {
    fn from(v: Millimetres) -> Self {
        v.as_mm_f64()
    }
}
