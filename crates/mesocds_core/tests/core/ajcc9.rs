//! 9th-edition pleural staging: every cell of the grid against an oracle written in this file
//! from docs/clinical/staging-ajcc9.md#stage-groups (the NDRS TNM 9 table and the unknown-category
//! rules),
//! the unknown-category rules one by one, the scope rules, and properties. The oracle never
//! reads the crate's grid.

use mesocds_core::ClinicalTables;
use mesocds_core::TableError;
use mesocds_core::ajcc9::grid::{CellValue9, STAGE_TABLE_9_RON};
use mesocds_core::ajcc9::{Ajcc9Input, Fmax, N_NOTE, Psum, Stage9, StageGroup9, StageTable9};
use mesocds_core::staging::StageStatus;
use mesocds_core::vocab::{
    Extent, Finding, MCategory, NCategory, Site, StagingBasis, TCategory, Vocab as _,
};
use proptest::prelude::*;

use crate::ajcc9_support::{CAVEAT, picked, run, table9};

// ---------------------------------------------------------------------------------------------
// The oracle, from docs/clinical/staging-ajcc9.md#stage-groups:
//   | T \ N (M0) | N0 | N1 | N2 |
//   | T1 | I | II | IIIA |  | T2 | II | IIIA | IIIA |  | T3 | IIIA | IIIA | IIIA |
//   | T4 | IIIB | IIIB | IIIB |      Any M1 → IV. No IA/IB split.
//   Unknowns: any M1 → IV whatever T and N are; with M0, a row whose every N gives the same
//   group is assigned even when N is NX (T3 NX → IIIA; T4 NX → IIIB); any other NX lists the
//   groups its row could give (T1 NX → I, II or IIIA; T2 NX → II or IIIA); TX or T0 with M0
//   cannot be assigned. There is no MX.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Expected {
    Group(StageGroup9),
    NotAssignable(Vec<StageGroup9>),
}

fn oracle_m0(t: u8, n: u8) -> StageGroup9 {
    use StageGroup9::*;
    const ROWS: [[StageGroup9; 3]; 4] = [
        [I, II, IIIA],
        [II, IIIA, IIIA],
        [IIIA, IIIA, IIIA],
        [IIIB, IIIB, IIIB],
    ];
    ROWS[usize::from(t - 1)][usize::from(n)]
}

fn oracle(t: TCategory, n: NCategory, m: MCategory) -> Expected {
    if m == MCategory::M1 {
        return Expected::Group(StageGroup9::IV);
    }
    let t_num = match t {
        TCategory::T1 => 1,
        TCategory::T2 => 2,
        TCategory::T3 => 3,
        TCategory::T4 => 4,
        TCategory::TX | TCategory::T0 => return Expected::NotAssignable(Vec::new()),
    };
    match n {
        NCategory::N0 => Expected::Group(oracle_m0(t_num, 0)),
        NCategory::N1 => Expected::Group(oracle_m0(t_num, 1)),
        NCategory::N2 => Expected::Group(oracle_m0(t_num, 2)),
        NCategory::NX => {
            let mut row: Vec<StageGroup9> = (0..3).map(|n| oracle_m0(t_num, n)).collect();
            row.dedup();
            if let [g] = row.as_slice() {
                Expected::Group(*g)
            } else {
                Expected::NotAssignable(row)
            }
        }
    }
}

#[test]
fn oracle_reproduces_the_worked_examples_of_section_c() {
    // §C: "T3 NX → IIIA; T4 NX → IIIB"; "T1 NX → I, II or IIIA; T2 NX → II or IIIA".
    use StageGroup9::*;
    assert_eq!(
        oracle(TCategory::T3, NCategory::NX, MCategory::M0),
        Expected::Group(IIIA)
    );
    assert_eq!(
        oracle(TCategory::T4, NCategory::NX, MCategory::M0),
        Expected::Group(IIIB)
    );
    assert_eq!(
        oracle(TCategory::T1, NCategory::NX, MCategory::M0),
        Expected::NotAssignable(vec![I, II, IIIA])
    );
    assert_eq!(
        oracle(TCategory::T2, NCategory::NX, MCategory::M0),
        Expected::NotAssignable(vec![II, IIIA])
    );
}

#[test]
fn every_cell_of_the_grid_data_matches_the_oracle() {
    let mut cells = 0;
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                cells += 1;
                let cell = table9().lookup(t, n, m).expect("every cell present");
                match (oracle(t, n, m), cell) {
                    (Expected::Group(g), CellValue9::Group(c)) => {
                        assert_eq!(g, *c, "{t:?} {n:?} {m:?}");
                    }
                    (Expected::NotAssignable(_), CellValue9::NotAssignable(_)) => {}
                    (e, c) => panic!("{t:?} {n:?} {m:?}: oracle {e:?}, table {c:?}"),
                }
            }
        }
    }
    assert_eq!(cells, 48);
    assert_eq!(table9().cells.len(), 48, "no extra cells");
}

#[test]
fn every_cell_staged_end_to_end_matches_the_oracle() {
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                let r = run(&picked(t, n, m));
                match (oracle(t, n, m), &r.stage) {
                    (Expected::Group(g), Stage9::Assigned { group }) => {
                        assert_eq!(g, *group, "{t:?} {n:?} {m:?}");
                    }
                    (Expected::NotAssignable(p), Stage9::NotAssignable { possible, reasons }) => {
                        assert_eq!(&p, possible, "{t:?} {n:?} {m:?}");
                        let text = reasons.join("\n");
                        for (unknown, named) in [
                            (t == TCategory::TX, "TX"),
                            (t == TCategory::T0, "T0"),
                            (n == NCategory::NX, "NX"),
                        ] {
                            assert_eq!(text.contains(named), unknown, "{t:?} {n:?} {m:?}: {text}");
                        }
                    }
                    (e, s) => panic!("{t:?} {n:?} {m:?}: oracle {e:?}, staged {s:?}"),
                }
                assert_eq!(
                    r.stage.status() == StageStatus::Assigned,
                    r.stage.group().is_some()
                );
            }
        }
    }
}

#[test]
fn the_grid_has_no_ia_ib_and_no_mx() {
    // §C: "No IA/IB split." "There is no MX."
    let codes: Vec<&str> = StageGroup9::ALL.iter().map(|g| g.code()).collect();
    assert_eq!(codes, ["I", "II", "IIIA", "IIIB", "IV"]);
    assert!(MCategory::from_code("MX").is_none());
    assert!(matches!(
        StageTable9::from_ron(&STAGE_TABLE_9_RON.replacen("Group(I))", "Group(IA))", 1)),
        Err(TableError::Parse { .. })
    ));
}

#[test]
fn moves_against_the_8th_edition_listed_in_section_c() {
    // §C [INF]: T2 N0 IB→II; T3 N0 IB→IIIA; T2 N1 II→IIIA; T1–T2 N2 IIIB→IIIA; T3 N2 IIIB→IIIA.
    let t8 = ClinicalTables::embedded().unwrap();
    let moves = [
        (TCategory::T2, NCategory::N0, "IB", "II"),
        (TCategory::T3, NCategory::N0, "IB", "IIIA"),
        (TCategory::T2, NCategory::N1, "II", "IIIA"),
        (TCategory::T1, NCategory::N2, "IIIB", "IIIA"),
        (TCategory::T2, NCategory::N2, "IIIB", "IIIA"),
        (TCategory::T3, NCategory::N2, "IIIB", "IIIA"),
    ];
    for (t, n, g8, g9) in moves {
        let cell8 = mesocds_core::staging::lookup(&t8.stage, t, n, MCategory::M0);
        assert!(
            matches!(cell8, Some(mesocds_core::staging::CellValue::Group(g)) if g.code() == g8),
            "{t:?} {n:?}: 8th {cell8:?}"
        );
        assert_eq!(
            table9().group(t, n, MCategory::M0).map(|g| g.code()),
            Some(g9)
        );
    }
}

// ---- the unknown-category rules, one test each (§C) ----

#[test]
fn any_m1_is_iv_even_with_tx_t0_and_nx() {
    // §C: "any M1 → IV whatever T and N are".
    for t in [TCategory::TX, TCategory::T0] {
        let r = run(&picked(t, NCategory::NX, MCategory::M1));
        assert_eq!(
            r.stage,
            Stage9::Assigned {
                group: StageGroup9::IV
            }
        );
    }
}

#[test]
fn t3_nx_m0_is_iiia_and_t4_nx_m0_is_iiib() {
    // §C: "a row whose every N gives the same group is assigned even when N is NX (T3 NX → IIIA; T4 NX → IIIB)".
    let r = run(&picked(TCategory::T3, NCategory::NX, MCategory::M0));
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::IIIA
        }
    );
    let r = run(&picked(TCategory::T4, NCategory::NX, MCategory::M0));
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::IIIB
        }
    );
}

#[test]
fn t1_and_t2_nx_m0_list_their_row() {
    // §C: "any other NX lists the groups its row could give (T1 NX → I, II or IIIA; T2 NX → II or IIIA)".
    let r = run(&picked(TCategory::T1, NCategory::NX, MCategory::M0));
    assert_eq!(
        r.stage.possible(),
        &[StageGroup9::I, StageGroup9::II, StageGroup9::IIIA]
    );
    let Stage9::NotAssignable { reasons, .. } = &r.stage else {
        panic!("{:?}", r.stage)
    };
    assert!(
        reasons.iter().any(|x| x.contains("I, II or IIIA")),
        "{reasons:?}"
    );
    let r = run(&picked(TCategory::T2, NCategory::NX, MCategory::M0));
    assert_eq!(r.stage.possible(), &[StageGroup9::II, StageGroup9::IIIA]);
}

#[test]
fn tx_or_t0_with_m0_cannot_be_assigned() {
    // §C: "TX or T0 with M0 cannot be assigned."
    for t in [TCategory::TX, TCategory::T0] {
        for &n in NCategory::ALL {
            let r = run(&picked(t, n, MCategory::M0));
            assert!(
                matches!(r.stage, Stage9::NotAssignable { ref possible, .. } if possible.is_empty()),
                "{t:?} {n:?}"
            );
        }
    }
}

#[test]
fn table_validation_rejects_bad_grids() {
    let ok = StageTable9::from_ron(STAGE_TABLE_9_RON);
    assert!(ok.is_ok(), "{ok:?}");
    let cases = [
        (
            "(t: T2, n: N1, m: M0, cell: Group(IIIA)),",
            "",
            "missing cell T2 N1 M0",
        ),
        (
            "(t: T2, n: N1, m: M0, cell: Group(IIIA)),",
            "(t: T2, n: N1, m: M0, cell: Group(IIIA)), (t: T2, n: N1, m: M0, cell: Group(II)),",
            "duplicate cell T2 N1 M0",
        ),
        (
            "(t: T3, n: NX, m: M0, cell: Group(IIIA)),",
            "(t: T3, n: NX, m: M0, cell: NotAssignable([NodesNotAssessed])),",
            "NX must give it",
        ),
        (
            "(t: T1, n: NX, m: M0, cell: NotAssignable([NodesNotAssessed])),",
            "(t: T1, n: NX, m: M0, cell: Group(I)),",
            "do not all give I",
        ),
        (
            "(t: T1, n: N0, m: M0, cell: Group(I)),",
            "(t: T1, n: N0, m: M0, cell: NotAssignable([NodesNotAssessed])),",
            "do not match",
        ),
    ];
    for (from, to, expect) in cases {
        let bad = STAGE_TABLE_9_RON.replacen(from, to, 1);
        assert_ne!(bad, STAGE_TABLE_9_RON, "{from}");
        match StageTable9::from_ron(&bad) {
            Err(TableError::Invalid { problem, .. }) => {
                let message = problem.to_string();
                assert!(message.contains(expect), "{message}");
            }
            other => panic!("{from}: {other:?}"),
        }
    }
    let format2 = STAGE_TABLE_9_RON.replacen("format: 1,", "format: 2,", 1);
    assert!(matches!(
        StageTable9::from_ron(&format2),
        Err(TableError::Format { found: 2, .. })
    ));
    match StageTable9::from_ron(&STAGE_TABLE_9_RON.replacen("caveat:", "cavet:", 1)) {
        Err(TableError::Parse { line, .. }) => assert!(line > 1),
        other => panic!("{other:?}"),
    }
}

fn any_t() -> impl Strategy<Value = TCategory> {
    prop::sample::select(TCategory::ALL.to_vec())
}
fn any_n() -> impl Strategy<Value = NCategory> {
    prop::sample::select(NCategory::ALL.to_vec())
}
fn any_basis() -> impl Strategy<Value = Option<StagingBasis>> {
    prop::option::of(prop::sample::select(StagingBasis::ALL.to_vec()))
}
fn any_findings() -> impl Strategy<Value = Vec<Finding>> {
    prop::collection::vec(prop::sample::select(Finding::ALL.to_vec()), 0..4)
}

proptest! {
    #[test]
    fn any_m1_gives_iv_whatever_t_n_basis_and_measurements(
        t in any_t(), n in any_n(), basis in any_basis(),
        psum in prop::option::of(0u16..=3000), fmax in prop::option::of(0u16..=3000),
    ) {
        // §C "Any M1 → IV"; picked T, so T is never missing.
        let mut input = picked(t, n, MCategory::M1);
        input.basis = basis;
        input.psum = psum.map(|v| Psum::Sum(mesocds_core::ajcc9::Millimetres::from_tenths(v, "p").unwrap()));
        input.fmax = fmax.map(|v| Fmax(mesocds_core::ajcc9::Millimetres::from_tenths(v, "f").unwrap()));
        let r = run(&input);
        prop_assert_eq!(r.stage, Stage9::Assigned { group: StageGroup9::IV });
    }

    #[test]
    fn every_result_carries_the_caveat_and_the_n_note(
        t in prop::option::of(any_t()), n in prop::option::of(any_n()),
        m in prop::option::of(prop::sample::select(MCategory::ALL.to_vec())),
        basis in any_basis(), findings in any_findings(),
        site in prop::option::of(prop::sample::select(Site::ALL.to_vec())),
        psum in prop::option::of(0u16..=3000),
    ) {
        let input = Ajcc9Input {
            site, extent: Some(Extent::Diffuse), basis, t, n, m,
            findings: findings.into_iter().collect(),
            psum: psum.map(|v| Psum::Sum(mesocds_core::ajcc9::Millimetres::from_tenths(v, "p").unwrap())),
            ..Ajcc9Input::default()
        };
        let r = run(&input);
        prop_assert_eq!(r.notes[0].as_str(), CAVEAT);
        prop_assert_eq!(r.notes[1].as_str(), N_NOTE);
        // The outcome never lies: a group only when assigned; missing only when incomplete.
        prop_assert_eq!(r.stage.group().is_some(), r.stage.status() == StageStatus::Assigned);
        prop_assert_eq!(!r.stage.missing().is_empty(), r.stage.status() == StageStatus::Incomplete);
    }
}
