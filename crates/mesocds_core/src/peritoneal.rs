//! Peritoneal mesothelioma: the Peritoneal Cancer Index (PCI), the PSOGI proposed TNM and
//! stage, and the completeness-of-cytoreduction score.
//!
//! - PCI: Jacquet P, Sugarbaker PH, Cancer Treat Res 1996;82:359-374, PMID 8849962 — 13 regions,
//!   a lesion-size score 0–3 each (the largest implant), summed 0–39.
//! - Proposed TNM: Yan TD et al., Cancer 2011;117(9):1855-1863, PMID 21509762 — T from PCI
//!   bands, N1 positive nodes, M1 extra-abdominal metastases; stage I–III with 5-year survival
//!   87%, 53% and 29%. Not AJCC: every result carries [`LABEL`].
//! - CC score CC-0 to CC-3.
//!
//! Rules, tags and the decisions taken where the sources are silent:
//! `docs/clinical/peritoneal-staging.md`.

use std::fmt;
use std::str::FromStr;

/// The label every peritoneal stage carries (clinical-decisions, "Peritoneal staging").
pub const LABEL: &str = "proposed staging (Yan 2011), not AJCC";

/// The citation of the proposed TNM.
pub const YAN_2011: &str = "Yan TD et al., Cancer 2011;117(9):1855-1863, PMID 21509762 \
     (Peritoneal Surface Oncology Group International, 294 patients treated by CRS and HIPEC)";

/// The citation of the PCI.
pub const JACQUET_SUGARBAKER_1996: &str =
    "Jacquet P, Sugarbaker PH, Cancer Treat Res 1996;82:359-374, PMID 8849962";

/// The note on the printed overlap of T3 and T4 at PCI 30.
pub const T4_OVERLAP_NOTE: &str = "Yan 2011 prints T4 as PCI 30-39, overlapping T3 (21-30) at 30; \
     MesoCDS uses T3 = 21-30 and T4 = 31-39.";

/// The note on the region numbering (clinical-update §D: 9–12 verified; 0–8 mapping [NV]).
pub const REGION_NUMBERING_NOTE: &str = "Regions 9-12 (upper and lower jejunum, upper and lower \
     ileum) are verified; the numbering of regions 0-8 follows the conventional PCI diagram and \
     was not verified against the original figure.";

/// The lesion-size convention used (clinical-decisions, "Peritoneal staging").
pub const LESION_SIZE_CONVENTION: &str = "Lesion size of the largest implant in the region: \
     LS-0 no tumour seen; LS-1 tumour up to and including 0.5 cm; LS-2 over 0.5 cm and under \
     5 cm; LS-3 5 cm or more, or confluent tumour.";

/// The disagreement between sources on the lesion-size boundaries (for the help panel).
pub const LESION_SIZE_DISAGREEMENT: &str = "Sources differ at both boundaries: the convention \
     above follows e-promise and the ICR article; IMAIOS draws the boundaries at 0.5 cm and \
     5.0 cm differently (it gives LS-3 as greater than 5.0 cm, so a 5.0 cm implant is LS-2 \
     there). Score an implant of exactly 0.5 cm or 5.0 cm with this in mind.";

/// The map orientation note (clinical-update §D, layout [INF]).
pub const MAP_ORIENTATION_NOTE: &str =
    "Drawn as the patient faces you: the patient's right is on your left.";

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

    /// The name (clinical-update §D).
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

    /// Whether the number-to-name mapping is verified (9–12) or conventional (0–8, [NV]).
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
/// Source: clinical-update §D, "Map layout" [INF, from the region names].
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

/// The lesion-size score of a region, 0–3 (see [`LESION_SIZE_CONVENTION`]).
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
            .map_err(|_| PeritonealError::Pci(format!("\"{t}\"")))
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
            .map_err(|_| PeritonealError::LesionSize(s.to_owned()))
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

/// Proposed T (Yan 2011).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PeritonealT {
    /// PCI 1–10.
    T1,
    /// PCI 11–20.
    T2,
    /// PCI 21–30.
    T3,
    /// PCI 31–39 (printed "30–39").
    T4,
}

/// Proposed N: N1 positive lymph nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PeritonealN {
    /// No positive nodes.
    N0,
    /// Positive lymph nodes.
    N1,
}

/// Proposed M: M1 extra-abdominal metastases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PeritonealM {
    /// No extra-abdominal metastases.
    M0,
    /// Extra-abdominal metastases.
    M1,
}

macro_rules! codes {
    ($ty:ty { $($var:ident => $code:literal),+ }) => {
        impl $ty {
            /// The code, e.g. `T2`, `N0`, `M1`.
            pub fn code(self) -> &'static str {
                match self { $(Self::$var => $code),+ }
            }
            /// The value with a code (ASCII case-insensitive).
            pub fn from_code(code: &str) -> Option<Self> {
                [$(Self::$var),+].into_iter().find(|v| v.code().eq_ignore_ascii_case(code.trim()))
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
codes!(PeritonealT { T1 => "T1", T2 => "T2", T3 => "T3", T4 => "T4" });
codes!(PeritonealN { N0 => "N0", N1 => "N1" });
codes!(PeritonealM { M0 => "M0", M1 => "M1" });

/// The T of a PCI: `None` for PCI 0 ("not classifiable": the proposal defines no T for it).
///
/// Source: Yan 2011 (clinical-reference §4.1): T1 1–10, T2 11–20, T3 21–30, T4 31–39.
pub fn t_from_pci(pci: Pci) -> Option<PeritonealT> {
    match pci.get() {
        0 => None,
        1..=10 => Some(PeritonealT::T1),
        11..=20 => Some(PeritonealT::T2),
        21..=30 => Some(PeritonealT::T3),
        _ => Some(PeritonealT::T4),
    }
}

/// Proposed stage (Yan 2011).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[expect(
    clippy::upper_case_acronyms,
    reason = "Roman numerals are the clinical notation"
)]
pub enum PeritonealStage {
    /// T1 N0 M0.
    I,
    /// T2–T3 N0 M0.
    II,
    /// T4 and/or N1 and/or M1.
    III,
}
codes!(PeritonealStage { I => "I", II => "II", III => "III" });

impl PeritonealStage {
    /// 5-year survival in the derivation cohort, percent (Yan 2011: 87, 53, 29).
    pub fn five_year_survival_percent(self) -> u8 {
        match self {
            Self::I => 87,
            Self::II => 53,
            Self::III => 29,
        }
    }

    /// The stage of known T, N, M.
    pub fn of(t: PeritonealT, n: PeritonealN, m: PeritonealM) -> Self {
        match (t, n, m) {
            (PeritonealT::T1, PeritonealN::N0, PeritonealM::M0) => Self::I,
            (PeritonealT::T2 | PeritonealT::T3, PeritonealN::N0, PeritonealM::M0) => Self::II,
            _ => Self::III,
        }
    }
}

/// Completeness of cytoreduction, recorded after surgery (clinical-reference §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CcScore {
    /// No visible residual peritoneal tumour.
    Cc0,
    /// Residual nodules < 2.5 mm.
    Cc1,
    /// Residual nodules 2.5 mm – 2.5 cm.
    Cc2,
    /// Residual nodules > 2.5 cm, or confluent unresectable tumour.
    Cc3,
}
codes!(CcScore { Cc0 => "CC-0", Cc1 => "CC-1", Cc2 => "CC-2", Cc3 => "CC-3" });

impl CcScore {
    /// The definition (clinical-reference §4.3 [V oncolex.org]).
    pub fn definition(self) -> &'static str {
        match self {
            Self::Cc0 => "No visible residual peritoneal tumour after cytoreduction",
            Self::Cc1 => "Residual nodules smaller than 2.5 mm",
            Self::Cc2 => "Residual nodules 2.5 mm to 2.5 cm",
            Self::Cc3 => "Residual nodules larger than 2.5 cm, or confluent unresectable tumour",
        }
    }
}

impl FromStr for CcScore {
    type Err = PeritonealError;
    fn from_str(text: &str) -> Result<Self, PeritonealError> {
        Self::from_code(text).ok_or_else(|| PeritonealError::Cc(text.trim().to_owned()))
    }
}

/// An input of the peritoneal stage, named by its command-line flag without dashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum PeritonealInput {
    /// The PCI (`--pci` or `--pci-region`).
    Pci,
    /// N (`--n`).
    N,
    /// M (`--m`).
    M,
}

impl PeritonealInput {
    /// `pci`, `n`, `m`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pci => "pci",
            Self::N => "n",
            Self::M => "m",
        }
    }
}

/// What the peritoneal stage reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeritonealCase {
    /// The PCI, by region or as a total.
    pub pci: Option<PciEntry>,
    /// N.
    pub n: Option<PeritonealN>,
    /// M.
    pub m: Option<PeritonealM>,
}

/// The outcome: exactly one of three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeritonealOutcome {
    /// A stage.
    Assigned {
        /// The stage.
        stage: PeritonealStage,
    },
    /// Input missing.
    Incomplete {
        /// What is missing.
        missing: Vec<PeritonealInput>,
        /// The stages the entered inputs still allow.
        possible: Vec<PeritonealStage>,
    },
    /// PCI 0: the proposal defines no T, so no stage.
    NotClassifiable,
}

impl PeritonealOutcome {
    /// The status, as the JSON contract names it.
    pub fn status_code(&self) -> &'static str {
        match self {
            Self::Assigned { .. } => "assigned",
            Self::Incomplete { .. } => "incomplete",
            Self::NotClassifiable => "not_classifiable",
        }
    }
}

/// The peritoneal stage of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeritonealResult {
    /// The PCI, when known (a total, or all 13 regions scored).
    pub pci: Option<Pci>,
    /// T, when the PCI is known and not 0.
    pub t: Option<PeritonealT>,
    /// N as entered.
    pub n: Option<PeritonealN>,
    /// M as entered.
    pub m: Option<PeritonealM>,
    /// The outcome.
    pub outcome: PeritonealOutcome,
    /// Notes; the first is always [`LABEL`].
    pub notes: Vec<String>,
}

impl PeritonealResult {
    /// The stage, only when assigned.
    pub fn stage(&self) -> Option<PeritonealStage> {
        match self.outcome {
            PeritonealOutcome::Assigned { stage } => Some(stage),
            _ => None,
        }
    }

    /// The 5-year survival of the assigned stage in the derivation cohort.
    pub fn five_year_survival_percent(&self) -> Option<u8> {
        self.stage()
            .map(PeritonealStage::five_year_survival_percent)
    }

    /// The missing inputs (empty unless incomplete).
    pub fn missing(&self) -> &[PeritonealInput] {
        match &self.outcome {
            PeritonealOutcome::Incomplete { missing, .. } => missing,
            _ => &[],
        }
    }
}

/// Stages a peritoneal case with the PSOGI proposal. Pure; never panics.
///
/// A T, N or M not entered makes the stage incomplete, listing the stages still possible (an
/// N1 alone already allows only III; the stage stays incomplete, as on the pleural side).
pub fn stage(case: &PeritonealCase) -> PeritonealResult {
    let mut notes = vec![LABEL.to_owned()];
    let pci = match case.pci {
        Some(PciEntry::Total(p)) => Some(p),
        Some(PciEntry::Regions(r)) => {
            let unscored = r.unscored();
            if !unscored.is_empty() {
                let list: Vec<String> = unscored.iter().map(|r| r.number().to_string()).collect();
                notes.push(format!(
                    "PCI incomplete: {} of 13 regions scored (sum so far {}); not scored: {}. \
                     A region not scored is not taken as 0.",
                    13 - unscored.len(),
                    r.scored_sum(),
                    list.join(", ")
                ));
            }
            r.pci()
        }
        None => None,
    };
    let t = pci.and_then(t_from_pci);
    if pci.is_some_and(|p| p.get() >= 30) {
        notes.push(T4_OVERLAP_NOTE.to_owned());
    }
    let result = |outcome, notes| PeritonealResult {
        pci,
        t,
        n: case.n,
        m: case.m,
        outcome,
        notes,
    };
    if pci.is_some_and(|p| p.get() == 0) {
        notes.push(
            "PCI 0: not classifiable. The proposed TNM (Yan 2011) defines T for PCI 1-39 only, so \
             no proposed stage is given."
                .to_owned(),
        );
        return result(PeritonealOutcome::NotClassifiable, notes);
    }
    if let (Some(t), Some(n), Some(m)) = (t, case.n, case.m) {
        let stage = PeritonealStage::of(t, n, m);
        notes.push(format!(
            "Stage {} in the derivation cohort: 5-year survival {}% (Yan 2011).",
            stage.code(),
            stage.five_year_survival_percent()
        ));
        return result(PeritonealOutcome::Assigned { stage }, notes);
    }
    let mut missing = Vec::new();
    if t.is_none() {
        missing.push(PeritonealInput::Pci);
    }
    if case.n.is_none() {
        missing.push(PeritonealInput::N);
    }
    if case.m.is_none() {
        missing.push(PeritonealInput::M);
    }
    let ts = t.map_or_else(
        || {
            vec![
                PeritonealT::T1,
                PeritonealT::T2,
                PeritonealT::T3,
                PeritonealT::T4,
            ]
        },
        |t| vec![t],
    );
    let ns = case
        .n
        .map_or_else(|| vec![PeritonealN::N0, PeritonealN::N1], |n| vec![n]);
    let ms = case
        .m
        .map_or_else(|| vec![PeritonealM::M0, PeritonealM::M1], |m| vec![m]);
    let mut possible = Vec::new();
    for &ti in &ts {
        for &ni in &ns {
            for &mi in &ms {
                let s = PeritonealStage::of(ti, ni, mi);
                if !possible.contains(&s) {
                    possible.push(s);
                }
            }
        }
    }
    possible.sort_by_key(|s| *s as u8);
    let names: Vec<&str> = missing.iter().map(|i| i.code()).collect();
    notes.push(format!(
        "Proposed stage incomplete: {} not entered.",
        names.join(", ")
    ));
    result(PeritonealOutcome::Incomplete { missing, possible }, notes)
}
