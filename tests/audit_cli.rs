//! Issue 8: the audit's reproducer commands, run as the user runs them (`mesocds assess --json`).
//! Each test failed on the build before the audit fixes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use serde_json::Value;

fn assess_json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(["assess", "--json"])
        .args(args)
        .output()
        .expect("run mesocds");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect()
}

fn notes(v: &Value, section: &str) -> Vec<String> {
    v[section]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn item_1_solitary_with_n2_m1_is_stage_iv_and_gets_the_advanced_list() {
    let v = assess_json(&[
        "--site", "pleural", "--extent", "solitary", "--basis", "clinical", "--t", "T1", "--n",
        "N2", "--m", "M1", "--status", "new",
    ]);
    assert_eq!(v["stage"]["group"], "IV");
    assert_eq!(v["stage"]["status"], "assigned");
    let options = ids(&v, "options");
    assert!(
        !options.contains(&"en_bloc_resection".to_owned()),
        "{options:?}"
    );
    assert!(
        options.contains(&"nivolumab_ipilimumab".to_owned()),
        "{options:?}"
    );
    assert!(notes(&v, "stage")[0].contains("contradicts the findings"));
}

#[test]
fn item_1_solitary_with_nothing_else_entered_lists_nothing_and_names_n_and_m() {
    let v = assess_json(&[
        "--site", "pleural", "--extent", "solitary", "--status", "new",
    ]);
    assert!(ids(&v, "options").is_empty());
    let missing: Vec<&str> = v["treatment"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"n") && missing.contains(&"m"),
        "{missing:?}"
    );
}

#[test]
fn item_2_peritoneal_local_recurrence_gets_no_chest_wall_resection() {
    let v = assess_json(&[
        "--site",
        "peritoneal",
        "--extent",
        "diffuse",
        "--status",
        "local-recurrence",
        "--prior",
        "platinum-pemetrexed",
        "--ecog",
        "1",
    ]);
    assert!(!ids(&v, "options").contains(&"chest_wall_resection".to_owned()));
    let excluded = v["excluded_options"].as_array().unwrap();
    let cwr = excluded
        .iter()
        .find(|x| x["id"] == "chest_wall_resection")
        .expect("in excluded_options");
    assert!(cwr["name"].is_string());
    assert!(cwr["reasons"][0].as_str().unwrap().contains("pleural"));
}

#[test]
fn item_3_second_line_pemetrexed_after_platinum_pemetrexed_is_excluded() {
    let v = assess_json(&[
        "--site",
        "pleural",
        "--status",
        "distant-recurrence",
        "--prior",
        "platinum-pemetrexed",
        "--ecog",
        "1",
    ]);
    assert!(!ids(&v, "options").contains(&"pemetrexed_second_line".to_owned()));
    assert!(ids(&v, "excluded_options").contains(&"pemetrexed_second_line".to_owned()));
}

#[test]
fn item_4_crs_hipec_is_excluded_with_m1() {
    let v = assess_json(&[
        "--site",
        "peritoneal",
        "--extent",
        "diffuse",
        "--m",
        "M1",
        "--finding",
        "distant-metastasis",
        "--status",
        "new",
        "--ecog",
        "3",
    ]);
    assert!(!ids(&v, "options").contains(&"crs_hipec".to_owned()));
    assert!(ids(&v, "excluded_options").contains(&"crs_hipec".to_owned()));
}

#[test]
fn item_5_recurrent_peritoneal_without_prior_systemic_gets_the_peritoneal_options_first() {
    let v = assess_json(&[
        "--site",
        "peritoneal",
        "--status",
        "distant-recurrence",
        "--prior",
        "none",
    ]);
    let options = ids(&v, "options");
    assert_eq!(
        options.first().map(String::as_str),
        Some("crs_hipec"),
        "{options:?}"
    );
    assert!(
        !options.contains(&"cisplatin_pemetrexed".to_owned()),
        "{options:?}"
    );
}

#[test]
fn item_8_new_status_with_prior_therapy_says_reconcile() {
    let v = assess_json(&[
        "--site",
        "pleural",
        "--extent",
        "diffuse",
        "--basis",
        "post-neoadjuvant",
        "--t",
        "T3",
        "--n",
        "N1",
        "--m",
        "M0",
        "--status",
        "new",
        "--prior",
        "platinum-pemetrexed,immunotherapy",
    ]);
    assert!(notes(&v, "treatment")[0].starts_with("Reconcile status and prior therapy"));
}

#[test]
fn item_9_same_group_from_every_reading_keeps_status_assigned_with_the_note() {
    // M1 with a T disagreement (T1 picked, a T4 finding ticked).
    let v = assess_json(&[
        "--site",
        "pleural",
        "--extent",
        "diffuse",
        "--basis",
        "clinical",
        "--t",
        "T1",
        "--n",
        "N0",
        "--m",
        "M1",
        "--finding",
        "spine",
        "--status",
        "new",
    ]);
    assert_eq!(v["stage"]["status"], "assigned");
    assert_eq!(v["stage"]["group"], "IV");
    assert!(
        notes(&v, "stage")
            .iter()
            .any(|n| n.contains("T disagreement"))
    );
    // TX N1 M0: not assignable, but the advanced list.
    let v = assess_json(&[
        "--site", "pleural", "--extent", "diffuse", "--basis", "clinical", "--t", "TX", "--n",
        "N1", "--m", "M0", "--status", "new",
    ]);
    assert_eq!(v["stage"]["status"], "not_assignable");
    assert!(ids(&v, "options").contains(&"nivolumab_ipilimumab".to_owned()));
}

#[test]
fn item_16_no_question_marks_for_missing_categories() {
    let v = assess_json(&[
        "--site", "pleural", "--extent", "diffuse", "--n", "N2", "--m", "M0",
    ]);
    let tnm = v["stage"]["tnm"].as_str().unwrap();
    assert!(!tnm.contains('?'), "{tnm}");
    assert!(tnm.contains("T not entered"), "{tnm}");
}
