//! Psum (three levels or a sum) and Fmax, in millimetres (`docs/clinical/staging-ajcc9.md` §2).

use std::fmt;
use std::str::FromStr;

use super::measure::{MeasurementError, Millimetres, tenths_text};

/// How Psum and Fmax are measured, for the help panel (`docs/clinical/staging-ajcc9.md` §2).
///
/// Tags: three levels, axial, maximal thickness, summed [2S: Gill 2024; NDRS TNM 9 sheet]; the
/// landmarks and Fmax on sagittal images [1S: SEER EOD V9 coding note 3].
pub const MEASUREMENT_HELP: &str = "Psum: on axial CT, measure the maximal pleural thickness, \
     perpendicular to the chest wall or mediastinum, in each of the upper, middle and lower \
     thirds of the chest, and add the three values (millimetres). The thirds are divided by a \
     line at the top of the aortic arch and a line at the top of the atria. Fmax: the maximal \
     thickness of pleural tumour along the fissures, measured on sagittal images (millimetres). \
     The landmarks and the sagittal Fmax come from a single source (SEER EOD Version 9 coding \
     note 3).";

/// Fmax: the maximal thickness of pleural tumour along the fissures, sagittal CT, millimetres.
///
/// Source: `docs/clinical/staging-ajcc9.md` §2 (SEER EOD V9 coding note 3 \[1S\] for the sagittal images).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Fmax(pub Millimetres);

impl Fmax {
    /// The measurement.
    pub fn mm(self) -> Millimetres {
        self.0
    }
}

impl FromStr for Fmax {
    type Err = MeasurementError;
    fn from_str(text: &str) -> Result<Self, MeasurementError> {
        Millimetres::parse(text, "Fmax").map(Self)
    }
}

impl fmt::Display for Fmax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fmax {}", self.0)
    }
}

/// The three levels of Psum, each the maximal pleural thickness of that third of the chest.
///
/// The thirds are divided by a line at the top of the aortic arch and a line at the top of the
/// atria (`docs/clinical/staging-ajcc9.md` §2; SEER EOD V9 coding note 3 \[1S\]). The sum is at most 300 mm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RawLevels", into = "RawLevels")]
pub struct PsumLevels {
    upper: Millimetres,
    middle: Millimetres,
    lower: Millimetres,
    /// The sum, checked at construction to be at most 300 mm.
    sum: Millimetres,
}

/// The serialized form of [`PsumLevels`]; checked on the way in.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevels {
    upper: Millimetres,
    middle: Millimetres,
    lower: Millimetres,
}

impl TryFrom<RawLevels> for PsumLevels {
    type Error = MeasurementError;
    fn try_from(r: RawLevels) -> Result<Self, MeasurementError> {
        Self::new(r.upper, r.middle, r.lower)
    }
}

impl From<PsumLevels> for RawLevels {
    fn from(l: PsumLevels) -> Self {
        Self {
            upper: l.upper,
            middle: l.middle,
            lower: l.lower,
        }
    }
}

impl PsumLevels {
    /// Three levels, if their sum is at most 300 mm.
    ///
    /// # Errors
    /// [`MeasurementError::OutOfRange`] for a sum above 300 mm.
    pub fn new(
        upper: Millimetres,
        middle: Millimetres,
        lower: Millimetres,
    ) -> Result<Self, MeasurementError> {
        let sum =
            u32::from(upper.tenths()) + u32::from(middle.tenths()) + u32::from(lower.tenths());
        let too_large = || MeasurementError::OutOfRange {
            what: "Psum (sum of the three levels)",
            text: tenths_text(sum),
        };
        let sum = u16::try_from(sum).map_err(|_err| too_large())?;
        let sum = Millimetres::from_tenths(sum, "Psum").map_err(|_err| too_large())?;
        Ok(Self {
            upper,
            middle,
            lower,
            sum,
        })
    }

    /// Upper third.
    pub fn upper(self) -> Millimetres {
        self.upper
    }

    /// Middle third.
    pub fn middle(self) -> Millimetres {
        self.middle
    }

    /// Lower third.
    pub fn lower(self) -> Millimetres {
        self.lower
    }

    /// The sum (at most 300 mm by construction).
    pub fn sum(self) -> Millimetres {
        self.sum
    }
}

/// Psum, from the three levels or entered as a sum.
///
/// Source: `docs/clinical/staging-ajcc9.md` §2 [2S: three levels, axial, maximal thickness, summed].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Psum {
    /// The three levels (upper, middle, lower thirds).
    Levels(PsumLevels),
    /// The sum, entered directly.
    Sum(Millimetres),
}

impl Psum {
    /// The sum.
    pub fn total(self) -> Millimetres {
        match self {
            Self::Levels(l) => l.sum(),
            Self::Sum(s) => s,
        }
    }

    /// Reads three levels `U,M,L` (upper, middle, lower), in millimetres.
    ///
    /// The levels are separated by `;`, by spaces, or — when no `;` is present — by `,`.
    /// With `,` as the separator the decimals must use a point (`4.5,3,2`); a decimal comma
    /// needs `;` (`4,5; 3; 2`).
    ///
    /// # Errors
    /// [`MeasurementError`] for a level, or a sum above 300 mm, or not exactly three values.
    pub fn parse_levels(text: &str) -> Result<Self, MeasurementError> {
        let parts: Vec<&str> = if text.contains(';') {
            text.split(';').map(str::trim).collect()
        } else if text.trim().contains(char::is_whitespace) && !text.contains(',') {
            text.split_whitespace().collect()
        } else {
            text.split(',').map(str::trim).collect()
        };
        let [u, m, l] = parts.as_slice() else {
            return Err(MeasurementError::NotANumber {
                what: "Psum levels",
                text: format!(
                    "{} (expected three values: upper, middle, lower, e.g. 4,3.5,5)",
                    text.trim()
                ),
            });
        };
        let upper = Millimetres::parse(u, "Psum upper third")?;
        let middle = Millimetres::parse(m, "Psum middle third")?;
        let lower = Millimetres::parse(l, "Psum lower third")?;
        PsumLevels::new(upper, middle, lower).map(Self::Levels)
    }
}

impl FromStr for Psum {
    type Err = MeasurementError;

    /// Reads a Psum entered as a sum, in millimetres.
    fn from_str(text: &str) -> Result<Self, MeasurementError> {
        Millimetres::parse(text, "Psum").map(Self::Sum)
    }
}

impl fmt::Display for Psum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sum(s) => write!(f, "Psum {s}"),
            Self::Levels(l) => write!(
                f,
                "Psum {} ({} + {} + {})",
                l.sum(),
                tenths_text(u32::from(l.upper.tenths())),
                tenths_text(u32::from(l.middle.tenths())),
                tenths_text(u32::from(l.lower.tenths()))
            ),
        }
    }
}
