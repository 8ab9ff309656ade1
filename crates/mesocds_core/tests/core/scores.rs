//! The EORTC score and the CALGB index, checked against the weights, cut-offs and groups written
//! out in this file from docs/clinical/prognostic-scores.md. The crate's own constants are
//! never used as the expected values.

use mesocds_core::calgb::{self, CalgbGroup, CalgbResult};
use mesocds_core::case::{AgeYears, Hemoglobin, Wbc};
use mesocds_core::eortc::{self, EortcResult, EortcRisk};
use mesocds_core::vocab::{DiagnosisCertainty, Ecog, Histology, Input, Sex, Site};
use mesocds_core::{Case, ClinicalTables, assess};

// ------------------------------------------------------------------------------------ EORTC

/// Weights in hundredths, from docs/clinical/prognostic-scores.md#eortc-weights: WBC > 8.3 ×10⁹/L
/// 55; ECOG PS ≥ 1 60;
/// probable/possible diagnosis 52; sarcomatoid (desmoplastic included) 67; male sex 60.
const W_WBC: u16 = 55;
const W_ECOG: u16 = 60;
const W_DIAGNOSIS: u16 = 52;
const W_SARCOMATOID: u16 = 67;
const W_MALE: u16 = 60;
/// "Low risk when the sum ≤ 127 (shown as 1.27), high risk above."
const LOW_MAX: u16 = 127;

fn eortc_case(
    wbc: Option<f64>,
    ecog: Option<u8>,
    diagnosis: Option<DiagnosisCertainty>,
    histology: Option<Histology>,
    sex: Option<Sex>,
) -> Case {
    let mut case = Case::default();
    case.disease.site = Some(Site::Pleural);
    case.labs.wbc_10e9_per_l = wbc.map(|v| Wbc::new(v).expect("valid WBC"));
    case.patient.ecog = ecog.map(|g| Ecog::from_grade(g).expect("valid ECOG"));
    case.disease.diagnosis = diagnosis;
    case.disease.histology = histology;
    case.patient.sex = sex;
    case
}

fn score(
    wbc: f64,
    ecog: u8,
    diagnosis: DiagnosisCertainty,
    histology: Histology,
    sex: Sex,
) -> EortcResult {
    eortc::eortc(&eortc_case(
        Some(wbc),
        Some(ecog),
        Some(diagnosis),
        Some(histology),
        Some(sex),
    ))
}

fn joined(notes: &[String]) -> String {
    notes.join("\n")
}

#[test]
fn all_32_combinations_of_the_five_factors() {
    let mut seen_low = 0;
    let mut seen_high = 0;
    for mask in 0u8..32 {
        let high_wbc = mask & 1 != 0;
        let poor_ps = mask & 2 != 0;
        let unconfirmed = mask & 4 != 0;
        let sarcomatoid = mask & 8 != 0;
        let male = mask & 16 != 0;
        let r = score(
            if high_wbc { 9.0 } else { 6.0 },
            u8::from(poor_ps),
            if unconfirmed {
                DiagnosisCertainty::Probable
            } else {
                DiagnosisCertainty::Definite
            },
            if sarcomatoid {
                Histology::Sarcomatoid
            } else {
                Histology::Epithelioid
            },
            if male { Sex::Male } else { Sex::Female },
        );
        let expected: u16 = [
            (high_wbc, W_WBC),
            (poor_ps, W_ECOG),
            (unconfirmed, W_DIAGNOSIS),
            (sarcomatoid, W_SARCOMATOID),
            (male, W_MALE),
        ]
        .iter()
        .filter(|(present, _)| *present)
        .map(|(_, w)| w)
        .sum();
        let factors = mask.count_ones();
        assert_eq!(r.score(), Some(expected), "mask {mask:05b}");
        assert!(r.missing.is_empty());
        let risk = r.risk().expect("a risk group");
        assert_eq!(
            risk == EortcRisk::Low,
            expected <= LOW_MAX,
            "mask {mask:05b}: {expected}"
        );
        // PDQ: "1.27 or lower (0–2 risk factors) ... higher than 1.27 (3–5 risk factors)".
        assert_eq!(risk == EortcRisk::Low, factors <= 2, "mask {mask:05b}");
        if factors <= 2 {
            assert!(expected <= 127, "mask {mask:05b}: {expected}");
            seen_low += 1;
        } else {
            // docs/clinical/prognostic-scores.md#eortc-arithmetic: every 3-, 4- and 5-factor
            // combination scores ≥ 1.67.
            assert!(expected >= 167, "mask {mask:05b}: {expected}");
            seen_high += 1;
        }
        // Each factor is listed with its points.
        assert_eq!(r.factors.len(), 5);
        let total: u16 = r.factors.iter().map(|f| f.points).sum();
        assert_eq!(total, expected);
        assert_eq!(
            r.factors.iter().filter(|f| f.adverse).count(),
            factors as usize
        );
    }
    assert_eq!((seen_low, seen_high), (16, 16));
}

#[test]
fn known_sums_written_out() {
    use DiagnosisCertainty::*;
    use Histology::*;
    use Sex::*;
    // Nothing adverse.
    assert_eq!(
        score(5.0, 0, Definite, Epithelioid, Female).score(),
        Some(0)
    );
    // Everything adverse: 0.55 + 0.60 + 0.52 + 0.67 + 0.60 = 2.94.
    let all = score(12.0, 2, Possible, Sarcomatoid, Male);
    assert_eq!(all.score(), Some(294));
    assert_eq!(all.risk(), Some(EortcRisk::High));
    assert_eq!(eortc::hundredths(294), "2.94");
    // The example of docs/clinical/prognostic-scores.md#eortc-boundaries: male, PS 1, biphasic =
    // 1.20 (low).
    let r = score(5.0, 1, Definite, Biphasic, Male);
    assert_eq!(r.score(), Some(120));
    assert_eq!(r.risk(), Some(EortcRisk::Low));
    // Lowest three-factor sum: WBC + unconfirmed + PS = 1.67, high.
    let r = score(9.0, 1, Probable, Epithelioid, Female);
    assert_eq!(r.score(), Some(167));
    assert_eq!(r.risk(), Some(EortcRisk::High));
}

#[test]
fn every_value_of_every_input() {
    // All 4 × 5 × 3 × 4 × 2 = 480 combinations of the actual values, against the rules.
    let wbcs = [6.0, 8.29, 8.3, 8.31, 9.0, 200.0];
    let diagnoses = [
        DiagnosisCertainty::Definite,
        DiagnosisCertainty::Probable,
        DiagnosisCertainty::Possible,
    ];
    let histologies = [
        Histology::Epithelioid,
        Histology::Sarcomatoid,
        Histology::Biphasic,
        Histology::Desmoplastic,
    ];
    for wbc in wbcs {
        for ecog in 0u8..=4 {
            for d in diagnoses {
                for h in histologies {
                    for sex in [Sex::Male, Sex::Female] {
                        let mut expected = 0;
                        if wbc > 8.3 {
                            expected += W_WBC;
                        }
                        if ecog >= 1 {
                            expected += W_ECOG;
                        }
                        if d != DiagnosisCertainty::Definite {
                            expected += W_DIAGNOSIS;
                        }
                        if matches!(h, Histology::Sarcomatoid | Histology::Desmoplastic) {
                            expected += W_SARCOMATOID;
                        }
                        if sex == Sex::Male {
                            expected += W_MALE;
                        }
                        let r = score(wbc, ecog, d, h, sex);
                        let what = format!("{wbc} {ecog} {d:?} {h:?} {sex:?}");
                        assert_eq!(r.score(), Some(expected), "{what}");
                        let risk = if expected <= LOW_MAX {
                            EortcRisk::Low
                        } else {
                            EortcRisk::High
                        };
                        assert_eq!(r.risk(), Some(risk), "{what}");
                        let notes = joined(&r.notes);
                        assert_eq!(notes.contains("PS 0-2"), ecog >= 3, "{what}: {notes}");
                    }
                }
            }
        }
    }
}

#[test]
fn wbc_exactly_8_3_does_not_count_and_is_noted() {
    use DiagnosisCertainty::*;
    let at = score(8.3, 0, Definite, Histology::Epithelioid, Sex::Female);
    let above = score(8.31, 0, Definite, Histology::Epithelioid, Sex::Female);
    let below = score(8.29, 0, Definite, Histology::Epithelioid, Sex::Female);
    assert_eq!(at.score(), Some(0));
    assert_eq!(above.score(), Some(55));
    assert_eq!(below.score(), Some(0));
    // The note appears only at exactly 8.3 and mentions it.
    let extra: Vec<&String> = at
        .notes
        .iter()
        .filter(|n| !above.notes.contains(n))
        .collect();
    assert_eq!(extra.len(), 1, "{:?}", at.notes);
    assert!(extra[0].contains("8.3"), "{}", extra[0]);
    assert!(extra[0].contains("exactly"), "{}", extra[0]);
    assert_eq!(above.notes, below.notes);
    assert!(!joined(&below.notes).contains("exactly 8.3"));
    let wbc_factor = at
        .factors
        .iter()
        .find(|f| f.input == Input::Wbc)
        .expect("WBC");
    assert!(!wbc_factor.adverse);
    assert_eq!(wbc_factor.points, 0);
}

#[test]
fn a_score_of_exactly_127_is_low_risk() {
    use DiagnosisCertainty::*;
    // docs/clinical/prognostic-scores.md#eortc-arithmetic: two pairs score exactly 1.27.
    let sarcomatoid_male = score(6.0, 0, Definite, Histology::Sarcomatoid, Sex::Male);
    let sarcomatoid_ps1 = score(6.0, 1, Definite, Histology::Sarcomatoid, Sex::Female);
    let desmoplastic_male = score(6.0, 0, Definite, Histology::Desmoplastic, Sex::Male);
    for r in [&sarcomatoid_male, &sarcomatoid_ps1, &desmoplastic_male] {
        assert_eq!(r.score(), Some(127));
        assert_eq!(r.risk(), Some(EortcRisk::Low));
        assert_eq!(eortc::hundredths(r.score().unwrap_or_default()), "1.27");
    }
    // One more factor on the boundary is high.
    let r = score(8.31, 0, Definite, Histology::Sarcomatoid, Sex::Male);
    assert_eq!(r.score(), Some(182));
    assert_eq!(r.risk(), Some(EortcRisk::High));
}

#[test]
fn desmoplastic_counts_as_sarcomatoid_and_biphasic_does_not() {
    use DiagnosisCertainty::*;
    let points = |h| {
        score(6.0, 0, Definite, h, Sex::Female)
            .factors
            .iter()
            .find(|f| f.input == Input::Histology)
            .map(|f| f.points)
    };
    assert_eq!(points(Histology::Sarcomatoid), Some(67));
    assert_eq!(points(Histology::Desmoplastic), Some(67));
    assert_eq!(points(Histology::Biphasic), Some(0));
    assert_eq!(points(Histology::Epithelioid), Some(0));
}

#[test]
fn the_histology_rule_and_the_unverified_weight_are_said() {
    let r = score(
        6.0,
        0,
        DiagnosisCertainty::Definite,
        Histology::Biphasic,
        Sex::Female,
    );
    let notes = joined(&r.notes);
    assert!(notes.contains("biphasic"), "{notes}");
    assert!(notes.contains("sarcomatous"), "{notes}");
    assert!(notes.contains("0.67"), "{notes}");
    assert!(notes.contains("not printed in the PDQ"), "{notes}");
    // The same two lines also accompany a missing score.
    let none = eortc::eortc(&Case::default());
    assert!(joined(&none.notes).contains("not printed in the PDQ"));
}

#[test]
fn unconfirmed_diagnosis_is_probable_or_possible() {
    for (d, points) in [
        (DiagnosisCertainty::Definite, 0),
        (DiagnosisCertainty::Probable, 52),
        (DiagnosisCertainty::Possible, 52),
    ] {
        let r = score(6.0, 0, d, Histology::Epithelioid, Sex::Female);
        assert_eq!(r.score(), Some(points), "{d:?}");
    }
}

#[test]
fn ecog_3_and_4_are_scored_with_a_warning() {
    for ecog in 0u8..=4 {
        let r = score(
            6.0,
            ecog,
            DiagnosisCertainty::Definite,
            Histology::Epithelioid,
            Sex::Female,
        );
        assert_eq!(
            r.score(),
            Some(if ecog >= 1 { 60 } else { 0 }),
            "ECOG {ecog}"
        );
        assert_eq!(r.risk(), Some(EortcRisk::Low));
        let warned = r.notes.iter().any(|n| n.contains("PS 0-2"));
        assert_eq!(warned, ecog >= 3, "ECOG {ecog}: {:?}", r.notes);
    }
}

/// Removes one input from a case.
type Drop = fn(&mut Case);

#[test]
fn each_missing_input_gives_no_score_and_is_listed() {
    let full = || {
        eortc_case(
            Some(9.0),
            Some(1),
            Some(DiagnosisCertainty::Definite),
            Some(Histology::Sarcomatoid),
            Some(Sex::Male),
        )
    };
    assert_eq!(eortc::eortc(&full()).score(), Some(55 + 60 + 67 + 60));
    let drops: [(Input, Drop); 5] = [
        (Input::Wbc, |c| c.labs.wbc_10e9_per_l = None),
        (Input::Ecog, |c| c.patient.ecog = None),
        (Input::Diagnosis, |c| c.disease.diagnosis = None),
        (Input::Histology, |c| c.disease.histology = None),
        (Input::Sex, |c| c.patient.sex = None),
    ];
    for (input, drop) in drops {
        let mut case = full();
        drop(&mut case);
        let r = eortc::eortc(&case);
        assert_eq!(r.score(), None, "{input:?}");
        assert_eq!(r.risk(), None, "{input:?}");
        assert_eq!(r.missing, vec![input]);
        assert_eq!(r.factors.len(), 4, "the entered factors are still listed");
        assert!(
            r.notes[0].starts_with("No score") && r.notes[0].contains(input_label(input)),
            "{:?}",
            r.notes
        );
    }
    let r = eortc::eortc(&Case::default());
    assert_eq!(r.score(), None);
    let mut missing = r.missing.clone();
    missing.sort();
    let mut want = vec![
        Input::Wbc,
        Input::Ecog,
        Input::Diagnosis,
        Input::Histology,
        Input::Sex,
    ];
    want.sort();
    assert_eq!(missing, want);
}

fn input_label(input: Input) -> &'static str {
    match input {
        Input::Wbc => "White blood cell count",
        Input::Ecog => "ECOG performance status",
        Input::Diagnosis => "Diagnostic certainty",
        Input::Histology => "Histology",
        Input::Sex => "Sex",
        Input::Age => "Age",
        Input::Hb => "Hemoglobin",
        _ => unreachable!(),
    }
}

#[test]
fn one_year_survival_by_risk_group() {
    // Curran 1998 abstract (docs/clinical/prognostic-scores.md#eortc-survival): 40% (95% CI 30-50%)
    // vs 12% (4-20%).
    assert_eq!(EortcRisk::Low.one_year_survival_percent(), 40);
    assert_eq!(EortcRisk::High.one_year_survival_percent(), 12);
    assert_eq!(EortcRisk::Low.one_year_survival_ci(), "95% CI 30-50%");
    assert_eq!(EortcRisk::High.one_year_survival_ci(), "95% CI 4-20%");
    assert_eq!(EortcRisk::Low.label(), "low");
    assert_eq!(EortcRisk::High.label(), "high");
}

#[test]
fn hundredths_are_shown_with_two_decimals() {
    assert_eq!(eortc::hundredths(0), "0.00");
    assert_eq!(eortc::hundredths(55), "0.55");
    assert_eq!(eortc::hundredths(127), "1.27");
    assert_eq!(eortc::hundredths(167), "1.67");
}

#[test]
fn non_pleural_sites_are_told_the_score_is_pleural() {
    let mut case = eortc_case(
        Some(6.0),
        Some(0),
        Some(DiagnosisCertainty::Definite),
        Some(Histology::Epithelioid),
        Some(Sex::Female),
    );
    let pleural = eortc::eortc(&case);
    assert!(!joined(&pleural.notes).contains("derived in patients with pleural"));
    case.disease.site = Some(Site::Peritoneal);
    let peritoneal = eortc::eortc(&case);
    assert_eq!(peritoneal.score(), Some(0));
    assert!(joined(&peritoneal.notes).contains("derived in patients with pleural"));
}

#[test]
fn assess_carries_the_same_eortc_result() {
    let case = eortc_case(
        Some(8.3),
        Some(3),
        Some(DiagnosisCertainty::Possible),
        Some(Histology::Desmoplastic),
        Some(Sex::Male),
    );
    let tables = ClinicalTables::embedded().expect("tables");
    let a = assess(&case, tables);
    assert_eq!(a.eortc, eortc::eortc(&case));
    assert_eq!(a.eortc.score(), Some(60 + 52 + 67 + 60));
}

// ------------------------------------------------------------------------------------ CALGB

fn calgb_case(ecog: Option<u8>, age: Option<u16>, hb: Option<f64>, wbc: Option<f64>) -> Case {
    let mut case = Case::default();
    case.patient.ecog = ecog.map(|g| Ecog::from_grade(g).expect("valid ECOG"));
    case.patient.age_years = age.map(|a| AgeYears::new(a).expect("valid age"));
    case.labs.hb_g_per_dl = hb.map(|v| Hemoglobin::new(v).expect("valid Hb"));
    case.labs.wbc_10e9_per_l = wbc.map(|v| Wbc::new(v).expect("valid WBC"));
    case
}

fn group(ecog: Option<u8>, age: Option<u16>, hb: Option<f64>, wbc: Option<f64>) -> CalgbResult {
    calgb::calgb(&calgb_case(ecog, age, hb, wbc))
}

/// The PDQ's definitions (docs/clinical/prognostic-scores.md#calgb-groups): group 1 = PS 0 and age
/// < 49, or PS 0, age ≥
/// 49 and Hb ≥ 14.6 g/dL; group 6 = PS 1–2 and WBC ≥ 15.6 ×10⁹/L; any other complete input →
/// groups 2–5; PS ≥ 3 → nothing. `Err` holds the input that decides but is missing.
fn calgb_oracle(
    ecog: Option<u8>,
    age: Option<u16>,
    hb: Option<f64>,
    wbc: Option<f64>,
) -> Result<Option<&'static str>, Input> {
    match ecog {
        None => Err(Input::Ecog),
        Some(0) => match age {
            None => Err(Input::Age),
            Some(a) if a < 49 => Ok(Some("1")),
            Some(_) => match hb {
                None => Err(Input::Hb),
                Some(h) if h >= 14.6 => Ok(Some("1")),
                Some(_) => Ok(Some("2-5")),
            },
        },
        Some(1 | 2) => match wbc {
            None => Err(Input::Wbc),
            Some(w) if w >= 15.6 => Ok(Some("6")),
            Some(_) => Ok(Some("2-5")),
        },
        Some(_) => Ok(None),
    }
}

#[test]
fn calgb_every_combination_against_the_pdq_definitions() {
    let ecogs = [None, Some(0), Some(1), Some(2), Some(3), Some(4)];
    let ages = [None, Some(18), Some(48), Some(49), Some(50), Some(90)];
    let hbs = [
        None,
        Some(10.0),
        Some(14.5),
        Some(14.59),
        Some(14.6),
        Some(17.0),
    ];
    let wbcs = [
        None,
        Some(4.0),
        Some(15.5),
        Some(15.59),
        Some(15.6),
        Some(40.0),
    ];
    let mut count = 0;
    for ecog in ecogs {
        for age in ages {
            for hb in hbs {
                for wbc in wbcs {
                    count += 1;
                    let r = group(ecog, age, hb, wbc);
                    let what = format!("ECOG {ecog:?}, age {age:?}, Hb {hb:?}, WBC {wbc:?}");
                    match calgb_oracle(ecog, age, hb, wbc) {
                        Ok(code) => {
                            assert_eq!(r.group.map(CalgbGroup::code), code, "{what}");
                            assert!(r.missing.is_empty(), "{what}: {:?}", r.missing);
                        }
                        Err(input) => {
                            assert_eq!(r.group, None, "{what}");
                            assert!(r.missing.contains(&input), "{what}: {:?}", r.missing);
                            assert!(r.notes[0].starts_with("No group"), "{what}");
                        }
                    }
                    // Nothing that was entered is listed as missing.
                    for input in &r.missing {
                        let entered = match input {
                            Input::Ecog => ecog.is_some(),
                            Input::Age => age.is_some(),
                            Input::Hb => hb.is_some(),
                            Input::Wbc => wbc.is_some(),
                            _ => panic!("{what}: unexpected missing input {input:?}"),
                        };
                        assert!(!entered, "{what}: {input:?} listed missing but entered");
                    }
                }
            }
        }
    }
    assert_eq!(count, 6 * 6 * 6 * 6);
}

#[test]
fn calgb_age_boundary_48_vs_49_with_ps_0() {
    // Hb 13 would put an older patient in groups 2-5.
    let young = group(Some(0), Some(48), Some(13.0), None);
    assert_eq!(young.group, Some(CalgbGroup::Group1));
    assert!(
        young
            .path
            .iter()
            .any(|p| p.to_string().contains("48") && p.to_string().contains("< 49")),
        "{:?}",
        young.path
    );
    let older = group(Some(0), Some(49), Some(13.0), None);
    assert_eq!(older.group, Some(CalgbGroup::Groups2To5));
    assert!(
        older
            .path
            .iter()
            .any(|p| p.to_string().contains("49") && p.to_string().contains("≥ 49")),
        "{:?}",
        older.path
    );
    assert!(
        older
            .path
            .iter()
            .any(|p| p.to_string().contains("13") && p.to_string().contains("< 14.6")),
        "{:?}",
        older.path
    );
    // Under 49, hemoglobin is not needed.
    let no_hb = group(Some(0), Some(48), None, None);
    assert_eq!(no_hb.group, Some(CalgbGroup::Group1));
    assert!(no_hb.missing.is_empty());
}

#[test]
fn calgb_hemoglobin_boundary_14_6_vs_14_5() {
    let at = group(Some(0), Some(49), Some(14.6), None);
    assert_eq!(at.group, Some(CalgbGroup::Group1));
    assert_eq!(
        texts(&at.path),
        vec![
            "ECOG PS 0",
            "age 49 years ≥ 49",
            "hemoglobin 14.6 g/dL ≥ 14.6"
        ]
    );
    let below = group(Some(0), Some(49), Some(14.5), None);
    assert_eq!(below.group, Some(CalgbGroup::Groups2To5));
    assert!(
        below
            .path
            .iter()
            .any(|p| p.to_string().contains("14.5") && p.to_string().contains("< 14.6")),
        "{:?}",
        below.path
    );
    let old = group(Some(0), Some(85), Some(14.6), None);
    assert_eq!(old.group, Some(CalgbGroup::Group1));
}

#[test]
fn calgb_wbc_boundary_15_6_vs_15_5_with_ps_1_and_2() {
    for ps in [1, 2] {
        let at = group(Some(ps), Some(60), Some(12.0), Some(15.6));
        assert_eq!(at.group, Some(CalgbGroup::Group6), "PS {ps}");
        assert_eq!(
            texts(&at.path),
            vec![format!("ECOG PS {ps}"), "WBC 15.6 ×10⁹/L ≥ 15.6".to_owned()]
        );
        let below = group(Some(ps), Some(60), Some(12.0), Some(15.5));
        assert_eq!(below.group, Some(CalgbGroup::Groups2To5), "PS {ps}");
        assert!(
            below
                .path
                .iter()
                .any(|p| p.to_string().contains("15.5") && p.to_string().contains("< 15.6"))
        );
        // Age and hemoglobin play no part with PS 1-2: young, high Hb, high WBC is still group 6.
        let young = group(Some(ps), Some(30), Some(16.0), Some(20.0));
        assert_eq!(young.group, Some(CalgbGroup::Group6));
    }
    // With PS 0 a high WBC does not make group 6.
    assert_eq!(
        group(Some(0), Some(40), None, Some(30.0)).group,
        Some(CalgbGroup::Group1)
    );
}

#[test]
fn calgb_ps_3_and_4_assign_nothing() {
    for ps in [3, 4] {
        let r = group(Some(ps), Some(40), Some(15.0), Some(20.0));
        assert_eq!(r.group, None, "PS {ps}");
        assert!(r.missing.is_empty());
        assert_eq!(r.median_survival_months(), None);
        assert!(
            r.path
                .iter()
                .any(|p| p.to_string().contains(&format!("PS {ps}")))
        );
        let notes = joined(&r.notes);
        assert!(notes.contains("PS 0-2"), "{notes}");
        assert!(notes.contains("no group"), "{notes}");
    }
}

#[test]
fn calgb_missing_inputs_along_the_path() {
    // No ECOG: nothing can be decided; ECOG and every other absent input are listed.
    let r = group(None, None, None, None);
    assert_eq!(r.group, None);
    assert!(r.missing.contains(&Input::Ecog));
    assert!(r.path.is_empty());
    let r = group(None, Some(40), Some(15.0), Some(9.0));
    assert_eq!(r.missing, vec![Input::Ecog]);
    // PS 0 without age.
    let r = group(Some(0), None, Some(15.0), None);
    assert_eq!(r.group, None);
    assert_eq!(r.missing, vec![Input::Age]);
    // PS 0, age ≥ 49, no hemoglobin.
    let r = group(Some(0), Some(60), None, Some(9.0));
    assert_eq!(r.group, None);
    assert_eq!(r.missing, vec![Input::Hb]);
    assert_eq!(texts(&r.path), vec!["ECOG PS 0", "age 60 years ≥ 49"]);
    // PS 1 without WBC: age and hemoglobin do not help.
    let r = group(Some(1), Some(40), Some(16.0), None);
    assert_eq!(r.group, None);
    assert_eq!(r.missing, vec![Input::Wbc]);
    assert!(joined(&r.notes).contains("White blood cell count"));
}

#[test]
fn calgb_codes_labels_and_medians() {
    assert_eq!(CalgbGroup::Group1.code(), "1");
    assert_eq!(CalgbGroup::Group6.code(), "6");
    assert_eq!(CalgbGroup::Groups2To5.code(), "2-5");
    // PDQ: 13.9 months (group 1), 1.4 months (group 6); groups 2-5 are not defined.
    assert_eq!(CalgbGroup::Group1.median_survival_months(), Some(13.9));
    assert_eq!(CalgbGroup::Group6.median_survival_months(), Some(1.4));
    assert_eq!(CalgbGroup::Groups2To5.median_survival_months(), None);
    assert!(CalgbGroup::Groups2To5.label().contains("intermediate"));
    let g1 = group(Some(0), Some(40), None, None);
    assert_eq!(g1.median_survival_months(), Some(13.9));
    let g6 = group(Some(2), None, None, Some(16.0));
    assert_eq!(g6.median_survival_months(), Some(1.4));
    let mid = group(Some(1), None, None, Some(7.0));
    assert_eq!(mid.group, Some(CalgbGroup::Groups2To5));
    assert_eq!(mid.median_survival_months(), None);
    // The intermediate groups are not reconstructed, and the app says so.
    let notes = joined(&mid.notes);
    assert!(notes.contains("does not define"), "{notes}");
}

#[test]
fn calgb_paths_name_the_deciding_values() {
    let r = group(Some(0), Some(37), Some(11.0), Some(30.0));
    assert_eq!(texts(&r.path), vec!["ECOG PS 0", "age 37 years < 49"]);
    let r = group(Some(2), Some(70), Some(11.0), Some(18.25));
    assert_eq!(texts(&r.path), vec!["ECOG PS 2", "WBC 18.25 ×10⁹/L ≥ 15.6"]);
}

#[test]
fn assess_carries_the_same_calgb_result() {
    let case = calgb_case(Some(1), Some(70), Some(12.0), Some(15.6));
    let tables = ClinicalTables::embedded().expect("tables");
    assert_eq!(assess(&case, tables).calgb, calgb::calgb(&case));
}

/// The decision path in words, as the screens print each step.
fn texts(path: &[mesocds_core::calgb::CalgbStep]) -> Vec<String> {
    path.iter().map(ToString::to_string).collect()
}
