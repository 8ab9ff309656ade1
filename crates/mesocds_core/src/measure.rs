//! The measurements a case holds, as validated newtypes with one parser each.
//!
//! Age in whole years, WBC in ×10⁹/L, hemoglobin in g/dL. [`std::str::FromStr`] is the one parser of each,
//! shared by the command line and the form (decimal comma accepted); the messages name the range
//! and, where a value looks like another unit, the conversion. Re-exported by [`crate::case`].

use std::fmt;
use std::str::FromStr;

/// A measurement that is not valid: text that is not a number, or a value outside the accepted
/// range. The message says what was given, what is accepted, and the unit hint where one applies.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RangeError(String);

impl RangeError {
    /// The message: what was given and what is accepted.
    pub fn message(&self) -> &str {
        &self.0
    }
}

/// Age in whole years, 0 to 120.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct AgeYears(u16);

impl AgeYears {
    /// The largest accepted age.
    pub const MAX: u16 = 120;

    /// An age, if within 0–120 years.
    ///
    /// # Errors
    /// [`RangeError`] naming the accepted range.
    pub fn new(years: u16) -> Result<Self, RangeError> {
        if years <= Self::MAX {
            Ok(Self(years))
        } else {
            Err(RangeError(format!(
                "age {years} years is out of range: accepted 0 to {} years",
                Self::MAX
            )))
        }
    }

    /// Whole years.
    pub fn get(self) -> u16 {
        self.0
    }
}

/// Parses whole years, e.g. "67" (surrounding spaces ignored). The one parser of ages, shared by
/// the command line and the form.
impl FromStr for AgeYears {
    type Err = RangeError;

    fn from_str(s: &str) -> Result<Self, RangeError> {
        let t = s.trim();
        match t.parse::<i64>() {
            Ok(years) => u16::try_from(years)
                .map_err(|_too_large| {
                    RangeError(format!(
                        "age {years} years is out of range: accepted 0 to {} years",
                        Self::MAX
                    ))
                })
                .and_then(Self::new),
            Err(_) => Err(RangeError(format!(
                "{t:?} is not a whole number of years: accepted 0 to {} years",
                Self::MAX
            ))),
        }
    }
}

/// Parses a decimal number written with a point or a comma ("9.1" or "9,1"); `what` and `unit`
/// word the message when it is not a number.
fn parse_decimal(s: &str, what: &str, unit: &str, example: &str) -> Result<f64, RangeError> {
    let t = s.trim();
    let not_a_number = || {
        RangeError(format!(
            "{t:?} is not a number: enter {what} in {unit}, e.g. {example}"
        ))
    };
    // One decimal comma is a decimal point; a comma together with a point, or two commas, are
    // digit grouping, which is refused rather than guessed.
    let commas = t.matches(',').count();
    if commas > 1 || (commas == 1 && t.contains('.')) {
        return Err(not_a_number());
    }
    let v: f64 = t
        .replace(',', ".")
        .parse()
        .map_err(|_not_a_float| not_a_number())?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(not_a_number())
    }
}

impl TryFrom<u16> for AgeYears {
    type Error = RangeError;
    fn try_from(v: u16) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<AgeYears> for u16 {
    fn from(v: AgeYears) -> Self {
        v.0
    }
}

impl fmt::Display for AgeYears {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} years", self.0)
    }
}

/// White blood cell count in ×10⁹/L, 0 to 200.
///
/// The unit follows the PDQ (its "× 109/L" is ×10⁹/L with the superscript lost;
/// docs/clinical/sources.md#quirk-2). 8.3 ×10⁹/L is 8,300/µL; a value such as 8300 typed into this
/// field
/// is rejected with a hint rather than scored (docs/clinical/prognostic-scores.md#units).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Wbc(f64);

impl Wbc {
    /// The largest accepted count, ×10⁹/L.
    pub const MAX: f64 = 200.0;

    /// A count in ×10⁹/L, if finite and within 0–200.
    ///
    /// # Errors
    /// [`RangeError`] naming the unit and range, with a unit hint for per-µL values.
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() && (0.0..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else if value.is_finite() && value >= 1000.0 {
            Err(RangeError(format!(
                "WBC {value} is out of range: accepted 0 to 200 ×10⁹/L. It looks like a count per µL: \
                 divide by 1000 (8300/µL = 8.3 ×10⁹/L)"
            )))
        } else {
            Err(RangeError(format!(
                "WBC {value} is out of range: accepted 0 to 200 ×10⁹/L"
            )))
        }
    }

    /// The count in ×10⁹/L.
    pub fn get(self) -> f64 {
        self.0
    }
}

/// Parses a count in ×10⁹/L, "9.1" or "9,1". The one parser of WBC counts, shared by the command
/// line and the form.
impl FromStr for Wbc {
    type Err = RangeError;

    fn from_str(s: &str) -> Result<Self, RangeError> {
        Self::new(parse_decimal(s, "the WBC count", "×10⁹/L", "8.3")?)
    }
}

impl TryFrom<f64> for Wbc {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<Wbc> for f64 {
    fn from(v: Wbc) -> Self {
        v.0
    }
}

impl fmt::Display for Wbc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ×10⁹/L", self.0)
    }
}

/// Hemoglobin in g/dL, 0 to 25.
///
/// 14.6 g/dL is 146 g/L (docs/clinical/prognostic-scores.md#units); a value above 25 is most likely
/// g/L and is
/// rejected with a hint.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Hemoglobin(f64);

impl Hemoglobin {
    /// The largest accepted value, g/dL.
    pub const MAX: f64 = 25.0;

    /// A hemoglobin in g/dL, if finite and within 0–25.
    ///
    /// # Errors
    /// [`RangeError`] naming the unit and range, with a unit hint for g/L values.
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() && (0.0..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else if value.is_finite() && value > Self::MAX && value <= 250.0 {
            Err(RangeError(format!(
                "hemoglobin {value} is out of range: accepted 0 to 25 g/dL. It looks like g/L: \
                 divide by 10 (146 g/L = 14.6 g/dL)"
            )))
        } else {
            Err(RangeError(format!(
                "hemoglobin {value} is out of range: accepted 0 to 25 g/dL"
            )))
        }
    }

    /// The value in g/dL.
    pub fn get(self) -> f64 {
        self.0
    }
}

/// Parses a hemoglobin in g/dL, "13.5" or "13,5". The one parser of hemoglobin values, shared by
/// the command line and the form.
impl FromStr for Hemoglobin {
    type Err = RangeError;

    fn from_str(s: &str) -> Result<Self, RangeError> {
        Self::new(parse_decimal(s, "hemoglobin", "g/dL", "13.5")?)
    }
}

impl TryFrom<f64> for Hemoglobin {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<Hemoglobin> for f64 {
    fn from(v: Hemoglobin) -> Self {
        v.0
    }
}

impl fmt::Display for Hemoglobin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} g/dL", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_range() {
        assert!(AgeYears::new(0).is_ok());
        assert!(AgeYears::new(120).is_ok());
        let err = AgeYears::new(300).unwrap_err();
        assert!(err.message().contains("0 to 120"), "{err}");
    }

    #[test]
    fn wbc_range_and_unit_hint() {
        assert_eq!(Wbc::new(8.3).map(Wbc::get), Ok(8.3));
        assert!(Wbc::new(0.0).is_ok());
        assert!(Wbc::new(200.0).is_ok());
        assert!(Wbc::new(-1.0).is_err());
        assert!(Wbc::new(f64::NAN).is_err());
        assert!(Wbc::new(f64::INFINITY).is_err());
        let err = Wbc::new(8300.0).unwrap_err();
        assert!(err.message().contains("per µL"), "{err}");
        assert!(!Wbc::new(250.0).unwrap_err().message().contains("per µL"));
    }

    #[test]
    fn hemoglobin_range_and_unit_hint() {
        assert!(Hemoglobin::new(14.6).is_ok());
        assert!(Hemoglobin::new(25.0).is_ok());
        let err = Hemoglobin::new(146.0).unwrap_err();
        assert!(err.message().contains("g/L"), "{err}");
        assert!(Hemoglobin::new(-0.5).is_err());
        assert!(Hemoglobin::new(f64::NAN).is_err());
    }

    #[test]
    fn measurements_parse_with_a_point_or_a_comma() {
        assert_eq!(" 67 ".parse::<AgeYears>().map(AgeYears::get), Ok(67));
        assert_eq!("9,1".parse::<Wbc>().map(Wbc::get), Ok(9.1));
        assert_eq!("9.1".parse::<Wbc>().map(Wbc::get), Ok(9.1));
        assert_eq!("13,5".parse::<Hemoglobin>().map(Hemoglobin::get), Ok(13.5));
        for grouped in ["1,234.5", "1.234,5", "1,2,3"] {
            let err = grouped.parse::<Wbc>().unwrap_err();
            assert!(
                err.message().contains("is not a number"),
                "{grouped}: {err}"
            );
        }
    }

    #[test]
    fn parse_messages_name_the_range_or_the_unit() {
        for text in ["-1", "121", "99999999999"] {
            let err = text.parse::<AgeYears>().unwrap_err();
            assert!(err.message().contains("accepted 0 to 120 years"), "{err}");
        }
        let err = "abc".parse::<AgeYears>().unwrap_err();
        assert!(err.message().contains("not a whole number"), "{err}");
        let err = "lots".parse::<Wbc>().unwrap_err();
        assert!(err.message().contains("×10⁹/L"), "{err}");
        assert!(
            "8300"
                .parse::<Wbc>()
                .unwrap_err()
                .message()
                .contains("per µL")
        );
        assert!(
            "-1".parse::<Wbc>()
                .unwrap_err()
                .message()
                .contains("0 to 200")
        );
        assert!(
            "146"
                .parse::<Hemoglobin>()
                .unwrap_err()
                .message()
                .contains("g/L")
        );
        assert!(
            "inf"
                .parse::<Hemoglobin>()
                .unwrap_err()
                .message()
                .contains("g/dL")
        );
        assert!("".parse::<Hemoglobin>().is_err());
    }
}
