//! The PSOGI proposed TNM categories and stage (Yan 2011), and the CC score.
//!
//! Source: Yan TD et al., Cancer 2011;117(9):1855-1863, PMID 21509762;
//! `docs/clinical/peritoneal-staging.md` §2–3.

use std::fmt;
use std::str::FromStr;

use super::pci::{Pci, PeritonealError};

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
/// Source: Yan 2011 (`docs/clinical/peritoneal-staging.md` §2): T1 1–10, T2 11–20, T3 21–30, T4 31–39.
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

/// Completeness of cytoreduction, recorded after surgery (`docs/clinical/peritoneal-staging.md` §3).
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
    /// The definition (`docs/clinical/peritoneal-staging.md` §3 [V oncolex.org]).
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
#[serde(rename_all = "lowercase")]
pub enum PeritonealInput {
    /// The PCI (`--pci` or `--pci-region`).
    Pci,
    /// N (`--n`).
    N,
    /// M (`--m`).
    M,
}

impl PeritonealInput {
    /// The input's name on screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pci => "Peritoneal Cancer Index (PCI)",
            Self::N => "N category",
            Self::M => "M category",
        }
    }

    /// `pci`, `n`, `m`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pci => "pci",
            Self::N => "n",
            Self::M => "m",
        }
    }
}
