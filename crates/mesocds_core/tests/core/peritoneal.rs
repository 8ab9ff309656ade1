//! Peritoneal staging: every PCI band boundary, every T×N×M of the proposed stage against an
//! oracle written here from docs/clinical/peritoneal-staging.md (Yan 2011, PMID 21509762) and
//! docs/clinical/peritoneal-staging.md, the PCI from regions, the map layout, and properties.

use mesocds_core::peritoneal::{
    ABDOMEN_GRID, CcScore, LABEL, LesionSize, Pci, PciEntry, PciRegion, PeritonealCase,
    PeritonealError, PeritonealInput, PeritonealM, PeritonealN, PeritonealOutcome, PeritonealStage,
    PeritonealT, RegionScores, SMALL_BOWEL_ROW, T4_OVERLAP_NOTE, stage, t_from_pci,
};
use proptest::prelude::*;

fn pci(v: u8) -> Pci {
    Pci::new(v).unwrap()
}

fn case(p: Option<u8>, n: Option<PeritonealN>, m: Option<PeritonealM>) -> PeritonealCase {
    PeritonealCase {
        pci: p.map(|v| PciEntry::Total(pci(v))),
        n,
        m,
    }
}

#[test]
fn every_pci_band_boundary() {
    // §D: "T1 PCI 1–10, T2 11–20, T3 21–30, T4 "30–39" (printed overlap at 30: implement 31–39
    // and say so)"; docs/clinical/decisions.md#d33: "PCI 0 → not classifiable".
    use PeritonealT::*;
    let expect = [
        (0, None),
        (1, Some(T1)),
        (10, Some(T1)),
        (11, Some(T2)),
        (20, Some(T2)),
        (21, Some(T3)),
        (30, Some(T3)),
        (31, Some(T4)),
        (39, Some(T4)),
    ];
    for (v, t) in expect {
        assert_eq!(t_from_pci(pci(v)), t, "PCI {v}");
    }
    assert_eq!(Pci::new(40), Err(PeritonealError::Pci("40".to_owned())));
    assert!("40".parse::<Pci>().is_err());
    assert!("-1".parse::<Pci>().is_err());
    assert!("12.5".parse::<Pci>().is_err());
    assert_eq!("39".parse::<Pci>().unwrap(), pci(39));
    assert!(Pci::new(40).unwrap_err().to_string().contains("0 to 39"));
}

#[test]
fn the_overlap_at_30_is_stated() {
    let r = stage(&case(
        Some(30),
        Some(PeritonealN::N0),
        Some(PeritonealM::M0),
    ));
    assert_eq!(r.t, Some(PeritonealT::T3));
    assert!(r.notes.iter().any(|n| n == T4_OVERLAP_NOTE));
    assert!(T4_OVERLAP_NOTE.contains("30-39") && T4_OVERLAP_NOTE.contains("31-39"));
}

/// The oracle, from §D: "stage I = T1 N0 M0; II = T2–T3 N0 M0; III = T4 and/or N1 and/or M1;
/// 5-year survival 87%, 53%, 29%".
fn oracle(t: PeritonealT, n: PeritonealN, m: PeritonealM) -> (&'static str, u8) {
    let t4 = t == PeritonealT::T4;
    let n1 = n == PeritonealN::N1;
    let m1 = m == PeritonealM::M1;
    if t4 || n1 || m1 {
        ("III", 29)
    } else if t == PeritonealT::T1 {
        ("I", 87)
    } else {
        ("II", 53)
    }
}

#[test]
fn every_t_n_m_matches_the_oracle() {
    // One PCI per T band.
    for (p, t) in [
        (5, PeritonealT::T1),
        (15, PeritonealT::T2),
        (25, PeritonealT::T3),
        (35, PeritonealT::T4),
    ] {
        for n in [PeritonealN::N0, PeritonealN::N1] {
            for m in [PeritonealM::M0, PeritonealM::M1] {
                let r = stage(&case(Some(p), Some(n), Some(m)));
                let (code, survival) = oracle(t, n, m);
                assert_eq!(r.t, Some(t));
                assert_eq!(
                    r.stage().map(PeritonealStage::code),
                    Some(code),
                    "{t:?} {n:?} {m:?}"
                );
                assert_eq!(r.five_year_survival_percent(), Some(survival));
                assert_eq!(r.notes[0], LABEL);
            }
        }
    }
    assert_eq!(LABEL, "proposed staging (Yan 2011), not AJCC");
}

#[test]
fn pci_0_is_not_classifiable() {
    // docs/clinical/peritoneal-staging.md: "PCI 0 → "not classifiable"".
    let r = stage(&case(Some(0), Some(PeritonealN::N1), Some(PeritonealM::M0)));
    assert_eq!(r.outcome, PeritonealOutcome::NotClassifiable);
    assert_eq!(r.outcome.status_code(), "not_classifiable");
    assert_eq!(r.t, None);
    assert_eq!(r.five_year_survival_percent(), None);
}

#[test]
fn missing_inputs_are_named_and_never_assumed() {
    let r = stage(&case(None, None, None));
    assert_eq!(
        r.missing(),
        &[PeritonealInput::Pci, PeritonealInput::N, PeritonealInput::M]
    );
    let codes: Vec<&str> = r.missing().iter().map(|i| i.code()).collect();
    assert_eq!(codes, ["pci", "n", "m"]);
    let PeritonealOutcome::Incomplete { possible, .. } = &r.outcome else {
        panic!()
    };
    assert_eq!(
        possible,
        &[
            PeritonealStage::I,
            PeritonealStage::II,
            PeritonealStage::III
        ]
    );
    // N1 known: only III is possible, but the stage stays incomplete (docs: decision).
    let r = stage(&case(None, Some(PeritonealN::N1), Some(PeritonealM::M0)));
    assert_eq!(
        r.outcome,
        PeritonealOutcome::Incomplete {
            missing: vec![PeritonealInput::Pci],
            possible: vec![PeritonealStage::III],
        }
    );
    // M never defaulted to M0.
    let r = stage(&case(Some(5), Some(PeritonealN::N0), None));
    assert_eq!(
        r.outcome,
        PeritonealOutcome::Incomplete {
            missing: vec![PeritonealInput::M],
            possible: vec![PeritonealStage::I, PeritonealStage::III],
        }
    );
}

#[test]
fn pci_from_regions_needs_every_region() {
    let mut r = RegionScores::default();
    for region in PciRegion::ALL {
        if region != PciRegion::LowerIleum {
            r.set(region, Some(LesionSize::new(1).unwrap()));
        }
    }
    assert_eq!(r.pci(), None, "a region not scored is not 0");
    assert_eq!(r.unscored(), vec![PciRegion::LowerIleum]);
    let res = stage(&RegionsCase::regions(r));
    assert_eq!(res.missing(), &[PeritonealInput::Pci]);
    assert!(
        res.notes
            .iter()
            .any(|n| n.contains("12 of 13 regions scored (sum so far 12); not scored: 12")),
        "{:?}",
        res.notes
    );
    r.set(PciRegion::LowerIleum, Some(LesionSize::new(0).unwrap()));
    assert_eq!(r.pci(), Some(pci(12)));
    let res = stage(&RegionsCase::regions(r));
    assert_eq!(res.t, Some(PeritonealT::T2));
    assert_eq!(res.stage(), Some(PeritonealStage::II));
}

struct RegionsCase;
impl RegionsCase {
    fn regions(r: RegionScores) -> PeritonealCase {
        PeritonealCase {
            pci: Some(PciEntry::Regions(r)),
            n: Some(PeritonealN::N0),
            m: Some(PeritonealM::M0),
        }
    }
}

#[test]
fn region_assignments_parse_with_what_is_accepted() {
    // Issue 11: "a region 13, a score 4 … exit 2 saying what is accepted".
    let (r, s) = RegionScores::parse_assignment(" 9 = 2 ").unwrap();
    assert_eq!((r, s.score()), (PciRegion::UpperJejunum, 2));
    assert_eq!(
        RegionScores::parse_assignment("13=1"),
        Err(PeritonealError::Region("13".to_owned()))
    );
    assert_eq!(
        RegionScores::parse_assignment("1=4"),
        Err(PeritonealError::LesionSize("4".to_owned()))
    );
    assert!(RegionScores::parse_assignment("1:2").is_err());
    assert!(
        RegionScores::parse_assignment("13=1")
            .unwrap_err()
            .to_string()
            .contains("0 to 12")
    );
    assert!(LesionSize::new(4).is_err());
    assert_eq!(LesionSize::new(3).unwrap().code(), "LS-3");
}

#[test]
fn region_names_and_numbers() {
    // §D: "0 central, 1 right upper, 2 epigastrium, 3 left upper, 4 left flank, 5 left lower,
    // 6 pelvis, 7 right lower, 8 right flank, 9 upper jejunum, 10 lower jejunum, 11 upper ileum,
    // 12 lower ileum [9–12 verified; the 0–8 number-to-name mapping NV]".
    let names: Vec<String> = PciRegion::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        [
            "0 Central",
            "1 Right upper",
            "2 Epigastrium",
            "3 Left upper",
            "4 Left flank",
            "5 Left lower",
            "6 Pelvis",
            "7 Right lower",
            "8 Right flank",
            "9 Upper jejunum",
            "10 Lower jejunum",
            "11 Upper ileum",
            "12 Lower ileum",
        ]
    );
    assert!(
        PciRegion::ALL
            .iter()
            .all(|r| r.name_verified() == (r.number() >= 9))
    );
    assert_eq!(PciRegion::from_number(13), None);
}

#[test]
fn the_map_layout_places_every_region_once() {
    // §D map layout [INF]: top row 1, 2, 3; middle 8, 0, 4; bottom 7, 6, 5; then 9–12.
    let grid: Vec<Vec<u8>> = ABDOMEN_GRID
        .iter()
        .map(|row| row.iter().map(|r| r.number()).collect())
        .collect();
    assert_eq!(grid, [[1, 2, 3], [8, 0, 4], [7, 6, 5]]);
    let bowel: Vec<u8> = SMALL_BOWEL_ROW.iter().map(|r| r.number()).collect();
    assert_eq!(bowel, [9, 10, 11, 12]);
    let mut all: Vec<u8> = grid.concat();
    all.extend(bowel);
    all.sort_unstable();
    assert_eq!(all, (0..=12).collect::<Vec<u8>>());
}

#[test]
fn cc_scores() {
    // docs/clinical/peritoneal-staging.md#cc-score: CC-0 to CC-3.
    assert_eq!("CC-0".parse::<CcScore>().unwrap(), CcScore::Cc0);
    assert_eq!("cc-3".parse::<CcScore>().unwrap(), CcScore::Cc3);
    assert!(
        "CC-4"
            .parse::<CcScore>()
            .unwrap_err()
            .to_string()
            .contains("CC-0, CC-1, CC-2, CC-3")
    );
    assert!(CcScore::Cc1.definition().contains("2.5 mm"));
}

#[test]
fn serde_rejects_out_of_range_values() {
    assert!(ron::from_str::<Pci>("40").is_err());
    assert!(ron::from_str::<PciRegion>("13").is_err());
    assert!(ron::from_str::<LesionSize>("4").is_err());
    assert_eq!(ron::from_str::<PciRegion>("6").unwrap(), PciRegion::Pelvis);
    let mut r = RegionScores::default();
    r.set(PciRegion::Pelvis, Some(LesionSize::new(2).unwrap()));
    let text = ron::to_string(&r).unwrap();
    assert_eq!(ron::from_str::<RegionScores>(&text).unwrap(), r);
}

proptest! {
    #[test]
    fn pci_from_regions_equals_the_sum(scores in prop::collection::vec(0u8..=3, 13)) {
        let mut r = RegionScores::default();
        for (region, s) in PciRegion::ALL.into_iter().zip(&scores) {
            r.set(region, Some(LesionSize::new(*s).unwrap()));
        }
        let sum: u8 = scores.iter().sum();
        prop_assert_eq!(r.pci(), Some(pci(sum)));
        let res = stage(&RegionsCase::regions(r));
        prop_assert_eq!(res.pci, Some(pci(sum)));
    }

    #[test]
    fn n1_or_m1_always_gives_iii(p in 1u8..=39, n1 in any::<bool>(), m1 in any::<bool>()) {
        prop_assume!(n1 || m1);
        let n = if n1 { PeritonealN::N1 } else { PeritonealN::N0 };
        let m = if m1 { PeritonealM::M1 } else { PeritonealM::M0 };
        prop_assert_eq!(stage(&case(Some(p), Some(n), Some(m))).stage(), Some(PeritonealStage::III));
    }

    #[test]
    fn t_is_monotone_in_pci(a in 1u8..=39, b in 1u8..=39) {
        let (lo, hi) = (a.min(b), a.max(b));
        let rank = |p| t_from_pci(pci(p)).unwrap() as u8;
        prop_assert!(rank(lo) <= rank(hi));
    }
}

#[test]
fn region_entry_carries_the_numbering_note_and_json_names() {
    use mesocds_core::peritoneal::REGION_NUMBERING_NOTE;
    let r = stage(&RegionsCase::regions(RegionScores::default()));
    assert!(r.notes.iter().any(|n| n == REGION_NUMBERING_NOTE));
    assert!(
        !stage(&case(Some(3), None, None))
            .notes
            .iter()
            .any(|n| n == REGION_NUMBERING_NOTE)
    );
    // Issue 11: missing inputs named by their flag without dashes.
    let names: Vec<String> = r
        .missing()
        .iter()
        .map(|i| ron::to_string(i).unwrap())
        .collect();
    assert_eq!(names, ["pci"]);
}
