#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 11 on paper: the PDFs of the golden cases 22 (2025 pleural), 23 (2019 pleural) and 24
//! (peritoneal), read back with poppler's `pdftotext`: both editions, the applying one first and
//! marked, the 9th edition's caveat, the re-staging line, the options labelled by edition, and
//! the proposed peritoneal stage with its label, PCI and CC.

use std::path::{Path, PathBuf};
use std::process::Command;

use mesocds::report::export_files;
use mesocds::report::model::ReportMeta;
use mesocds::report::pdf::Paper;
use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::{Case, ClinicalTables};

/// A golden case file: only its `case` is read here.
#[derive(serde::Deserialize)]
struct GoldenCase {
    case: Case,
}

pub(crate) fn golden_case_file(dir: &Path, name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(name);
    let g: GoldenCase = ron::Options::default()
        .from_str(&std::fs::read_to_string(&src).unwrap())
        .unwrap();
    let path = dir.join(name);
    let saved = SavedWith {
        app_version: "test".to_owned(),
        content: "test".to_owned(),
    };
    case_file::save(&path, &g.case, &saved).unwrap();
    path
}

/// The text of the PDF of one golden case, with line breaks and runs of spaces collapsed.
fn pdf_text(name: &str) -> (String, usize) {
    let dir = tempfile::tempdir().unwrap();
    let case = golden_case_file(dir.path(), name);
    let out = dir.path().join("out.pdf");
    let meta = ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "9.9.9-test".to_owned(),
    };
    let tables = ClinicalTables::embedded().unwrap();
    let pdf = export_files(&[case], &out, Paper::A4, tables, meta).unwrap();
    // `-layout` keeps each "name: value" row on its line (the raw order groups a page's
    // columns by position, which moves with the layout).
    let o = Command::new("pdftotext")
        .args(["-layout", out.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed for these tests");
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (text, pdf.pages)
}

fn pos(text: &str, what: &str) -> usize {
    text.find(what)
        .unwrap_or_else(|| panic!("{what:?} not in the PDF text:\n{text}"))
}

const CAVEAT: &str = "9th-edition stage groups as published in NHS England's TNM 9 staging guidance (UICC TNM 9); not yet cross-checked against the AJCC Version 9 table";

#[test]
fn pleural_2025_prints_the_ninth_edition_first_and_both_lists_labelled() {
    let (t, pages) = pdf_text("25_pleural_2025_ninth_applies_t3_n0.ron");
    // Six since issue 13: the headline and decision boxes open page 1.
    assert!((1..=6).contains(&pages), "{pages} pages");
    let ninth = pos(&t, "Stage (AJCC Version 9 / UICC TNM 9, pleural) - applies");
    let eighth = pos(&t, "Stage (AJCC 8th edition, pleural)");
    assert!(ninth < eighth, "the applying edition comes first");
    assert!(!t.contains("Stage (AJCC 8th edition, pleural) - applies"));
    pos(&t, "Stage IIIA (cT3 N0 M0)");
    pos(&t, "Stage IB (cT3 N0 M0)");
    pos(&t, CAVEAT);
    pos(&t, "Re-staging cT3 N0 M0: 8th IB -> 9th IIIA");
    pos(&t, "Date of diagnosis 2025-03-14");
    pos(&t, "Psum 32 mm (10 + 12 + 10) Fmax 6 mm");
    pos(&t, "The editions lead to different settings");
    pos(&t, "(the setting of the AJCC 8th)");
    pos(&t, "(the setting of the AJCC Version 9)");
    pos(
        &t,
        "Extrapleural pneumonectomy (intracavitary mesothelioma) (AJCC 8th setting)",
    );
}

#[test]
fn pleural_2019_prints_the_eighth_edition_first_and_marked() {
    let (t, _) = pdf_text("26_pleural_2019_eighth_applies_pt2_n1.ron");
    let eighth = pos(&t, "Stage (AJCC 8th edition, pleural) - applies");
    let ninth = pos(&t, "Stage (AJCC Version 9 / UICC TNM 9, pleural)");
    assert!(eighth < ninth);
    pos(&t, "Stage II (pT2 N1 M0)");
    pos(&t, "Stage IIIA (pT2 N1 M0)");
    pos(&t, CAVEAT);
    pos(&t, "Re-staging pT2 N1 M0: 8th II -> 9th IIIA");
    pos(&t, "the AJCC 8th edition applies");
    assert!(
        !t.contains("edition setting)"),
        "one setting: no edition labels"
    );
}

#[test]
fn peritoneal_prints_the_proposed_stage_with_pci_and_cc() {
    let (t, _) = pdf_text("27_peritoneal_pci_15_stage_ii.ron");
    pos(
        &t,
        "Peritoneal stage: proposed staging (Yan 2011), not AJCC",
    );
    pos(
        &t,
        "Proposed stage II: 5-year survival 53% in the derivation cohort",
    );
    pos(&t, "PCI 15; by region 0: 2, 1: 1");
    pos(&t, "Completeness of cytoreduction CC-0");
    pos(&t, "PMID 21509762");
    // No 9th-edition section for a peritoneal case: the 8th-edition section says why.
    assert!(!t.contains("Stage (AJCC Version 9"), "{t}");
    pos(&t, "Peritoneal mesothelioma has no AJCC stage");
    pos(
        &t,
        "Peritoneal mesothelioma: neither AJCC edition (8th, Version 9) stages it",
    );
    assert_eq!(t.matches("CC-0").count(), 1, "CC printed once");
}

#[test]
fn a_pack_cover_gives_both_editions_the_applying_one_first() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = [
        "25_pleural_2025_ninth_applies_t3_n0.ron",
        "26_pleural_2019_eighth_applies_pt2_n1.ron",
        "27_peritoneal_pci_15_stage_ii.ron",
    ]
    .iter()
    .map(|n| golden_case_file(dir.path(), n))
    .collect();
    let out = dir.path().join("pack.pdf");
    let meta = ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "9.9.9-test".to_owned(),
    };
    export_files(
        &files,
        &out,
        Paper::A4,
        ClinicalTables::embedded().unwrap(),
        meta,
    )
    .unwrap();
    let o = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", out.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let cover = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "9th IIIA (cT3 N0 M0), applies; 8th IB (cT3 N0 M0)",
        "8th II (pT2 N1 M0), applies; 9th IIIA (pT2 N1 M0)",
        "no AJCC stage; proposed II (Yan 2011, not AJCC)",
    ] {
        pos(&cover, want);
    }
}
