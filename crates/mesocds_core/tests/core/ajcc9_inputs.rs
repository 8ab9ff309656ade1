//! 9th-edition inputs: Psum and Fmax parsing, the clinical T rule at every boundary (12, 30 and
//! 5 mm, exactly and either side), what partial input decides, and the date of diagnosis and the
//! edition it selects. Golden cases cite docs/clinical/staging-ajcc9.md (#which-edition,
//! #measurements, #ct) or
//! docs/clinical/staging-ajcc9.md.

use std::collections::BTreeSet;

use mesocds_core::ClinicalTables;
use mesocds_core::ajcc9::{
    ClinicalT, ClinicalTInput, Date, DateError, Edition, EditionChoice, Fmax, MeasurementError,
    Millimetres, MissingInput, NinthFinding, Psum, PsumLevels, applicable_edition, clinical_t,
};
use mesocds_core::vocab::{Finding, TCategory};
use proptest::prelude::*;

fn tenths(v: u16) -> Millimetres {
    Millimetres::from_tenths(v, "test").unwrap()
}

fn ct(
    psum: Option<u16>,
    fmax: Option<u16>,
    findings: &[Finding],
    ninth: &[NinthFinding],
) -> ClinicalT {
    let f: BTreeSet<Finding> = findings.iter().copied().collect();
    let n: BTreeSet<NinthFinding> = ninth.iter().copied().collect();
    let input = ClinicalTInput {
        psum: psum.map(|v| Psum::Sum(tenths(v))),
        fmax: fmax.map(|v| Fmax(tenths(v))),
        findings: &f,
        ninth: &n,
    };
    clinical_t(&input, &ClinicalTables::embedded().unwrap().findings)
}

fn t_of(psum: Option<u16>, fmax: Option<u16>, findings: &[Finding]) -> Option<TCategory> {
    ct(psum, fmax, findings, &[]).category()
}

// ---- boundaries (§B "Boundaries [2S]: Psum exactly 12 mm is ≤ 12; exactly 30 mm is ≤ 30";
//      cT1 row "Psum ≤ 12 mm and Fmax ≤ 5 mm") ----

#[test]
fn psum_12_boundary() {
    assert_eq!(t_of(Some(119), Some(0), &[]), Some(TCategory::T1));
    assert_eq!(
        t_of(Some(120), Some(0), &[]),
        Some(TCategory::T1),
        "12 mm is ≤ 12"
    );
    assert_eq!(t_of(Some(121), Some(0), &[]), Some(TCategory::T2));
}

#[test]
fn psum_30_boundary() {
    assert_eq!(t_of(Some(299), None, &[]), Some(TCategory::T2));
    assert_eq!(
        t_of(Some(300), None, &[]),
        Some(TCategory::T2),
        "30 mm is ≤ 30"
    );
    assert_eq!(t_of(Some(301), None, &[]), Some(TCategory::T3));
}

#[test]
fn fmax_5_boundary() {
    assert_eq!(t_of(Some(100), Some(49), &[]), Some(TCategory::T1));
    assert_eq!(
        t_of(Some(100), Some(50), &[]),
        Some(TCategory::T1),
        "Fmax 5 mm is ≤ 5"
    );
    assert_eq!(
        t_of(Some(100), Some(51), &[]),
        Some(TCategory::T2),
        "fissure involvement with Fmax > 5 mm"
    );
}

#[test]
fn psum_levels_sum_exactly_without_rounding_drift() {
    // 4.1 + 4.1 + 3.8 is 12.0 exactly (it is 11.999… or 12.000…1 in binary floating point).
    let levels = Psum::parse_levels("4.1,4.1,3.8").unwrap();
    assert_eq!(levels.total(), tenths(120));
    let f = BTreeSet::new();
    let n = BTreeSet::new();
    let input = ClinicalTInput {
        psum: Some(levels),
        fmax: Some(Fmax(tenths(50))),
        findings: &f,
        ninth: &n,
    };
    assert_eq!(
        clinical_t(&input, &ClinicalTables::embedded().unwrap().findings).category(),
        Some(TCategory::T1)
    );
}

// ---- cT2 features and cT4 (§B cT table) ----

#[test]
fn ct2_features_raise_a_small_psum_to_t2() {
    // cT2: "Psum ≤ 12 mm with any of: fissure involvement with Fmax > 5 mm; invasion of
    // mediastinal fat; a solitary area of chest-wall soft-tissue invasion".
    assert_eq!(
        t_of(Some(50), Some(0), &[Finding::MediastinalFat]),
        Some(TCategory::T2)
    );
    assert_eq!(
        t_of(Some(50), Some(0), &[Finding::ChestWallSolitaryFocus]),
        Some(TCategory::T2)
    );
    // "or Psum > 12 mm and ≤ 30 mm, with or without those features"; cT3 likewise.
    assert_eq!(
        t_of(Some(200), Some(90), &[Finding::MediastinalFat]),
        Some(TCategory::T2)
    );
    assert_eq!(
        t_of(Some(400), Some(90), &[Finding::MediastinalFat]),
        Some(TCategory::T3)
    );
}

#[test]
fn ct4_findings_decide_t4_without_measurements() {
    // §B: "cT4 by invasion performed as in the 8th edition" [2S]; cT4 list [1S NDRS].
    for f in [
        Finding::ChestWallDiffuse,
        Finding::TransdiaphragmaticPeritoneum,
        Finding::ContralateralPleura,
        Finding::MediastinalOrgans,
        Finding::Spine,
        Finding::PericardiumInternalSurface,
        Finding::Myocardium,
    ] {
        assert_eq!(t_of(None, None, &[f]), Some(TCategory::T4), "{f:?}");
    }
    for n in [
        NinthFinding::ChestWallWithRib,
        NinthFinding::ThroughDiaphragm,
        NinthFinding::ThroughPericardium,
        NinthFinding::MalignantPericardialEffusion,
    ] {
        assert_eq!(
            ct(None, None, &[], &[n]).category(),
            Some(TCategory::T4),
            "{n:?}"
        );
    }
    // A T4 finding wins over a small Psum.
    assert_eq!(
        t_of(Some(10), Some(0), &[Finding::Spine]),
        Some(TCategory::T4)
    );
}

#[test]
fn findings_that_are_not_9th_edition_ct_features_do_not_raise_ct() {
    // 8th-edition T2/T3 findings other than the two cT2 features are not in the cT table.
    let f = [
        Finding::DiaphragmaticMuscle,
        Finding::EndothoracicFascia,
        Finding::PericardiumNontransmural,
    ];
    assert_eq!(t_of(Some(50), Some(0), &f), Some(TCategory::T1));
}

// ---- partial input (docs/clinical/staging-ajcc9.md, "What partial input decides") ----

fn undecided(c: ClinicalT) -> (Vec<MissingInput>, Vec<TCategory>) {
    match c {
        ClinicalT::Undecided { missing, possible } => (missing, possible),
        ClinicalT::Derived { t, .. } => panic!("expected undecided, got {t:?}"),
    }
}

#[test]
fn what_partial_input_decides() {
    use TCategory::*;
    // Psum > 30 decides T3 and 12 < Psum ≤ 30 decides T2 without Fmax ("with or without").
    assert_eq!(t_of(Some(301), None, &[]), Some(T3));
    assert_eq!(t_of(Some(121), None, &[]), Some(T2));
    // Psum ≤ 12 with a feature decides T2 without Fmax.
    assert_eq!(t_of(Some(120), None, &[Finding::MediastinalFat]), Some(T2));
    // Psum ≤ 12, no feature, no Fmax: Fmax is missing (never 0).
    assert_eq!(
        undecided(ct(Some(120), None, &[], &[])),
        (vec![MissingInput::Fmax], vec![T1, T2])
    );
    // No Psum: nothing below T4 is decided.
    assert_eq!(
        undecided(ct(None, None, &[], &[])),
        (
            vec![MissingInput::Psum, MissingInput::Fmax],
            vec![T1, T2, T3]
        )
    );
    assert_eq!(
        undecided(ct(None, Some(51), &[], &[])),
        (vec![MissingInput::Psum], vec![T2, T3])
    );
    assert_eq!(
        undecided(ct(None, Some(50), &[], &[])),
        (vec![MissingInput::Psum], vec![T1, T2, T3])
    );
    // Psum 0 entered is a value, not "missing".
    assert_eq!(t_of(Some(0), Some(0), &[]), Some(T1));
}

// ---- parsing (docs/clinical/decisions.md#d28: "millimetres, 0–300, with a unit hint when a value
// looks like
//      centimetres") ----

#[test]
fn millimetres_parse_with_point_comma_and_unit() {
    assert_eq!("12".parse::<Psum>().unwrap().total(), tenths(120));
    assert_eq!("12,5".parse::<Psum>().unwrap().total(), tenths(125));
    assert_eq!(" 12.5 mm ".parse::<Psum>().unwrap().total(), tenths(125));
    assert_eq!("0".parse::<Fmax>().unwrap(), Fmax(tenths(0)));
    assert_eq!("300".parse::<Fmax>().unwrap(), Fmax(tenths(3000)));
    assert_eq!("12.50".parse::<Fmax>().unwrap(), Fmax(tenths(125)));
    assert_eq!(",5".parse::<Fmax>().unwrap(), Fmax(tenths(5)));
}

#[test]
fn millimetres_reject_with_what_is_accepted() {
    let err = |s: &str| s.parse::<Psum>().unwrap_err();
    assert!(matches!(err("300.1"), MeasurementError::OutOfRange { .. }));
    assert!(matches!(err("4000"), MeasurementError::OutOfRange { .. }));
    assert!(matches!(err("-3"), MeasurementError::OutOfRange { .. }));
    assert!(matches!(err(""), MeasurementError::Empty { .. }));
    assert!(matches!(err("abc"), MeasurementError::NotANumber { .. }));
    assert!(matches!(err("1.2.3"), MeasurementError::NotANumber { .. }));
    assert!(matches!(err("1e3"), MeasurementError::NotANumber { .. }));
    assert!(matches!(
        err("12345678901"),
        MeasurementError::OutOfRange { .. }
    ));
    assert!(matches!(err("12.345"), MeasurementError::TooPrecise { .. }));
    assert!(matches!(
        err("12 cm extra"),
        MeasurementError::NotANumber { .. }
    ));
    assert!(
        err("4000").to_string().contains("accepted 0 to 300 mm"),
        "{}",
        err("4000")
    );
}

#[test]
fn centimetre_values_get_a_unit_hint() {
    let e = "1.2 cm".parse::<Psum>().unwrap_err();
    assert!(matches!(e, MeasurementError::Centimetres { .. }));
    assert!(e.to_string().contains("enter 12 (mm)"), "{e}");
    let e = "3,15cm".parse::<Fmax>().unwrap_err();
    assert!(e.to_string().contains("enter 31.5 (mm)"), "{e}");
    // Two decimals read like centimetres: refused, with the millimetre value.
    let e = "1.25".parse::<Psum>().unwrap_err();
    assert!(matches!(e, MeasurementError::TooPrecise { .. }));
    assert!(e.to_string().contains("1.25 cm = 12.5 mm"), "{e}");
}

#[test]
fn psum_levels_parse_and_the_sum_is_limited_to_300() {
    let p = Psum::parse_levels("4,5; 3; 2").unwrap();
    assert_eq!(p.total(), tenths(95));
    assert_eq!(Psum::parse_levels("4 3 2").unwrap().total(), tenths(90));
    assert!(Psum::parse_levels("4,3").is_err(), "three values");
    assert!(Psum::parse_levels("100,100,100").is_ok());
    let e = Psum::parse_levels("100,100,100.1").unwrap_err();
    assert!(matches!(e, MeasurementError::OutOfRange { .. }), "{e}");
    assert!(Psum::parse_levels("400,1,1").is_err());
}

#[test]
fn measurements_round_trip_through_ron_and_reject_bad_values() {
    let p = Psum::Levels(PsumLevels::new(tenths(41), tenths(41), tenths(38)).unwrap());
    let text = ron::to_string(&p).unwrap();
    assert_eq!(ron::from_str::<Psum>(&text).unwrap(), p);
    assert!(ron::from_str::<Psum>("Sum(300.5)").is_err());
    assert!(ron::from_str::<Psum>("Sum(12.25)").is_err());
    assert!(ron::from_str::<Psum>("Levels((upper: 200.0, middle: 100.0, lower: 1.0))").is_err());
    assert_eq!(ron::from_str::<Fmax>("5.5").unwrap(), Fmax(tenths(55)));
}

// ---- dates and the edition (§A; docs/clinical/staging-ajcc9.md) ----

#[test]
fn the_edition_switches_on_1_january_2025() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(
        applicable_edition(Some(d("2024-12-31"))).edition(),
        Some(Edition::Ajcc8)
    );
    assert_eq!(
        applicable_edition(Some(d("2025-01-01"))).edition(),
        Some(Edition::Ajcc9)
    );
    assert_eq!(
        applicable_edition(Some(d("2025-01-02"))).edition(),
        Some(Edition::Ajcc9)
    );
    let unknown = applicable_edition(None);
    assert_eq!(unknown, EditionChoice::Unknown);
    assert_eq!(
        unknown.note(),
        "date of diagnosis not entered: which edition applies is unknown"
    );
    assert_eq!(unknown.applies(Edition::Ajcc8), None);
    let c = applicable_edition(Some(d("2019-06-01")));
    assert_eq!(
        (c.applies(Edition::Ajcc8), c.applies(Edition::Ajcc9)),
        (Some(true), Some(false))
    );
    assert!(
        applicable_edition(Some(d("2010-01-01")))
            .note()
            .contains("2018 to 2024")
    );
}

#[test]
fn dates_are_strict() {
    assert_eq!(
        "2024-02-29".parse::<Date>().unwrap().to_string(),
        "2024-02-29"
    );
    for bad in [
        "2023-02-29",
        "2025-13-01",
        "2025-04-31",
        "2025-00-10",
        "1899-12-31",
    ] {
        assert!(
            matches!(bad.parse::<Date>(), Err(DateError::Invalid { .. })),
            "{bad}"
        );
    }
    for bad in [
        "2025-1-01",
        "25-01-01",
        "2025/01/01",
        "2025-01-01x",
        "",
        "２０２５-01-01",
    ] {
        assert!(
            matches!(bad.parse::<Date>(), Err(DateError::Malformed { .. })),
            "{bad}"
        );
    }
    assert!("1900-02-28".parse::<Date>().is_ok());
    assert!(
        "1900-02-29".parse::<Date>().is_err(),
        "1900 is not a leap year"
    );
    assert!("2000-02-29".parse::<Date>().is_ok(), "2000 is");
    let today = "2026-11-24".parse::<Date>().unwrap();
    assert!(
        "2026-11-24"
            .parse::<Date>()
            .unwrap()
            .not_after(today)
            .is_ok()
    );
    assert!(matches!(
        "2026-11-25".parse::<Date>().unwrap().not_after(today),
        Err(DateError::InFuture { .. })
    ));
    assert_eq!(
        ron::from_str::<Date>("\"2025-03-14\"").unwrap().to_string(),
        "2025-03-14"
    );
    assert!(ron::from_str::<Date>("\"2025-02-30\"").is_err());
}

fn rank(t: TCategory) -> u8 {
    match t {
        TCategory::T1 => 1,
        TCategory::T2 => 2,
        TCategory::T3 => 3,
        TCategory::T4 => 4,
        TCategory::TX | TCategory::T0 => panic!("never derived"),
    }
}

proptest! {
    #[test]
    fn ct_is_monotone_in_psum(
        a in 0u16..=3000, b in 0u16..=3000, fmax in prop::option::of(0u16..=3000),
        fat in any::<bool>(), focus in any::<bool>(),
    ) {
        let (lo, hi) = (a.min(b), a.max(b));
        let mut f = Vec::new();
        if fat { f.push(Finding::MediastinalFat); }
        if focus { f.push(Finding::ChestWallSolitaryFocus); }
        if let (Some(x), Some(y)) = (t_of(Some(lo), fmax, &f), t_of(Some(hi), fmax, &f)) {
            prop_assert!(rank(x) <= rank(y), "Psum {lo} → {x:?}, {hi} → {y:?}");
        }
        // With a Psum entered, only Fmax can ever be missing.
        if let ClinicalT::Undecided { missing, .. } = ct(Some(lo), fmax, &f, &[]) {
            prop_assert_eq!(missing, vec![MissingInput::Fmax]);
        }
    }

    #[test]
    fn millimetre_text_round_trips(v in 0u16..=3000) {
        let m = tenths(v);
        let text = m.to_string();
        prop_assert_eq!(Millimetres::parse(&text, "x").unwrap(), m);
        prop_assert_eq!(Millimetres::parse(&text.replace('.', ","), "x").unwrap(), m);
    }

    #[test]
    fn date_text_round_trips(y in 1900u16..=9999, m in 1u8..=12, d in 1u8..=31) {
        if let Ok(date) = Date::new(y, m, d) {
            prop_assert_eq!(date.to_string().parse::<Date>().unwrap(), date);
        }
    }
}

#[test]
fn the_measurement_help_says_what_the_update_says() {
    // §B: three levels, axial, perpendicular, summed [2S]; thirds by the top of the aortic arch
    // and the top of the atria, Fmax on sagittal images [1S: SEER EOD V9 coding note 3].
    let h = mesocds_core::ajcc9::MEASUREMENT_HELP;
    for part in [
        "axial",
        "perpendicular",
        "upper, middle and lower",
        "aortic arch",
        "atria",
        "sagittal",
        "single source",
    ] {
        assert!(h.contains(part), "{part}");
    }
}
