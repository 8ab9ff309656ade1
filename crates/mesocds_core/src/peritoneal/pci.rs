//! The Peritoneal Cancer Index: regions, lesion-size scores, the total, and the map layout.
//!
//! Source: Jacquet P, Sugarbaker PH, Cancer Treat Res 1996;82:359-374, PMID 8849962;
//! `docs/clinical/peritoneal-staging.md` §1.

use std::fmt;
use std::str::FromStr;

/// One of the 13 PCI regions.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub enum PciRegion {
    /// 0 Central.
    Central,
    /// 1 Right upper.
    RightUpper,
    /// 2 Epigastrium.
    Epigastrium,
    /// 3 Left upper.
    LeftUpper,
    /// 4 Left flank.
    LeftFlank,
    /// 5 Left lower.
    LeftLower,
    /// 6 Pelvis.
    Pelvis,
    /// 7 Right lower.
    RightLower,
    /// 8 Right flank.
    RightFlank,
    /// 9 Upper jejunum.
    UpperJejunum,
    /// 10 Lower jejunum.
    LowerJejunum,
    /// 11 Upper ileum.
    UpperIleum,
    /// 12 Lower ileum.
    LowerIleum,
}

impl PciRegion {
    /// All 13 regions, by number.
    pub const ALL: [Self; 13] = [
        Self::Central,
        Self::RightUpper,
        Self::Epigastrium,
        Self::LeftUpper,
        Self::LeftFlank,
        Self::LeftLower,
        Self::Pelvis,
        Self::RightLower,
        Self::RightFlank,
        Self::UpperJejunum,
        Self::LowerJejunum,
        Self::UpperIleum,
        Self::LowerIleum,
    ];

    /// The region number, 0–12.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The region with a number, or `None` outside 0–12.
    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.get(usize::from(n)).copied()
    }

    /// The name (`docs/clinical/peritoneal-staging.md` §1).
    pub fn name(self) -> &'static str {
        [
            "Central",
            "Right upper",
            "Epigastrium",
            "Left upper",
            "Left flank",
            "Left lower",
            "Pelvis",
            "Right lower",
            "Right flank",
            "Upper jejunum",
            "Lower jejunum",
            "Upper ileum",
            "Lower ileum",
        ][usize::from(self.number())]
    }

    /// Whether the number-to-name mapping is verified (9–12) or conventional (0–8, \[NV\]).
    pub fn name_verified(self) -> bool {
        self.number() >= 9
    }
}

impl fmt::Display for PciRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.number(), self.name())
    }
}

impl TryFrom<u8> for PciRegion {
    type Error = PeritonealError;
    fn try_from(n: u8) -> Result<Self, PeritonealError> {
        Self::from_number(n).ok_or(PeritonealError::Region(n.to_string()))
    }
}

impl From<PciRegion> for u8 {
    fn from(r: PciRegion) -> Self {
        r.number()
    }
}

/// The map layout for drawing: the abdomen as a 3×3 grid, rows top to bottom and columns from
/// the viewer's left, drawn as the patient faces the viewer; the small-bowel regions in a row.
///
/// Source: `docs/clinical/peritoneal-staging.md` §1, "Map layout" [INF, from the region names].
pub const ABDOMEN_GRID: [[PciRegion; 3]; 3] = [
    [
        PciRegion::RightUpper,
        PciRegion::Epigastrium,
        PciRegion::LeftUpper,
    ],
    [
        PciRegion::RightFlank,
        PciRegion::Central,
        PciRegion::LeftFlank,
    ],
    [
        PciRegion::RightLower,
        PciRegion::Pelvis,
        PciRegion::LeftLower,
    ],
];

/// The four small-bowel regions, drawn in a row beside or below the grid.
pub const SMALL_BOWEL_ROW: [PciRegion; 4] = [
    PciRegion::UpperJejunum,
    PciRegion::LowerJejunum,
    PciRegion::UpperIleum,
    PciRegion::LowerIleum,
];

/// The lesion-size score of a region, 0–3 (see [`LESION_SIZE_CONVENTION`](super::LESION_SIZE_CONVENTION)).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct LesionSize(u8);

impl LesionSize {
    /// A score, if 0–3.
    ///
    /// # Errors
    /// [`PeritonealError::LesionSize`].
    pub fn new(score: u8) -> Result<Self, PeritonealError> {
        if score <= 3 {
            Ok(Self(score))
        } else {
            Err(PeritonealError::LesionSize(score.to_string()))
        }
    }

    /// The score, 0–3.
    pub fn score(self) -> u8 {
        self.0
    }

    /// `LS-2`.
    pub fn code(self) -> String {
        format!("LS-{}", self.0)
    }
}

impl TryFrom<u8> for LesionSize {
    type Error = PeritonealError;
    fn try_from(s: u8) -> Result<Self, PeritonealError> {
        Self::new(s)
    }
}

impl From<LesionSize> for u8 {
    fn from(s: LesionSize) -> Self {
        s.0
    }
}

/// A peritoneal input that could not be read. Every message says what is accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeritonealError {
    /// A PCI outside 0–39.
    #[error("PCI {0} is not accepted: the PCI is a whole number from 0 to 39")]
    Pci(String),
    /// A region outside 0–12.
    #[error("PCI region {0} is not accepted: regions are numbered 0 to 12")]
    Region(String),
    /// A lesion-size score outside 0–3.
    #[error("lesion-size score {0} is not accepted: scores are 0, 1, 2 or 3")]
    LesionSize(String),
    /// Not of the form `R=S`.
    #[error("\"{0}\" is not a region score: write REGION=SCORE, e.g. 9=2 (region 0-12, score 0-3)")]
    Assignment(String),
    /// An unknown CC score.
    #[error("\"{0}\" is not a CC score: accepted CC-0, CC-1, CC-2, CC-3")]
    Cc(String),
}

/// The Peritoneal Cancer Index, 0–39.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Pci(u8);

impl Pci {
    /// The largest PCI, 13 regions × 3.
    pub const MAX: u8 = 39;

    /// A PCI, if 0–39.
    ///
    /// # Errors
    /// [`PeritonealError::Pci`].
    pub fn new(value: u8) -> Result<Self, PeritonealError> {
        if value <= Self::MAX {
            Ok(Self(value))
        } else {
            Err(PeritonealError::Pci(value.to_string()))
        }
    }

    /// The value.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl FromStr for Pci {
    type Err = PeritonealError;
    fn from_str(text: &str) -> Result<Self, PeritonealError> {
        let t = text.trim();
        t.parse::<u8>()
            .map_err(|_err| PeritonealError::Pci(format!("\"{t}\"")))
            .and_then(Self::new)
    }
}

impl TryFrom<u8> for Pci {
    type Error = PeritonealError;
    fn try_from(v: u8) -> Result<Self, PeritonealError> {
        Self::new(v)
    }
}

impl From<Pci> for u8 {
    fn from(p: Pci) -> Self {
        p.0
    }
}

impl fmt::Display for Pci {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PCI {}", self.0)
    }
}

/// The lesion-size score of each region; a region not scored is missing, never 0.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct RegionScores([Option<LesionSize>; 13]);

impl RegionScores {
    /// The score of a region, if entered.
    pub fn get(&self, region: PciRegion) -> Option<LesionSize> {
        self.0[usize::from(region.number())]
    }

    /// Sets or clears the score of a region.
    pub fn set(&mut self, region: PciRegion, score: Option<LesionSize>) {
        self.0[usize::from(region.number())] = score;
    }

    /// The regions not scored, by number.
    pub fn unscored(&self) -> Vec<PciRegion> {
        PciRegion::ALL
            .into_iter()
            .filter(|r| self.get(*r).is_none())
            .collect()
    }

    /// The sum of the scored regions (a partial sum while some are unscored).
    pub fn scored_sum(&self) -> u8 {
        self.0.iter().flatten().map(|s| s.0).sum()
    }

    /// The PCI, when all 13 regions are scored.
    pub fn pci(&self) -> Option<Pci> {
        if self.0.iter().all(Option::is_some) {
            // 13 × 3 = 39 at most, so always a valid PCI.
            Pci::new(self.scored_sum()).ok()
        } else {
            None
        }
    }

    /// Reads `R=S` (`--pci-region 9=2`): region 0–12, score 0–3.
    ///
    /// # Errors
    /// [`PeritonealError`] naming what is accepted.
    pub fn parse_assignment(text: &str) -> Result<(PciRegion, LesionSize), PeritonealError> {
        let (r, s) = text
            .split_once('=')
            .ok_or_else(|| PeritonealError::Assignment(text.trim().to_owned()))?;
        let (r, s) = (r.trim(), s.trim());
        let region = r
            .parse::<u8>()
            .ok()
            .and_then(PciRegion::from_number)
            .ok_or_else(|| PeritonealError::Region(r.to_owned()))?;
        let score = s
            .parse::<u8>()
            .map_err(|_err| PeritonealError::LesionSize(s.to_owned()))
            .and_then(LesionSize::new)?;
        Ok((region, score))
    }
}

/// How the PCI was entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PciEntry {
    /// Region by region on the map.
    Regions(RegionScores),
    /// The total, typed directly.
    Total(Pci),
}
