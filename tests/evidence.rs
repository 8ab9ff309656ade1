#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Evidence newer than the PDQ (issue 12), end to end as the user gets it: `mesocds assess --json`,
//! the exported PDF (read back with poppler's `pdftotext`) and the plain text. The attachment rules
//! are those of docs/clinical/newer-evidence.md ("Attachment rules"); the entries' facts are
//! checked cell by cell in the core's tests (`crates/mesocds_core/tests/core/evidence.rs`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use mesocds::report::export_files;
use mesocds::report::model::ReportMeta;
use mesocds::report::pdf::Paper;
use mesocds_core::{ClinicalTables, INTENDED_USE};
use serde_json::Value;

use crate::cli::assess_json;
use crate::report::{case_from_flags, text_of};

const STAGE_I: &[&str] = &[
    "--site", "pleural", "--extent", "diffuse", "--basis", "clinical", "--t", "T1", "--n", "N0",
    "--m", "M0", "--status", "new",
];
const STAGE_IIIA: &[&str] = &[
    "--site", "pleural", "--extent", "diffuse", "--basis", "clinical", "--t", "T3", "--n", "N1",
    "--m", "M0", "--status", "new",
];
const PERITONEAL: &[&str] = &["--site", "peritoneal", "--status", "new"];

const MARS2_POINTER: &str = "Newer evidence (not in the PDQ version used), MARS 2: (Extended) \
     pleurectomy/decortication with chemotherapy did worse than chemotherapy alone.";
const PANEL: &str = "Newer evidence (not in the PDQ version used)";

fn json_of(flags: &[&[&str]]) -> Value {
    assess_json(&flags.concat())
}

fn evidence(json: &Value) -> &Vec<Value> {
    json["newer_evidence"]
        .as_array()
        .expect("a newer_evidence array")
}

fn trials(json: &Value) -> Vec<&str> {
    evidence(json)
        .iter()
        .map(|e| e["trial"].as_str().unwrap())
        .collect()
}

fn entry<'a>(json: &'a Value, trial: &str) -> &'a Value {
    evidence(json)
        .iter()
        .find(|e| e["trial"] == trial)
        .unwrap_or_else(|| panic!("{trial} not in {:?}", trials(json)))
}

fn option_name<'a>(json: &'a Value, id: &str) -> &'a str {
    json["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("PDQ option {id} not listed"))["name"]
        .as_str()
        .unwrap()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

/// The PDF's text without its page furniture (footer, content line, intended use), with every run
/// of white space as one space, so a sentence wrapped across lines or pages reads as one.
fn pdf_body(pdf: &Path) -> String {
    let content = ClinicalTables::embedded().unwrap().content_version();
    let text = text_of(pdf);
    let kept: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            let footer = l.starts_with("Page ") && l.contains(" · MesoCDS ");
            let content_line = l.starts_with("Content: ") || (l.len() > 10 && content.contains(l));
            !(footer || content_line || *l == INTENDED_USE)
        })
        .collect();
    kept.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn export(dir: &Path, name: &str, flags: &[&[&str]]) -> String {
    let case = case_from_flags(dir, &format!("{name}.ron"), &flags.concat());
    let out = dir.join(format!("{name}.pdf"));
    let meta = ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "9.9.9-test".to_owned(),
    };
    export_files(
        &[case],
        &out,
        Paper::A4,
        ClinicalTables::embedded().unwrap(),
        meta,
    )
    .unwrap();
    pdf_body(&out)
}

/// Where `needle` starts in `hay`, after `from`.
fn find_after(hay: &str, needle: &str, from: usize) -> usize {
    hay[from..]
        .find(needle)
        .map(|i| i + from)
        .unwrap_or_else(|| panic!("{needle:?} not found after byte {from}"))
}

#[test]
fn every_json_entry_has_exactly_the_contract_fields() {
    let want: BTreeSet<&str> = [
        "trial",
        "registry",
        "result",
        "direction",
        "citation",
        "pmid",
        "published",
        "tag",
        "applies_because",
        "concerns_options",
    ]
    .into();
    let mut seen = 0;
    for flags in [STAGE_I, STAGE_IIIA, PERITONEAL] {
        let json = json_of(&[flags, &["--histology", "sarcomatoid"]]);
        for e in evidence(&json) {
            let keys: BTreeSet<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, want);
            assert!(
                ["benefit", "no benefit", "harm", "inconclusive"]
                    .contains(&e["direction"].as_str().unwrap())
            );
            assert!(["2S", "1S"].contains(&e["tag"].as_str().unwrap()));
            assert!(e["pmid"].is_null() || e["pmid"].is_u64());
            let published = e["published"].as_str().unwrap();
            assert!(
                [4, 7, 10].contains(&published.len()) && published.starts_with("20"),
                "{published}"
            );
            assert!(!strings(&e["applies_because"]).is_empty());
            seen += 1;
        }
    }
    assert!(seen >= 9, "{seen}");
}

#[test]
fn the_pdq_options_array_is_unchanged_by_the_evidence() {
    // No newer trial becomes a PDQ option: the options are the PDQ's, with their own keys.
    let json = json_of(&[STAGE_IIIA]);
    let options = json["options"].as_array().unwrap();
    assert!(!options.is_empty());
    for o in options {
        assert!(o.get("newer_evidence").is_none());
        let name = o["name"].as_str().unwrap().to_lowercase();
        for new in [
            "pembrolizumab",
            "pegargiminase",
            "dendritic",
            "atezolizumab",
        ] {
            assert!(!name.contains(new), "{name}");
        }
    }
    assert!(trials(&json).contains(&"IND227 / KEYNOTE-483"));
}

#[test]
fn epithelioid_does_not_get_atomic_meso_sarcomatoid_does() {
    let epithelioid = json_of(&[STAGE_IIIA, &["--histology", "epithelioid"]]);
    assert!(!trials(&epithelioid).contains(&"ATOMIC-Meso"));
    assert!(trials(&epithelioid).contains(&"IND227 / KEYNOTE-483"));

    let sarcomatoid = json_of(&[STAGE_IIIA, &["--histology", "sarcomatoid"]]);
    let atomic = entry(&sarcomatoid, "ATOMIC-Meso");
    assert_eq!(atomic["direction"], "inconclusive");
    assert_eq!(atomic["pmid"], 38_358_753);
    assert!(atomic["concerns_options"].as_array().unwrap().is_empty());
    assert_eq!(
        strings(&atomic["applies_because"])[..2],
        [
            "Setting: Advanced (stages II, III and IV).",
            "Histology: sarcomatoid (not epithelioid); the trial enrolled non-epithelioid disease \
             only."
        ]
    );
    // Its secondary-source hazard ratio is named, never shown.
    let result = atomic["result"].as_str().unwrap();
    assert!(!result.contains("HR "), "{result}");
    assert!(result.contains("[2nd]"), "{result}");

    // Histology not entered: shown, saying so.
    let unknown = json_of(&[STAGE_IIIA]);
    let atomic = entry(&unknown, "ATOMIC-Meso");
    assert!(strings(&atomic["applies_because"])[1].starts_with("Histology not entered"));

    // In the PDF too.
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(
        dir.path(),
        "epi",
        &[STAGE_IIIA, &["--histology", "epithelioid"]],
    );
    assert!(pdf.contains(PANEL) && !pdf.contains("ATOMIC-Meso"));
    let pdf = export(
        dir.path(),
        "sarc",
        &[STAGE_IIIA, &["--histology", "sarcomatoid"]],
    );
    assert!(pdf.contains("ATOMIC-Meso, published 2024"), "{pdf}");
    assert!(pdf.contains("Histology: sarcomatoid (not epithelioid)"));
}

#[test]
fn stage_i_diffuse_gets_mars2_next_to_the_surgical_options_in_json() {
    let json = json_of(&[STAGE_I]);
    assert_eq!(trials(&json), ["MARS 2"]);
    let mars2 = entry(&json, "MARS 2");
    let epp = option_name(&json, "extrapleural_pneumonectomy");
    let pd = option_name(&json, "pleurectomy_decortication");
    assert_eq!(strings(&mars2["concerns_options"]), [epp, pd]);
    assert_eq!(mars2["direction"], "harm");
    assert_eq!(mars2["registry"], "NCT02040272");
    assert_eq!(mars2["pmid"], 38_740_044);
    assert_eq!(mars2["published"], "2024");
    assert_eq!(mars2["tag"], "2S");
    assert_eq!(
        mars2["citation"],
        "Lim E et al., Lancet Respir Med 2024;12(6):457-466."
    );
    let result = mars2["result"].as_str().unwrap();
    assert!(
        result.contains("median 19.3 vs 24.8 months, favouring chemotherapy alone (harm)"),
        "{result}"
    );
    assert!(
        result.contains("HR 1.28 (95% CI 1.02–1.60), favouring chemotherapy alone (harm) [1S]"),
        "{result}"
    );
}

#[test]
fn stage_i_diffuse_pdf_puts_mars2_on_each_surgical_option_and_in_its_panel() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path(), "stage-i", &[STAGE_I]);
    // The pointer follows each surgical option, before the next option.
    let epp = find_after(&pdf, "1. Extrapleural pneumonectomy", 0);
    let p1 = find_after(&pdf, MARS2_POINTER, epp);
    let pd = find_after(&pdf, "2. Pleurectomy and decortication", epp);
    assert!(p1 < pd, "MARS 2 pointer not on extrapleural pneumonectomy");
    let p2 = find_after(&pdf, MARS2_POINTER, pd);
    let third = find_after(&pdf, "3. Palliative radiation therapy", pd);
    assert!(
        p2 < third,
        "MARS 2 pointer not on pleurectomy/decortication"
    );
    assert_eq!(pdf.matches(MARS2_POINTER).count(), 2);
    // The panel comes after the PDQ options and before the references.
    let panel = find_after(&pdf, &format!("{PANEL} Evidence not in the NCI PDQ"), third);
    let refs = find_after(&pdf, "References 1. ", panel);
    let section = &pdf[panel..refs];
    for want in [
        "1. MARS 2 (NCT02040272), published 2024",
        "phase 3, n = 335; after 2 cycles of platinum plus pemetrexed;",
        "Overall: harm. (Extended) pleurectomy/decortication with chemotherapy did worse than \
         chemotherapy alone.",
        "(harm) [1S]",
        "Why it is shown for this patient:",
        "Concerns the listed PDQ option: Extrapleural pneumonectomy",
        "Reference: Lim E et al., Lancet Respir Med 2024;12(6):457-466. PMID 38740044.",
        "Guideline changes",
    ] {
        assert!(section.contains(want), "{want:?} not in {section}");
    }
    let release = ClinicalTables::embedded()
        .unwrap()
        .evidence
        .content_version();
    assert!(section.contains(&release), "{release} not in {section}");
    // The guideline footer is listed once.
    assert_eq!(pdf.matches("NCCN v1.2025").count(), 1);
    assert_eq!(pdf.matches("Kindler HL et al.").count(), 1);
}

#[test]
fn stage_iiia_pdf_reads_negative_results_as_negative() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path(), "iiia", &[STAGE_IIIA, &["--ecog", "2"]]);
    for want in [
        "Overall: no benefit. Dendritic-cell maintenance after chemotherapy: no overall survival \
         benefit.",
        "P = .62 (no benefit)",
        "Overall: benefit. Adding pembrolizumab to platinum plus pemetrexed improved overall \
         survival.",
        "IND227 / KEYNOTE-483 enrolled performance status 0–1; this patient's ECOG 2 is outside \
         it.",
        "Overall: no benefit. Adding atezolizumab",
        "figures not shown [NV: not verified]",
        "BEAT-meso, published 2024 [1S]",
        "Note: US FDA approval 17 September 2024.",
    ] {
        assert!(pdf.contains(want), "{want:?} not in the PDF");
    }
    // DENIM's pointer sits on the maintenance option; no MARS 2 for stage IIIA.
    let maint = find_after(
        &pdf,
        "Platinum plus pemetrexed, followed by best supportive care",
        0,
    );
    find_after(
        &pdf,
        "Newer evidence (not in the PDQ version used), DENIM: Dendritic-cell maintenance after \
         chemotherapy: no overall survival benefit.",
        maint,
    );
    assert!(!pdf.contains("MARS 2"));
}

#[test]
fn peritoneal_case_gets_pleural_only_evidence_only_marked_as_such() {
    let json = json_of(&[PERITONEAL]);
    assert_eq!(
        trials(&json),
        ["DENIM", "CheckMate 743, 3-year update", "BEAT-meso"]
    );
    let pleural_only = "Pleural-only evidence: CheckMate 743, 3-year update enrolled patients \
                        with pleural mesothelioma only; this patient's site is peritoneal.";
    let cm = entry(&json, "CheckMate 743, 3-year update");
    assert!(strings(&cm["applies_because"]).contains(&pleural_only));
    // Every other entry says the sources do not state the sites: none claims to be peritoneal
    // evidence, and none is silent about the site.
    for e in evidence(&json) {
        let because = strings(&e["applies_because"]);
        assert!(
            because
                .iter()
                .any(|b| b.starts_with("Pleural-only evidence:")
                    || (b.contains("do not say whether")
                        && b.ends_with("peritoneal mesothelioma."))),
            "{because:?}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path(), "peritoneal", &[PERITONEAL]);
    assert!(pdf.contains(pleural_only), "{pdf}");
    assert!(pdf.contains(
        "The sources used here do not say whether DENIM enrolled patients with peritoneal \
         mesothelioma."
    ));
    // The patient's own site is named (pericardial, recurrent without previous systemic therapy:
    // the PDQ lists no options for a new pericardial case).
    let json = json_of(&[&[
        "--site",
        "pericardial",
        "--status",
        "distant-recurrence",
        "--prior",
        "none",
    ]]);
    let cm = entry(&json, "CheckMate 743, 3-year update");
    assert!(
        strings(&cm["applies_because"])
            .iter()
            .any(|b| b.ends_with("this patient's site is pericardial."))
    );
}

#[test]
fn plain_text_has_the_panel_after_the_options() {
    let out = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args([&["assess"], STAGE_I].concat())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let options = find_after(&text, "Treatment options (NCI PDQ)", 0);
    let pointer = find_after(&text, MARS2_POINTER, options);
    let panel = find_after(&text, &format!("{PANEL}\n"), pointer);
    find_after(&text, "1. MARS 2 (NCT02040272), published 2024", panel);
    find_after(&text, "References\n", panel);
}
