//! The EORTC prognostic score.
//!
//! Source: Curran D, Sahmoud T, Therasse P, et al. Prognostic factors in patients with pleural
//! mesothelioma: the European Organization for Research and Treatment of Cancer experience.
//! J Clin Oncol 1998;16(1):145-152, PMID 9440736, as given in the NCI PDQ (General Information,
//! "EORTC index") and fixed by docs/clinical/prognostic-scores.md#eortc.
//!
//! Weights are integer hundredths, so the threshold comparison is exact
//! (docs/clinical/prognostic-scores.md#eortc-boundaries).

use crate::case::Case;
use crate::vocab::{DiagnosisCertainty, Histology, Input, Sex, Site, Vocab as _};

/// WBC threshold, ×10⁹/L; a count strictly above it is adverse. Source: PDQ "WBC count >8.3".
pub const WBC_THRESHOLD_10E9_PER_L: f64 = 8.3;
/// Points for WBC > 8.3 ×10⁹/L (0.55). Source: PDQ.
pub const WBC_POINTS: u16 = 55;
/// Points for ECOG PS ≥ 1 (0.60). Source: PDQ.
pub const ECOG_POINTS: u16 = 60;
/// Points for a probable or possible (unconfirmed) histologic diagnosis (0.52). Source: PDQ.
pub const UNCONFIRMED_DIAGNOSIS_POINTS: u16 = 52;
/// Points for sarcomatoid histology, desmoplastic included (0.67).
///
/// Not printed in the PDQ;
/// docs/clinical/prognostic-scores.md#eortc-sarcomatoid-weight and docs/clinical/decisions.md#d9.
/// Shown to the user as unverified.
pub const SARCOMATOID_POINTS: u16 = 67;
/// Points for male sex (0.60). Source: PDQ.
pub const MALE_POINTS: u16 = 60;
/// Highest low-risk score (1.27). Source: PDQ "prognostic score of 1.27 or lower".
pub const LOW_RISK_MAX: u16 = 127;

/// Short citation of the score's derivation paper, as screens and reports print it.
pub const CITATION: &str = "Curran 1998, PMID 9440736";
/// The PMID of the derivation paper (Curran 1998).
pub const PMID: u32 = 9_440_736;
/// The risk rule in words. Source: PDQ "prognostic score of 1.27 or lower".
pub const RISK_RULE_TEXT: &str = "Low risk: score 1.27 or lower; high risk: above 1.27.";

/// EORTC risk group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EortcRisk {
    /// Score ≤ 1.27.
    Low,
    /// Score > 1.27.
    High,
}

impl EortcRisk {
    /// The label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
        }
    }

    /// 1-year survival in the derivation cohort, percent. Source: PDQ; Curran 1998 abstract.
    pub fn one_year_survival_percent(self) -> u8 {
        match self {
            Self::Low => 40,
            Self::High => 12,
        }
    }

    /// 95% CI of the 1-year survival, as the Curran 1998 abstract gives it
    /// (docs/clinical/prognostic-scores.md#eortc-survival).
    pub fn one_year_survival_ci(self) -> &'static str {
        match self {
            Self::Low => "95% CI 30-50%",
            Self::High => "95% CI 4-20%",
        }
    }
}

/// One factor of the score, as entered.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EortcFactor {
    /// The input.
    pub input: Input,
    /// The factor, as the score defines it.
    pub factor: &'static str,
    /// The entered value, as text.
    pub value: String,
    /// Whether the adverse level is present.
    pub adverse: bool,
    /// Points contributed, in hundredths.
    pub points: u16,
}

impl EortcFactor {
    /// One line: "WBC > 8.3 ×10⁹/L: 9.1 ×10⁹/L → +0.55".
    pub fn describe(&self) -> String {
        format!(
            "{}: {} -> +{}",
            self.factor,
            self.value,
            hundredths(self.points)
        )
    }
}

/// A complete EORTC score and the risk group it falls in: the risk exists only with a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EortcScore {
    /// The score in hundredths (127 is 1.27).
    pub hundredths: u16,
    /// The risk group of that score.
    pub risk: EortcRisk,
}

/// The EORTC result: a score only when every input is entered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EortcResult {
    /// The score with its risk group; `None` when an input is missing.
    pub scored: Option<EortcScore>,
    /// Each entered factor and its contribution.
    pub factors: Vec<EortcFactor>,
    /// Inputs not entered.
    pub missing: Vec<Input>,
    /// Notes from the decisions page that apply.
    pub notes: Vec<String>,
}

impl EortcResult {
    /// The score in hundredths (127 is 1.27); `None` when an input is missing.
    pub fn score(&self) -> Option<u16> {
        self.scored.map(|s| s.hundredths)
    }

    /// The risk group; `None` when an input is missing.
    pub fn risk(&self) -> Option<EortcRisk> {
        self.scored.map(|s| s.risk)
    }
}

/// Hundredths as a decimal with two places: 127 → "1.27".
pub fn hundredths(v: u16) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

/// Computes the EORTC score.
///
/// Any missing input gives no score and lists the missing inputs; entered factors are still
/// listed. ECOG 3–4 is computed with a warning. See the module documentation for sources.
#[expect(
    clippy::too_many_lines,
    reason = "five cited factors, each with its note, read in the PDQ's order"
)]
pub fn eortc(case: &Case) -> EortcResult {
    let mut factors = Vec::new();
    let mut missing = Vec::new();
    let mut notes = vec![
        "Histology follows the original paper (sarcomatous): only sarcomatoid, including \
         desmoplastic, scores 0.67; biphasic and epithelioid score 0. The PDQ's wording is \
         \"nonepithelioid\"."
            .to_owned(),
        "The 0.67 weight for sarcomatoid histology is not printed in the PDQ summary and could \
         not be verified against the original paper."
            .to_owned(),
    ];

    match case.labs.wbc_10e9_per_l {
        Some(wbc) => {
            let adverse = wbc.get() > WBC_THRESHOLD_10E9_PER_L;
            factors.push(EortcFactor {
                input: Input::Wbc,
                factor: "WBC > 8.3 ×10⁹/L",
                value: format!("{} ×10⁹/L", wbc.get()),
                adverse,
                points: if adverse { WBC_POINTS } else { 0 },
            });
            #[expect(
                clippy::float_cmp_const,
                reason = "a WBC of exactly 8.3 (as entered) is the boundary the decisions page names"
            )]
            let exactly_threshold = wbc.get() == WBC_THRESHOLD_10E9_PER_L;
            if exactly_threshold {
                notes.push(
                    "WBC is exactly 8.3 ×10⁹/L: it does not count (the PDQ says \"> 8.3\"); a \
                     review table uses \"≥ 8.3\", which would add 0.55."
                        .to_owned(),
                );
            }
        }
        None => missing.push(Input::Wbc),
    }
    match case.patient.ecog {
        Some(ecog) => {
            let adverse = ecog.grade() >= 1;
            factors.push(EortcFactor {
                input: Input::Ecog,
                factor: "ECOG PS ≥ 1",
                value: ecog.label().to_owned(),
                adverse,
                points: if adverse { ECOG_POINTS } else { 0 },
            });
            if ecog.grade() >= 3 {
                notes.push(
                    "ECOG PS 3-4: the score was derived in patients with PS 0-2; the result is \
                     outside the derivation population."
                        .to_owned(),
                );
            }
        }
        None => missing.push(Input::Ecog),
    }
    match case.disease.diagnosis {
        Some(d) => {
            let adverse = matches!(
                d,
                DiagnosisCertainty::Probable | DiagnosisCertainty::Possible
            );
            factors.push(EortcFactor {
                input: Input::Diagnosis,
                factor: "Probable or possible (unconfirmed) histologic diagnosis",
                value: d.label().to_owned(),
                adverse,
                points: if adverse {
                    UNCONFIRMED_DIAGNOSIS_POINTS
                } else {
                    0
                },
            });
        }
        None => missing.push(Input::Diagnosis),
    }
    match case.disease.histology {
        Some(h) => {
            let adverse = matches!(h, Histology::Sarcomatoid | Histology::Desmoplastic);
            factors.push(EortcFactor {
                input: Input::Histology,
                factor: "Sarcomatoid histology (desmoplastic included)",
                value: h.label().to_owned(),
                adverse,
                points: if adverse { SARCOMATOID_POINTS } else { 0 },
            });
        }
        None => missing.push(Input::Histology),
    }
    match case.patient.sex {
        Some(s) => {
            let adverse = s == Sex::Male;
            factors.push(EortcFactor {
                input: Input::Sex,
                factor: "Male sex",
                value: s.label().to_owned(),
                adverse,
                points: if adverse { MALE_POINTS } else { 0 },
            });
        }
        None => missing.push(Input::Sex),
    }

    if case.disease.site.is_some_and(|s| s != Site::Pleural) {
        notes.push("The EORTC score was derived in patients with pleural mesothelioma.".to_owned());
    }

    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|i| i.label()).collect();
        notes.insert(
            0,
            format!(
                "No score: {} not entered. A missing input is never scored as normal.",
                names.join(", ")
            ),
        );
        missing.sort();
        return EortcResult {
            scored: None,
            factors,
            missing,
            notes,
        };
    }
    let score: u16 = factors.iter().map(|f| f.points).sum();
    let risk = if score <= LOW_RISK_MAX {
        EortcRisk::Low
    } else {
        EortcRisk::High
    };
    EortcResult {
        scored: Some(EortcScore {
            hundredths: score,
            risk,
        }),
        factors,
        missing,
        notes,
    }
}
