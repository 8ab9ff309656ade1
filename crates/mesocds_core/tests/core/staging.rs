//! AJCC 8th edition staging of pleural mesothelioma, checked cell by cell against an oracle
//! written in this file from the text of docs/clinical/staging-ajcc8.md. The oracle never calls the
//! crate's stage table.

use std::collections::BTreeSet;

use mesocds_core::staging::{self, StageResult, StageStatus};
use mesocds_core::vocab::{
    Extent, Finding, Input, MCategory, NCategory, Site, StageGroup, StagingBasis, TCategory,
    Vocab as _,
};
use mesocds_core::{Case, assess};

use crate::fixtures::tables;

fn pleural_diffuse(t: Option<TCategory>, n: Option<NCategory>, m: Option<MCategory>) -> Case {
    let mut case = Case::default();
    case.disease.site = Some(Site::Pleural);
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.basis = Some(StagingBasis::Clinical);
    case.staging.t = t;
    case.staging.n = n;
    case.staging.m = m;
    case
}

fn stage_of(case: &Case) -> StageResult {
    let t = tables();
    staging::stage(case, &t.stage, &t.findings)
}

/// Stage groups as a set of codes (`StageGroup` is deliberately not `Ord`).
fn groups(list: &[StageGroup]) -> BTreeSet<&'static str> {
    list.iter().map(|g| g.code()).collect()
}

fn notes(r: &StageResult) -> String {
    r.notes.join("\n")
}

// ---------------------------------------------------------------------------------------------
// The oracle, from docs/clinical/staging-ajcc8.md#grid and #unknown-categories:
//   IA = T1 N0; IB = T2–3 N0; II = T1–2 N1; IIIA = T3 N1; IIIB = T1–3 N2 or T4 any N; IV = any M1.
//   Any M1 → IV (whatever T and N are); T4, any N including NX, M0 → IIIB; every other
//   combination with TX, T0 or NX → not assignable, naming the unknown axis and, where only N is
//   unknown, the groups it could be (T3 NX M0 → IB, IIIA or IIIB). There is no MX.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Expected {
    Group(StageGroup),
    NotAssignable {
        /// The unknown categories that must be named in a note ("TX", "T0", "NX").
        named: Vec<&'static str>,
        /// The groups it could be (only when N alone is unknown).
        possible: Vec<StageGroup>,
    },
}

/// The group of a fully known M0 combination with T1–T3 and N0–N2.
fn known_m0_group(t: u8, n: u8) -> StageGroup {
    match (t, n) {
        (1, 0) => StageGroup::IA,
        (2 | 3, 0) => StageGroup::IB,
        (1 | 2, 1) => StageGroup::II,
        (3, 1) => StageGroup::IIIA,
        (1..=3, 2) => StageGroup::IIIB,
        _ => unreachable!("T{t} N{n} is not a T1-3 N0-2 combination"),
    }
}

fn oracle(t: TCategory, n: NCategory, m: MCategory) -> Expected {
    if m == MCategory::M1 {
        return Expected::Group(StageGroup::IV);
    }
    if t == TCategory::T4 {
        return Expected::Group(StageGroup::IIIB);
    }
    let t_num = match t {
        TCategory::T1 => Some(1),
        TCategory::T2 => Some(2),
        TCategory::T3 => Some(3),
        _ => None,
    };
    let n_num = match n {
        NCategory::N0 => Some(0),
        NCategory::N1 => Some(1),
        NCategory::N2 => Some(2),
        NCategory::NX => None,
    };
    match (t_num, n_num) {
        (Some(tn), Some(nn)) => Expected::Group(known_m0_group(tn, nn)),
        (Some(tn), None) => Expected::NotAssignable {
            named: vec!["NX"],
            possible: (0..=2).map(|nn| known_m0_group(tn, nn)).collect(),
        },
        (None, nn) => {
            let mut named = vec![if t == TCategory::TX { "TX" } else { "T0" }];
            if nn.is_none() {
                named.push("NX");
            }
            // Audit decisions (2026-11): TX lists the groups T1-T4 would give (so that a row
            // whose every reading is advanced can select the advanced list); T0 has none.
            let mut possible = Vec::new();
            if t == TCategory::TX {
                let ns: Vec<u8> = nn.map_or_else(|| vec![0, 1, 2], |x| vec![x]);
                for g in StageGroup::ALL {
                    let hit = (1..=4u8).any(|tn| {
                        ns.iter().any(|&x| {
                            if tn == 4 {
                                *g == StageGroup::IIIB
                            } else {
                                known_m0_group(tn, x) == *g
                            }
                        })
                    });
                    if hit {
                        possible.push(*g);
                    }
                }
            }
            Expected::NotAssignable { named, possible }
        }
    }
}

/// What staging gives when some axes are not entered (`None`): every reading of the missing
/// axes through the oracle; one group from every reading is assigned, otherwise the stage is
/// incomplete with the union of the groups (left empty when every group is possible).
fn oracle_missing(
    t: Option<TCategory>,
    n: Option<NCategory>,
    m: Option<MCategory>,
) -> Result<StageGroup, Vec<StageGroup>> {
    let ts: Vec<TCategory> = t.map_or_else(|| TCategory::ALL.to_vec(), |x| vec![x]);
    let ns: Vec<NCategory> = n.map_or_else(|| NCategory::ALL.to_vec(), |x| vec![x]);
    let ms: Vec<MCategory> = m.map_or_else(|| MCategory::ALL.to_vec(), |x| vec![x]);
    let mut results = Vec::new();
    for &tc in &ts {
        for &nc in &ns {
            for &mc in &ms {
                results.push(oracle(tc, nc, mc));
            }
        }
    }
    if let Some(Expected::Group(g)) = results.first()
        && results.iter().all(|r| *r == Expected::Group(*g))
    {
        return Ok(*g);
    }
    let mut possible: Vec<StageGroup> = StageGroup::ALL
        .iter()
        .copied()
        .filter(|g| {
            results.iter().any(|r| match r {
                Expected::Group(x) => x == g,
                Expected::NotAssignable { possible, .. } => possible.contains(g),
            })
        })
        .collect();
    if possible.len() == StageGroup::ALL.len() {
        possible.clear();
    }
    Err(possible)
}

#[test]
fn oracle_matches_the_worked_example_of_the_decisions_page() {
    // "for example T3 NX M0 → IB, IIIA or IIIB"
    assert_eq!(
        oracle(TCategory::T3, NCategory::NX, MCategory::M0),
        Expected::NotAssignable {
            named: vec!["NX"],
            possible: vec![StageGroup::IB, StageGroup::IIIA, StageGroup::IIIB]
        }
    );
}

#[test]
fn the_vocabulary_has_the_48_cells_and_no_mx() {
    assert_eq!(TCategory::ALL.len(), 6);
    assert_eq!(NCategory::ALL.len(), 4);
    assert_eq!(MCategory::ALL, &[MCategory::M0, MCategory::M1]);
    assert!(MCategory::from_code("MX").is_none(), "there is no MX");
    assert_eq!(
        StageGroup::ALL,
        &[
            StageGroup::IA,
            StageGroup::IB,
            StageGroup::II,
            StageGroup::IIIA,
            StageGroup::IIIB,
            StageGroup::IV
        ]
    );
}

#[test]
fn every_tnm_cell_matches_the_oracle() {
    let mut cells = 0;
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                cells += 1;
                let case = pleural_diffuse(Some(t), Some(n), Some(m));
                let via_assess = assess(&case, tables()).stage;
                let r = stage_of(&case);
                assert_eq!(r, via_assess, "assess and staging::stage agree");
                let cell = format!("{} {} {}", t.code(), n.code(), m.code());
                assert_eq!(r.t.value, Some(t), "{cell}");
                assert_eq!(r.n.value, Some(n), "{cell}");
                assert_eq!(r.m.value, Some(m), "{cell}");
                assert!(r.missing.is_empty(), "{cell}: missing {:?}", r.missing);
                assert_eq!(r.tnm_text(), format!("c{cell}"));
                match oracle(t, n, m) {
                    Expected::Group(g) => {
                        assert_eq!(r.status(), StageStatus::Assigned, "{cell}");
                        assert_eq!(r.group(), Some(g), "{cell}");
                        assert!(r.possible().is_empty(), "{cell}: {:?}", r.possible());
                        assert!(
                            !notes(&r).contains("no stage group"),
                            "{cell}: {:?}",
                            r.notes
                        );
                    }
                    Expected::NotAssignable { named, possible } => {
                        assert_eq!(r.status(), StageStatus::NotAssignable, "{cell}");
                        assert_eq!(r.group(), None, "{cell}");
                        assert_eq!(r.possible(), possible, "{cell}");
                        let text = notes(&r);
                        for axis in &named {
                            assert!(
                                text.contains(axis),
                                "{cell}: the notes must name {axis}: {text}"
                            );
                        }
                        for other in ["TX", "T0", "NX"] {
                            if !named.contains(&other) {
                                assert!(
                                    !text.contains(other),
                                    "{cell}: the notes name {other}, which is known: {text}"
                                );
                            }
                        }
                        assert!(
                            text.contains("cannot be assessed") || text.contains("no evidence")
                        );
                        for g in &possible {
                            assert!(
                                text.contains(g.code()),
                                "{cell}: the notes must list {g}: {text}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert_eq!(cells, 48);
}

#[test]
fn spot_checks_of_the_grid_written_out_by_hand() {
    use MCategory::*;
    use NCategory::*;
    use StageGroup::*;
    use TCategory::*;
    let cases = [
        (T1, N0, M0, IA),
        (T2, N0, M0, IB),
        (T3, N0, M0, IB),
        (T1, N1, M0, II),
        (T2, N1, M0, II),
        (T3, N1, M0, IIIA),
        (T1, N2, M0, IIIB),
        (T3, N2, M0, IIIB),
        (T4, N0, M0, IIIB),
        (T4, NX, M0, IIIB),
        (TX, NX, M1, IV),
        (T0, N0, M1, IV),
        (T1, N0, M1, IV),
    ];
    for (t, n, m, g) in cases {
        let r = stage_of(&pleural_diffuse(Some(t), Some(n), Some(m)));
        assert_eq!(
            (r.status(), r.group()),
            (StageStatus::Assigned, Some(g)),
            "{t} {n} {m}"
        );
    }
}

#[test]
fn the_stage_table_data_holds_every_cell_exactly_once() {
    let table = &tables().stage;
    assert_eq!(table.cells.len(), 48);
    assert_eq!(table.edition, "AJCC 8th edition");
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                assert!(staging::lookup(table, t, n, m).is_some(), "{t} {n} {m}");
            }
        }
    }
}

// --------------------------------------------------------------------------- missing input

#[test]
fn a_missing_axis_is_incomplete_and_never_assumed() {
    // Every non-empty subset of {T, N, M} left out, with every value of the other axes.
    for mask in 1u8..8 {
        let drop_t = mask & 1 != 0;
        let drop_n = mask & 2 != 0;
        let drop_m = mask & 4 != 0;
        let mut expected_missing = Vec::new();
        if drop_t {
            expected_missing.push(Input::T);
        }
        if drop_n {
            expected_missing.push(Input::N);
        }
        if drop_m {
            expected_missing.push(Input::M);
        }
        for &t in TCategory::ALL {
            for &n in NCategory::ALL {
                for &m in MCategory::ALL {
                    let case = pleural_diffuse(
                        (!drop_t).then_some(t),
                        (!drop_n).then_some(n),
                        (!drop_m).then_some(m),
                    );
                    let r = stage_of(&case);
                    let what = format!("mask {mask}: {t} {n} {m}");
                    assert_eq!(r.missing, expected_missing, "{what}");
                    let text = notes(&r);
                    match oracle_missing(
                        (!drop_t).then_some(t),
                        (!drop_n).then_some(n),
                        (!drop_m).then_some(m),
                    ) {
                        Ok(g) => {
                            // Same group from every reading (any M1; T4 M0 with N missing).
                            assert!(!drop_m, "{what}: M missing never gives one group");
                            assert_eq!(r.status(), StageStatus::Assigned, "{what}");
                            assert_eq!(r.group(), Some(g), "{what}");
                            assert!(
                                text.contains("every category gives stage"),
                                "{what}: {text}"
                            );
                            continue;
                        }
                        Err(possible) => {
                            assert_eq!(r.status(), StageStatus::Incomplete, "{what}");
                            assert_eq!(r.group(), None, "{what}");
                            assert_eq!(r.possible(), possible, "{what}");
                            assert!(text.contains("never assumed"), "{what}: {text}");
                        }
                    }
                    for input in &expected_missing {
                        let label = match input {
                            Input::T => "T category",
                            Input::N => "N category",
                            _ => "M category",
                        };
                        assert!(text.contains(label), "{what}: {text}");
                    }
                }
            }
        }
    }
}

#[test]
fn m_is_never_defaulted_to_m0() {
    // T1 N0 with M not entered would be IA if M were taken as M0.
    let r = stage_of(&pleural_diffuse(
        Some(TCategory::T1),
        Some(NCategory::N0),
        None,
    ));
    assert_eq!(r.status(), StageStatus::Incomplete);
    assert_eq!(r.group(), None);
    assert_eq!(r.missing, vec![Input::M]);
    assert_eq!(r.m.value, None);
    assert!(notes(&r).contains("M0"), "{:?}", r.notes);
    assert_eq!(r.possible(), [StageGroup::IA, StageGroup::IV]);
    assert_eq!(r.tnm_text(), "cT1 N0 M not entered");
}

#[test]
fn missing_site_or_extent_is_incomplete_with_the_group_it_would_be() {
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                for (site, extent, missing) in [
                    (None, Some(Extent::Diffuse), vec![Input::Site]),
                    (Some(Site::Pleural), None, vec![Input::Extent]),
                    (None, None, vec![Input::Site, Input::Extent]),
                ] {
                    let mut case = pleural_diffuse(Some(t), Some(n), Some(m));
                    case.disease.site = site;
                    case.disease.extent = extent;
                    let r = stage_of(&case);
                    let what = format!("{t} {n} {m}, site {site:?}, extent {extent:?}");
                    // Audit decisions: with T4, N1-N2 or M1 a solitary tumour is staged by the
                    // grid too, so a missing extent does not change the stage (site still does).
                    let spread = t == TCategory::T4
                        || matches!(n, NCategory::N1 | NCategory::N2)
                        || m == MCategory::M1;
                    if site.is_some() && spread {
                        assert!(r.missing.contains(&Input::Extent), "{what}");
                        let diffuse = stage_of(&pleural_diffuse(Some(t), Some(n), Some(m)));
                        assert_eq!(r.outcome, diffuse.outcome, "{what}");
                        continue;
                    }
                    assert_eq!(r.group(), None, "{what}");
                    for input in &missing {
                        assert!(r.missing.contains(input), "{what}: {:?}", r.missing);
                    }
                    match oracle(t, n, m) {
                        Expected::Group(g) => {
                            assert_eq!(r.status(), StageStatus::Incomplete, "{what}");
                            assert_eq!(r.missing, missing, "{what}");
                            assert_eq!(r.possible(), vec![g], "{what}");
                            assert!(notes(&r).contains(g.code()), "{what}: {:?}", r.notes);
                        }
                        Expected::NotAssignable { .. } => {
                            assert_ne!(r.status(), StageStatus::Assigned, "{what}");
                        }
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------------------------ scope

#[test]
fn non_pleural_sites_get_no_ajcc_stage() {
    for site in [Site::Peritoneal, Site::Pericardial, Site::TunicaVaginalis] {
        for extent in [None, Some(Extent::Diffuse), Some(Extent::Solitary)] {
            for tnm in [
                (None, None, None),
                (
                    Some(TCategory::T3),
                    Some(NCategory::N1),
                    Some(MCategory::M0),
                ),
                (
                    Some(TCategory::T1),
                    Some(NCategory::N0),
                    Some(MCategory::M1),
                ),
            ] {
                let mut case = pleural_diffuse(tnm.0, tnm.1, tnm.2);
                case.disease.site = Some(site);
                case.disease.extent = extent;
                let r = stage_of(&case);
                let what = format!("{site:?} {extent:?} {tnm:?}");
                assert_eq!(r.status(), StageStatus::NotApplicable, "{what}");
                assert_eq!(r.group(), None, "{what}");
                assert!(r.possible().is_empty(), "{what}");
                let text = notes(&r);
                assert!(text.contains("no AJCC stage"), "{what}: {text}");
                assert!(text.contains(site.label()), "{what}: {text}");
                assert!(text.contains("pleural"), "{what}: {text}");
            }
        }
    }
}

#[test]
fn solitary_pleural_tumours_get_no_ajcc_stage() {
    for site in [Some(Site::Pleural), None] {
        let mut case = pleural_diffuse(
            Some(TCategory::T1),
            Some(NCategory::N0),
            Some(MCategory::M0),
        );
        case.disease.site = site;
        case.disease.extent = Some(Extent::Solitary);
        let r = stage_of(&case);
        assert_eq!(r.status(), StageStatus::NotApplicable, "{site:?}");
        assert_eq!(r.group(), None);
        assert!(r.possible().is_empty());
        let text = notes(&r);
        assert!(text.contains("Solitary"), "{text}");
        assert!(text.contains("no AJCC stage"), "{text}");
    }
}

// ------------------------------------------------------------------------------------ basis

#[test]
fn missing_basis_is_listed_and_the_prefix_is_left_out() {
    let mut case = pleural_diffuse(
        Some(TCategory::T3),
        Some(NCategory::N1),
        Some(MCategory::M0),
    );
    case.staging.basis = None;
    let r = stage_of(&case);
    assert!(r.missing.contains(&Input::Basis), "{:?}", r.missing);
    assert_eq!(r.tnm_text(), "T3 N1 M0");
    assert_eq!(r.basis, None);
    // The basis is a prefix, not part of the group: the group itself is still IIIA.
    assert_eq!(r.group(), Some(StageGroup::IIIA));
    assert!(notes(&r).contains("prefix"), "{:?}", r.notes);
}

#[test]
fn tnm_text_carries_the_basis_prefix() {
    for (basis, prefix) in [
        (StagingBasis::Clinical, "c"),
        (StagingBasis::Pathological, "p"),
        (StagingBasis::PostNeoadjuvant, "yp"),
    ] {
        let mut case = pleural_diffuse(
            Some(TCategory::T3),
            Some(NCategory::N1),
            Some(MCategory::M0),
        );
        case.staging.basis = Some(basis);
        let r = stage_of(&case);
        assert_eq!(r.tnm_text(), format!("{prefix}T3 N1 M0"));
        assert_eq!(r.basis, Some(basis));
        assert!(!r.missing.contains(&Input::Basis));
        assert_eq!(r.group(), Some(StageGroup::IIIA));
    }
}

#[test]
fn the_edition_is_carried_with_every_stage() {
    let a = assess(
        &pleural_diffuse(
            Some(TCategory::T1),
            Some(NCategory::N0),
            Some(MCategory::M0),
        ),
        tables(),
    );
    assert_eq!(a.stage.edition, "AJCC 8th edition");
    assert_eq!(a.provenance.staging_edition, "AJCC 8th");
    assert!(a.provenance.content.contains("AJCC 8th edition"));
    assert!(
        a.provenance
            .content
            .contains("NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025")
    );
}

// --------------------------------------------------------------------------------- findings

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    T(TCategory),
    N(NCategory),
    M(MCategory),
    Qualifier,
}

/// The category each finding implies, written out by hand from the PDQ wording of Tables 1–4 as
/// reprinted in docs/clinical/staging-ajcc8.md#categories.
fn finding_oracle(f: Finding) -> Cat {
    use Finding::*;
    match f {
        // "Tumor involving each of / all of the ipsilateral pleural surfaces" qualifies T2–T4.
        AllIpsilateralSurfaces => Cat::Qualifier,
        // T1: limited to the ipsilateral parietal pleura.
        IpsilateralParietalPleura => Cat::T(TCategory::T1),
        // T2: diaphragmatic muscle; extension into the underlying pulmonary parenchyma.
        DiaphragmaticMuscle | PulmonaryParenchyma => Cat::T(TCategory::T2),
        // T3: endothoracic fascia; mediastinal fat; solitary resectable chest-wall focus;
        // nontransmural pericardium.
        EndothoracicFascia | MediastinalFat | ChestWallSolitaryFocus | PericardiumNontransmural => {
            Cat::T(TCategory::T3)
        }
        // T4: diffuse/multifocal chest wall; transdiaphragmatic to peritoneum; contralateral
        // pleura; mediastinal organs; spine; internal surface of the pericardium; myocardium.
        ChestWallDiffuse
        | TransdiaphragmaticPeritoneum
        | ContralateralPleura
        | MediastinalOrgans
        | Spine
        | PericardiumInternalSurface
        | Myocardium => Cat::T(TCategory::T4),
        NoRegionalNodes => Cat::N(NCategory::N0),
        // N1: ipsilateral bronchopulmonary, hilar, mediastinal (incl. internal mammary,
        // peridiaphragmatic, pericardial fat pad, intercostal).
        IpsilateralBronchopulmonaryNodes
        | IpsilateralHilarNodes
        | IpsilateralMediastinalNodes
        | InternalMammaryNodes
        | PeridiaphragmaticNodes
        | PericardialFatPadNodes
        | IntercostalNodes => Cat::N(NCategory::N1),
        // N2: contralateral mediastinal, ipsilateral or contralateral supraclavicular.
        ContralateralMediastinalNodes
        | IpsilateralSupraclavicularNodes
        | ContralateralSupraclavicularNodes => Cat::N(NCategory::N2),
        NoDistantMetastasis => Cat::M(MCategory::M0),
        DistantMetastasis => Cat::M(MCategory::M1),
    }
}

fn t_rank(t: TCategory) -> u8 {
    match t {
        TCategory::T1 => 1,
        TCategory::T2 => 2,
        TCategory::T3 => 3,
        TCategory::T4 => 4,
        _ => unreachable!("no finding implies TX or T0"),
    }
}

fn n_rank(n: NCategory) -> u8 {
    match n {
        NCategory::N0 => 0,
        NCategory::N1 => 1,
        NCategory::N2 => 2,
        NCategory::NX => unreachable!("no finding implies NX"),
    }
}

fn findings_case(
    t: Option<TCategory>,
    n: Option<NCategory>,
    m: Option<MCategory>,
    findings: &[Finding],
) -> Case {
    let mut case = pleural_diffuse(t, n, m);
    case.staging.findings = findings.iter().copied().collect();
    case
}

#[test]
fn the_findings_table_lists_every_finding_with_the_pdq_category() {
    let table = &tables().findings;
    assert_eq!(table.findings.len(), Finding::ALL.len());
    for &f in Finding::ALL {
        let entry = table
            .finding(f)
            .unwrap_or_else(|| panic!("{f:?} is missing"));
        let data = match entry.implies {
            staging::Implies::T(c) => Cat::T(c),
            staging::Implies::N(c) => Cat::N(c),
            staging::Implies::M(c) => Cat::M(c),
            staging::Implies::Qualifier => Cat::Qualifier,
        };
        assert_eq!(data, finding_oracle(f), "{f:?}");
        assert!(!entry.text.trim().is_empty());
    }
}

/// A check run on the stage of one case.
type Check = Box<dyn Fn(&StageResult)>;

#[test]
fn each_finding_alone_derives_its_own_category() {
    for &f in Finding::ALL {
        let expected = finding_oracle(f);
        // The axis under test is left unpicked; the others are picked so that a stage results.
        let (case, check): (Case, Check) = match expected {
            Cat::T(c) => (
                findings_case(None, Some(NCategory::N0), Some(MCategory::M0), &[f]),
                Box::new(move |r: &StageResult| {
                    let d = r.t.derived.as_ref().expect("a derived T");
                    assert_eq!(d.category, c, "{f:?}");
                    assert_eq!(d.drivers, vec![f]);
                    assert_eq!(r.t.value, Some(c));
                    assert!(!r.t.conflict);
                    let Expected::Group(g) = oracle(c, NCategory::N0, MCategory::M0) else {
                        panic!("a T1-T4 N0 M0 cell always has a group");
                    };
                    assert_eq!(r.group(), Some(g), "{f:?}");
                }),
            ),
            Cat::N(c) => (
                findings_case(Some(TCategory::T1), None, Some(MCategory::M0), &[f]),
                Box::new(move |r: &StageResult| {
                    let d = r.n.derived.as_ref().expect("a derived N");
                    assert_eq!(d.category, c, "{f:?}");
                    assert_eq!(d.drivers, vec![f]);
                    assert_eq!(r.n.value, Some(c));
                    let Expected::Group(g) = oracle(TCategory::T1, c, MCategory::M0) else {
                        panic!("a T1 N0-N2 M0 cell always has a group");
                    };
                    assert_eq!(r.group(), Some(g), "{f:?}");
                }),
            ),
            Cat::M(c) => (
                findings_case(Some(TCategory::T1), Some(NCategory::N0), None, &[f]),
                Box::new(move |r: &StageResult| {
                    let d = r.m.derived.as_ref().expect("a derived M");
                    assert_eq!(d.category, c, "{f:?}");
                    assert_eq!(d.drivers, vec![f]);
                    assert_eq!(r.m.value, Some(c));
                    let Expected::Group(g) = oracle(TCategory::T1, NCategory::N0, c) else {
                        panic!("T1 N0 M0/M1 always has a group");
                    };
                    assert_eq!(r.group(), Some(g), "{f:?}");
                }),
            ),
            Cat::Qualifier => (
                findings_case(None, Some(NCategory::N0), Some(MCategory::M0), &[f]),
                Box::new(move |r: &StageResult| {
                    // The qualifier is no T category by itself: T stays not entered.
                    assert_eq!(r.t.derived, None, "{f:?}");
                    assert_eq!(r.t.value, None);
                    assert_eq!(r.status(), StageStatus::Incomplete);
                    assert_eq!(r.missing, vec![Input::T]);
                }),
            ),
        };
        let r = stage_of(&case);
        check(&r);
        if !matches!(expected, Cat::Qualifier) {
            assert_eq!(r.status(), StageStatus::Assigned, "{f:?}: {:?}", r.notes);
        }
    }
}

/// Every subset of the findings of one axis: the derived category is the highest one present
/// and the drivers are exactly the ticked findings of that category.
fn check_highest_wins(axis_findings: &[Finding]) {
    let n = axis_findings.len();
    assert!(n < 20);
    for mask in 0u32..(1 << n) {
        let chosen: Vec<Finding> = (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| axis_findings[i])
            .collect();
        let case = findings_case(None, None, None, &chosen);
        let r = stage_of(&case);
        let cats: Vec<(Cat, Finding)> = chosen.iter().map(|&f| (finding_oracle(f), f)).collect();

        let ts: Vec<(TCategory, Finding)> = cats
            .iter()
            .filter_map(|(c, f)| {
                if let Cat::T(t) = c {
                    Some((*t, *f))
                } else {
                    None
                }
            })
            .collect();
        match ts.iter().map(|(t, _)| t_rank(*t)).max() {
            None => assert_eq!(r.t.derived, None, "{chosen:?}"),
            Some(top) => {
                let d = r.t.derived.as_ref().expect("derived T");
                assert_eq!(t_rank(d.category), top, "{chosen:?}");
                let want: BTreeSet<Finding> = ts
                    .iter()
                    .filter(|(t, _)| t_rank(*t) == top)
                    .map(|(_, f)| *f)
                    .collect();
                let got: BTreeSet<Finding> = d.drivers.iter().copied().collect();
                assert_eq!(got, want, "{chosen:?}");
                assert_eq!(got.len(), d.drivers.len(), "drivers are listed once each");
                // The qualifier note: a T2-T4 category derived without all ipsilateral surfaces.
                let qualifier_note = r
                    .notes
                    .iter()
                    .any(|n| n.contains("all ipsilateral pleural surfaces"));
                let needs = top >= 2 && !chosen.contains(&Finding::AllIpsilateralSurfaces);
                assert_eq!(qualifier_note, needs, "{chosen:?}: {:?}", r.notes);
            }
        }

        let ns: Vec<(NCategory, Finding)> = cats
            .iter()
            .filter_map(|(c, f)| {
                if let Cat::N(x) = c {
                    Some((*x, *f))
                } else {
                    None
                }
            })
            .collect();
        match ns.iter().map(|(x, _)| n_rank(*x)).max() {
            None => assert_eq!(r.n.derived, None, "{chosen:?}"),
            Some(top) => {
                let d = r.n.derived.as_ref().expect("derived N");
                assert_eq!(n_rank(d.category), top, "{chosen:?}");
                let want: BTreeSet<Finding> = ns
                    .iter()
                    .filter(|(x, _)| n_rank(*x) == top)
                    .map(|(_, f)| *f)
                    .collect();
                assert_eq!(d.drivers.iter().copied().collect::<BTreeSet<_>>(), want);
                let contradiction_note = r
                    .notes
                    .iter()
                    .any(|n| n.contains("No regional lymph node metastases"));
                let contradictory = chosen.contains(&Finding::NoRegionalNodes) && top > 0;
                assert_eq!(
                    contradiction_note, contradictory,
                    "{chosen:?}: {:?}",
                    r.notes
                );
            }
        }

        let ms: Vec<MCategory> = cats
            .iter()
            .filter_map(|(c, _)| if let Cat::M(x) = c { Some(*x) } else { None })
            .collect();
        let want_m = if ms.contains(&MCategory::M1) {
            Some(MCategory::M1)
        } else if ms.contains(&MCategory::M0) {
            Some(MCategory::M0)
        } else {
            None
        };
        assert_eq!(
            r.m.derived.as_ref().map(|d| d.category),
            want_m,
            "{chosen:?}"
        );
    }
}

#[test]
fn the_highest_t_category_with_a_finding_present_wins() {
    let t_findings: Vec<Finding> = Finding::ALL
        .iter()
        .copied()
        .filter(|f| matches!(finding_oracle(*f), Cat::T(_) | Cat::Qualifier))
        .collect();
    assert_eq!(t_findings.len(), 15);
    check_highest_wins(&t_findings);
}

#[test]
fn the_highest_n_and_m_category_with_a_finding_present_wins() {
    let nm_findings: Vec<Finding> = Finding::ALL
        .iter()
        .copied()
        .filter(|f| matches!(finding_oracle(*f), Cat::N(_) | Cat::M(_)))
        .collect();
    assert_eq!(nm_findings.len(), 13);
    check_highest_wins(&nm_findings);
}

#[test]
fn a_full_stage_from_findings_alone_names_its_drivers() {
    let case = findings_case(
        None,
        None,
        None,
        &[
            Finding::AllIpsilateralSurfaces,
            Finding::DiaphragmaticMuscle,
            Finding::EndothoracicFascia,
            Finding::MediastinalFat,
            Finding::IpsilateralHilarNodes,
            Finding::NoDistantMetastasis,
        ],
    );
    let r = stage_of(&case);
    assert_eq!(r.status(), StageStatus::Assigned, "{:?}", r.notes);
    assert_eq!(r.group(), Some(StageGroup::IIIA));
    assert_eq!(r.tnm_text(), "cT3 N1 M0");
    let t = r.t.derived.as_ref().expect("derived T");
    assert_eq!(t.category, TCategory::T3);
    let drivers: BTreeSet<Finding> = t.drivers.iter().copied().collect();
    assert_eq!(
        drivers,
        [Finding::EndothoracicFascia, Finding::MediastinalFat]
            .into_iter()
            .collect()
    );
    assert_eq!(
        r.n.derived.as_ref().map(|d| d.drivers.clone()),
        Some(vec![Finding::IpsilateralHilarNodes])
    );
    // All ipsilateral surfaces ticked: no qualifier note.
    assert!(
        !notes(&r).contains("all ipsilateral pleural surfaces"),
        "{:?}",
        r.notes
    );
}

#[test]
fn t2_to_t4_findings_without_all_ipsilateral_surfaces_get_a_note() {
    for f in [
        Finding::DiaphragmaticMuscle,
        Finding::MediastinalFat,
        Finding::Spine,
    ] {
        let r = stage_of(&findings_case(
            None,
            Some(NCategory::N0),
            Some(MCategory::M0),
            &[f],
        ));
        // The category is still derived and staged.
        assert_eq!(r.status(), StageStatus::Assigned, "{f:?}");
        assert!(r.group().is_some());
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains("all ipsilateral pleural surfaces")),
            "{f:?}: {:?}",
            r.notes
        );
        let with = stage_of(&findings_case(
            None,
            Some(NCategory::N0),
            Some(MCategory::M0),
            &[f, Finding::AllIpsilateralSurfaces],
        ));
        assert_eq!(with.group(), r.group());
        assert!(
            !with
                .notes
                .iter()
                .any(|n| n.contains("all ipsilateral pleural surfaces")),
            "{f:?}: {:?}",
            with.notes
        );
    }
    // T1 needs no qualifier.
    let t1 = stage_of(&findings_case(
        None,
        Some(NCategory::N0),
        Some(MCategory::M0),
        &[Finding::IpsilateralParietalPleura],
    ));
    assert_eq!(t1.group(), Some(StageGroup::IA));
    assert!(t1.notes.is_empty(), "{:?}", t1.notes);
}

#[test]
fn picked_and_derived_t_disagree() {
    // Picked T1, but the endothoracic fascia finding gives T3; N1 M0.
    let r = stage_of(&findings_case(
        Some(TCategory::T1),
        Some(NCategory::N1),
        Some(MCategory::M0),
        &[Finding::EndothoracicFascia, Finding::AllIpsilateralSurfaces],
    ));
    assert_eq!(r.status(), StageStatus::NotAssignable);
    assert_eq!(r.group(), None);
    assert!(r.t.conflict);
    assert_eq!(r.t.value, None);
    assert!(
        !r.missing.contains(&Input::T),
        "a disagreement is not missing input"
    );
    // T1 N1 M0 → II; T3 N1 M0 → IIIA.
    let possible = groups(r.possible());
    assert_eq!(possible, groups(&[StageGroup::II, StageGroup::IIIA]));
    let note = r
        .notes
        .iter()
        .find(|n| n.contains("disagree"))
        .expect("a disagreement note");
    assert!(note.contains("T1"), "{note}");
    assert!(note.contains("T3"), "{note}");
    assert!(
        note.to_lowercase().contains("endothoracic fascia"),
        "{note}"
    );
}

#[test]
fn picked_and_derived_n_disagree() {
    let r = stage_of(&findings_case(
        Some(TCategory::T2),
        Some(NCategory::N0),
        Some(MCategory::M0),
        &[Finding::IpsilateralHilarNodes],
    ));
    assert_eq!(r.status(), StageStatus::NotAssignable);
    assert!(r.n.conflict);
    let possible = groups(r.possible());
    // T2 N0 M0 → IB; T2 N1 M0 → II.
    assert_eq!(possible, groups(&[StageGroup::IB, StageGroup::II]));
    let note = r
        .notes
        .iter()
        .find(|n| n.contains("disagree"))
        .expect("note");
    assert!(note.contains("N0") && note.contains("N1"), "{note}");
    assert!(note.to_lowercase().contains("hilar"), "{note}");
}

#[test]
fn picked_and_derived_m_disagree() {
    let r = stage_of(&findings_case(
        Some(TCategory::T1),
        Some(NCategory::N0),
        Some(MCategory::M0),
        &[Finding::DistantMetastasis],
    ));
    assert_eq!(r.status(), StageStatus::NotAssignable);
    assert!(r.m.conflict);
    let possible = groups(r.possible());
    assert_eq!(possible, groups(&[StageGroup::IA, StageGroup::IV]));
    let note = r
        .notes
        .iter()
        .find(|n| n.contains("disagree"))
        .expect("note");
    assert!(note.contains("M0") && note.contains("M1"), "{note}");
}

#[test]
fn disagreements_on_two_axes_list_every_reading() {
    // T picked T1 vs derived T4; N picked N0 vs derived N2; M0.
    let r = stage_of(&findings_case(
        Some(TCategory::T1),
        Some(NCategory::N0),
        Some(MCategory::M0),
        &[
            Finding::Spine,
            Finding::AllIpsilateralSurfaces,
            Finding::ContralateralMediastinalNodes,
        ],
    ));
    assert_eq!(r.status(), StageStatus::NotAssignable);
    // T1 N0 → IA; T1 N2 → IIIB; T4 N0 → IIIB; T4 N2 → IIIB.
    let possible = groups(r.possible());
    assert_eq!(possible, groups(&[StageGroup::IA, StageGroup::IIIB]));
    assert_eq!(r.possible().len(), possible.len(), "no duplicates");
    assert_eq!(r.notes.iter().filter(|n| n.contains("disagree")).count(), 2);
}

#[test]
fn picked_and_derived_agree() {
    let r = stage_of(&findings_case(
        Some(TCategory::T3),
        Some(NCategory::N1),
        Some(MCategory::M0),
        &[
            Finding::EndothoracicFascia,
            Finding::AllIpsilateralSurfaces,
            Finding::IntercostalNodes,
            Finding::NoDistantMetastasis,
        ],
    ));
    assert_eq!(r.status(), StageStatus::Assigned);
    assert_eq!(r.group(), Some(StageGroup::IIIA));
    assert!(!r.t.conflict && !r.n.conflict && !r.m.conflict);
    assert!(!notes(&r).contains("disagree"));
}

#[test]
fn no_regional_nodes_ticked_with_n1_nodes_uses_n1() {
    let r = stage_of(&findings_case(
        Some(TCategory::T1),
        None,
        Some(MCategory::M0),
        &[
            Finding::NoRegionalNodes,
            Finding::IpsilateralMediastinalNodes,
        ],
    ));
    assert_eq!(r.n.value, Some(NCategory::N1));
    assert_eq!(r.group(), Some(StageGroup::II));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("No regional lymph node metastases") && n.contains("used")),
        "{:?}",
        r.notes
    );
}

#[test]
fn no_distant_metastasis_ticked_with_distant_metastasis_uses_m1() {
    let r = stage_of(&findings_case(
        Some(TCategory::T1),
        Some(NCategory::N0),
        None,
        &[Finding::NoDistantMetastasis, Finding::DistantMetastasis],
    ));
    assert_eq!(r.m.value, Some(MCategory::M1));
    assert_eq!(r.group(), Some(StageGroup::IV));
    assert!(
        r.notes.iter().any(|n| n.contains("M1 was used")),
        "{:?}",
        r.notes
    );
}

#[test]
fn findings_fill_a_missing_axis_and_a_missing_axis_stays_missing() {
    // Findings give T, N is picked, M is neither picked nor derived.
    let r = stage_of(&findings_case(
        None,
        Some(NCategory::N0),
        None,
        &[Finding::MediastinalFat, Finding::AllIpsilateralSurfaces],
    ));
    assert_eq!(r.status(), StageStatus::Incomplete);
    assert_eq!(r.missing, vec![Input::M]);
    assert_eq!(r.t.value, Some(TCategory::T3));
}
