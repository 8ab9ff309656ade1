//! The newer-evidence table and its attachment rules, checked against the clinical update
//! (November 2026, §E) and the decisions page ("Evidence newer than the PDQ"), as documented in
//! docs/clinical/newer-evidence.md. Expected values are written out by hand from those pages; they
//! are never read back from the table.

mod loader;
mod rules;

use mesocds_core::evidence::{
    AppliedEvidence, Caveat, Direction, EntryProblem, EvidenceError, EvidenceTable, Figures,
    HistologyRule, PubDate, Reason, SitesStudied, Tag, applicable, applicable_to,
};
use mesocds_core::treatment::{Setting, TreatmentOption};
use mesocds_core::vocab::{
    DiseaseStatus, Ecog, Extent, Histology, Input, MCategory, NCategory, Site, StagingBasis,
    TCategory, Vocab as _,
};
use mesocds_core::{Case, assess};

use crate::fixtures::tables;

fn table() -> &'static EvidenceTable {
    EvidenceTable::embedded().expect("embedded evidence table loads")
}

fn load(text: &str) -> Result<EvidenceTable, EvidenceError> {
    EvidenceTable::from_ron(text, &tables().treatments)
}

fn new_pleural_diffuse(t: TCategory, n: NCategory, m: MCategory) -> Case {
    let mut case = Case::default();
    case.disease.status = Some(DiseaseStatus::New);
    case.disease.site = Some(Site::Pleural);
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.basis = Some(StagingBasis::Clinical);
    case.staging.t = Some(t);
    case.staging.n = Some(n);
    case.staging.m = Some(m);
    case
}

/// Stage IIIA (T3 N1 M0): the advanced first-line setting.
fn stage_iiia() -> Case {
    new_pleural_diffuse(TCategory::T3, NCategory::N1, MCategory::M0)
}

/// Stage IA (T1 N0 M0), diffuse: the stage I diffuse setting.
fn stage_i() -> Case {
    new_pleural_diffuse(TCategory::T1, NCategory::N0, MCategory::M0)
}

fn recurrent_no_prior(site: Site) -> Case {
    let mut case = Case::default();
    case.disease.status = Some(DiseaseStatus::DistantRecurrence);
    case.disease.site = Some(site);
    case.therapy.prior_systemic = Some(Default::default());
    case
}

fn apply(case: &Case) -> Vec<AppliedEvidence<'static>> {
    let assessment = assess(case, tables());
    applicable_to(case, &assessment.treatment, table())
}

fn ids(applied: &[AppliedEvidence<'_>]) -> Vec<&'static str> {
    let all = [
        "ind227_keynote483",
        "mars2",
        "atomic_meso",
        "denim",
        "checkmate743_3y",
        "beat_meso",
    ];
    all.into_iter()
        .filter(|id| applied.iter().any(|a| a.entry.id == *id))
        .collect()
}

fn get<'a, 't>(applied: &'a [AppliedEvidence<'t>], id: &str) -> &'a AppliedEvidence<'t> {
    applied
        .iter()
        .find(|a| a.entry.id == id)
        .unwrap_or_else(|| panic!("{id} not applied"))
}

fn option(id: &str) -> &'static TreatmentOption {
    tables()
        .treatments
        .options
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no PDQ option {id}"))
}

// ------------------------------------------------------------------ the table, entry by entry

#[test]
fn embedded_table_loads_with_its_version() {
    let t = table();
    assert_eq!(t.release, 1);
    assert_eq!(t.date, "2026-11-24");
    assert_eq!(t.content_version(), "newer evidence release 1 (2026-11-24)");
    assert_eq!(t.title, "Newer evidence (not in the PDQ version used)");
    assert_eq!(
        t.pdq_version,
        "NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025"
    );
}

#[test]
fn exactly_the_six_entries_and_no_dream3r() {
    let got: Vec<&str> = table().entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        got,
        [
            "ind227_keynote483",
            "mars2",
            "atomic_meso",
            "denim",
            "checkmate743_3y",
            "beat_meso"
        ]
    );
    assert!(
        table()
            .entries
            .iter()
            .all(|e| !e.trial.to_lowercase().contains("dream"))
    );
}

type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u32>,
    Option<u32>,
    &'static str,
    Tag,
    Direction,
);

#[test]
fn each_entry_identity_citation_tag_and_direction() {
    let expected: [Row; 6] = [
        (
            "ind227_keynote483",
            "IND227 / KEYNOTE-483",
            Some("NCT02784171"),
            Some(440),
            None,
            "2023",
            Tag::TwoSources,
            Direction::Benefit,
        ),
        (
            "mars2",
            "MARS 2",
            Some("NCT02040272"),
            Some(335),
            Some(38_740_044),
            "2024",
            Tag::TwoSources,
            Direction::Harm,
        ),
        (
            "atomic_meso",
            "ATOMIC-Meso",
            None,
            Some(249),
            Some(38_358_753),
            "2024",
            Tag::TwoSources,
            Direction::Inconclusive,
        ),
        (
            "denim",
            "DENIM",
            None,
            Some(176),
            Some(38_848_742),
            "2024",
            Tag::TwoSources,
            Direction::NoBenefit,
        ),
        (
            "checkmate743_3y",
            "CheckMate 743, 3-year update",
            Some("NCT02899299"),
            Some(605),
            None,
            "2022",
            Tag::TwoSources,
            Direction::Benefit,
        ),
        (
            "beat_meso",
            "BEAT-meso",
            None,
            None,
            None,
            "2024",
            Tag::OneSource,
            Direction::NoBenefit,
        ),
    ];
    for (id, trial, registry, n, pmid, published, tag, direction) in expected {
        let e = table().entry(id).unwrap();
        assert_eq!(e.trial, trial, "{id}");
        assert_eq!(e.registry.as_deref(), registry, "{id}");
        assert_eq!(e.n, n, "{id}");
        assert_eq!(e.citation.pmid, pmid, "{id}");
        assert_eq!(e.published, published, "{id}");
        assert_eq!(e.tag, tag, "{id}");
        assert_eq!(e.direction, direction, "{id}");
        assert!(e.citation.doi.is_none(), "{id}: no DOI in the sources");
    }
    let cite = |id: &str| table().entry(id).unwrap().citation.text.clone();
    assert!(cite("ind227_keynote483").contains("Chu Q et al., Lancet 2023;402(10419):2295-306"));
    assert!(cite("mars2").contains("Lim E et al., Lancet Respir Med 2024;12(6):457-466"));
    assert!(cite("atomic_meso").contains("Szlosarek PW et al., JAMA Oncol 2024;10(4):475-483"));
    assert!(cite("denim").contains("Aerts JG et al., Lancet Oncol 2024"));
    assert!(cite("checkmate743_3y").contains("Peters S et al., Ann Oncol 2022"));
    assert!(cite("beat_meso").contains("Popat S et al., J Clin Oncol 2024;42(17 suppl):LBA8002"));
}

fn results(id: &str) -> Vec<(String, Option<f64>, Direction, Tag)> {
    let e = table().entry(id).unwrap();
    e.results
        .iter()
        .map(|r| {
            (
                r.text.clone(),
                r.ci_level_percent,
                r.direction,
                e.result_tag(r),
            )
        })
        .collect()
}

#[test]
fn ind227_results() {
    let r = results("ind227_keynote483");
    assert_eq!(r.len(), 2);
    assert!(r[0].0.contains("17.3 vs 16.1 months"));
    assert!(r[0].0.contains("HR 0.79 (95% CI 0.64–0.98), P = .0162"));
    assert!(r[0].0.contains("25% vs 17%"));
    assert_eq!(
        (r[0].1, r[0].2, r[0].3),
        (Some(95.0), Direction::Benefit, Tag::TwoSources)
    );
    assert_eq!(r[1].0, "52% vs 29%");
    assert_eq!(r[1].2, Direction::Descriptive);
    let e = table().entry("ind227_keynote483").unwrap();
    assert_eq!(e.enrolled_ecog_max, Some(1));
    assert_eq!(e.notes, ["US FDA approval 17 September 2024."]);
    assert!(
        e.comparison
            .contains("pembrolizumab 200 mg every 3 weeks for up to 2 years")
    );
}

#[test]
fn mars2_results_are_harm_and_the_hr_is_single_source() {
    let r = results("mars2");
    assert!(
        r[0].0
            .contains("19.3 vs 24.8 months, favouring chemotherapy alone")
    );
    assert_eq!((r[0].2, r[0].3), (Direction::Harm, Tag::TwoSources));
    assert!(r[1].0.contains("HR 1.28 (95% CI 1.02–1.60)"));
    assert_eq!(
        (r[1].1, r[1].2, r[1].3),
        (Some(95.0), Direction::Harm, Tag::OneSource)
    );
    assert!(r[2].0.contains("more with surgery"));
    assert_eq!(r[2].2, Direction::Harm);
    assert!(r.iter().all(|x| x.2 == Direction::Harm));
}

#[test]
fn atomic_meso_shows_no_secondary_source_hazard_ratio() {
    let r = results("atomic_meso");
    assert_eq!(r[0].0, "median 9.3 vs 7.7 months");
    assert_eq!(r[1].0, "median 6.2 vs 5.6 months");
    assert!(r.iter().all(|x| !x.0.contains("HR") && x.1.is_none()));
    let e = table().entry("atomic_meso").unwrap();
    assert_eq!(e.withheld.len(), 1);
    assert_eq!(e.withheld[0].tag, Tag::Secondary);
    assert!(e.withheld[0].what.starts_with("Hazard ratio"));
    assert_eq!(e.attach.histology, HistologyRule::NonEpithelioidOnly);
}

#[test]
fn denim_is_no_benefit() {
    let r = results("denim");
    assert_eq!(r.len(), 1);
    assert!(
        r[0].0
            .contains("16.8 vs 18.2 months; HR 1.10 (95% CI 0.77–1.57), P = .62")
    );
    assert_eq!((r[0].1, r[0].2), (Some(95.0), Direction::NoBenefit));
}

#[test]
fn checkmate743_update_results() {
    let r = results("checkmate743_3y");
    assert_eq!(r.len(), 1);
    assert!(r[0].0.contains("HR 0.73 (95% CI 0.61–0.87)"));
    assert!(r[0].0.contains("23% vs 15%"));
    assert_eq!(r[0].2, Direction::Benefit);
    let e = table().entry("checkmate743_3y").unwrap();
    assert_eq!(e.sites_studied, SitesStudied::PleuralOnly);
}

#[test]
fn beat_meso_has_no_figures() {
    let e = table().entry("beat_meso").unwrap();
    assert_eq!(e.figures, Figures::Withheld(Tag::NotVerified));
    for r in &e.results {
        assert!(!r.text.bytes().any(|b| b.is_ascii_digit()), "{}", r.text);
        assert_eq!(r.direction, Direction::NoBenefit);
    }
    let applied = apply(&stage_iiia());
    let text = get(&applied, "beat_meso").result_text();
    assert!(
        text.contains("figures not shown [NV: not verified]"),
        "{text}"
    );
}

#[test]
fn guidelines_listed_once_in_the_footer() {
    let g = &table().guidelines;
    let names: Vec<&str> = g.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "NCCN Pleural Mesothelioma v2.2024",
            "NCCN v1.2025",
            "ASCO guideline update 2025"
        ]
    );
    assert!(g.iter().all(|g| g.tag == Tag::OneSource));
    assert!(
        g[0].change
            .as_deref()
            .unwrap()
            .contains("category 1, preferred")
    );
    assert!(g[1].change.as_deref().unwrap().contains("stage I vs II–IV"));
    assert_eq!(g[2].doi.as_deref(), Some("10.1200/JCO-24-02425"));
    assert_eq!(
        g[2].citation.as_deref(),
        Some("Kindler HL et al., J Clin Oncol 2025.")
    );
}

#[test]
fn no_shown_tag_is_weaker_than_one_source() {
    for e in &table().entries {
        assert!(e.tag.shown_as_fact(), "{}", e.id);
        for r in &e.results {
            assert!(e.result_tag(r).shown_as_fact(), "{} {}", e.id, r.endpoint);
        }
    }
}

#[test]
fn panel_wording_says_what_the_sources_do_not_give() {
    let e = |id| table().entry(id).unwrap();
    assert_eq!(e("mars2").heading(), "MARS 2 (NCT02040272), published 2024");
    assert_eq!(e("beat_meso").heading(), "BEAT-meso, published 2024 [1S]");
    assert_eq!(
        e("mars2").citation_line(),
        "Lim E et al., Lancet Respir Med 2024;12(6):457-466. PMID 38740044."
    );
    assert_eq!(
        e("checkmate743_3y").citation_line(),
        "Peters S et al., Ann Oncol 2022. No PMID or DOI in the sources used."
    );
    assert_eq!(
        e("beat_meso").design_line(),
        "phase 3, n not given in the sources used; population not given in the sources used; \
         carboplatin plus pemetrexed plus bevacizumab, with or without atezolizumab"
    );
    assert!(
        e("denim")
            .design_line()
            .starts_with("phase 2/3, n = 176; after chemotherapy; ")
    );
    // The overall line reads with its direction; a harmful or negative trial reads as one.
    assert_eq!(
        e("mars2").direction_line(),
        "Overall: harm. (Extended) pleurectomy/decortication with chemotherapy did worse than \
         chemotherapy alone."
    );
    assert_eq!(
        e("denim").direction_line(),
        "Overall: no benefit. Dendritic-cell maintenance after chemotherapy: no overall survival \
         benefit."
    );
    assert!(
        e("atomic_meso")
            .direction_line()
            .starts_with("Overall: inconclusive. ")
    );
    // One line per result, then what is withheld, with its tag.
    assert_eq!(
        e("mars2").result_lines()[1],
        "Overall survival, hazard ratio: HR 1.28 (95% CI 1.02–1.60), favouring chemotherapy alone \
         (harm) [1S]"
    );
    assert_eq!(e("mars2").result_lines().len(), 3);
    assert_eq!(
        e("beat_meso").withheld_lines(),
        ["figures not shown [NV: not verified]"]
    );
    let atomic = e("atomic_meso").result_lines();
    assert_eq!(atomic.len(), 3);
    assert!(atomic[2].starts_with("Hazard ratio") && atomic[2].ends_with("[2nd]"));
    assert_eq!(
        table().scope_line(),
        "Evidence not in the NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025, \
         kept apart from the PDQ options above; newer evidence release 1 (2026-11-24)."
    );
    assert_eq!(
        table().footer(),
        [
            "NCCN Pleural Mesothelioma v2.2024: Added platinum plus pemetrexed plus pembrolizumab \
             (category 1, preferred). [1S]",
            "NCCN v1.2025: Splits treatment by clinical stage I vs II–IV and notes no evidence \
             that surgery added to systemic therapy improves survival. [1S]",
            "ASCO guideline update 2025: Kindler HL et al., J Clin Oncol 2025. doi \
             10.1200/JCO-24-02425 [1S]",
        ]
    );
}
