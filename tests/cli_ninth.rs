//! Issue 11 at the command line: every new flag, every bad value (exit 2 saying what is
//! accepted), the JSON keys fixed by the issue, and format-1 case files written by earlier
//! builds (`tests/fixtures/format1/`) giving the same 8th-edition results as those builds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::{assess_json, mesocds};

const PLEURAL: &[&str] = &[
    "--site", "pleural", "--extent", "diffuse", "--basis", "clinical", "--status", "new",
];

fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    let mut v = base.to_vec();
    v.extend_from_slice(more);
    v
}

/// Every key of `stage_9th` the issue names.
fn assert_ninth_keys(v: &Value) {
    let s = &v["stage_9th"];
    for k in [
        "basis", "t", "n", "m", "group", "status", "missing", "possible", "notes", "edition",
        "applies",
    ] {
        assert!(s.get(k).is_some(), "stage_9th.{k} in {s}");
    }
    assert_eq!(s["edition"], "AJCC Version 9");
    assert_eq!(v["stage"]["edition"], "AJCC 8th");
    assert!(v["stage"].get("applies").is_some());
    assert!(v.get("peritoneal").is_some());
}

#[test]
fn diagnosed_decides_applies_in_both_stages() {
    for (date, eighth, ninth) in [
        ("2024-12-31", Value::Bool(true), Value::Bool(false)),
        ("2025-01-01", Value::Bool(false), Value::Bool(true)),
    ] {
        let v = assess_json(&with(PLEURAL, &["--diagnosed", date]));
        assert_ninth_keys(&v);
        assert_eq!(v["stage"]["applies"], eighth, "{date}");
        assert_eq!(v["stage_9th"]["applies"], ninth, "{date}");
    }
    let v = assess_json(PLEURAL);
    assert!(v["stage"]["applies"].is_null());
    assert!(v["stage_9th"]["applies"].is_null());
    let missing = v["stage_9th"]["missing"].as_array().unwrap();
    for k in ["diagnosed", "psum", "fmax", "n", "m"] {
        assert!(missing.iter().any(|m| m == k), "{k} in {missing:?}");
    }
}

#[test]
fn psum_fmax_boundaries_give_the_ninth_edition_t() {
    // docs/clinical/staging-ajcc9.md (measurement boundaries): Psum 12 is ≤ 12, 30 is ≤ 30; Fmax 5 is ≤ 5.
    for (psum, fmax, t, group) in [
        ("12", "5", "T1", "I"),
        ("12.1", "5", "T2", "II"),
        ("12", "5.1", "T2", "II"),
        ("30", "0", "T2", "II"),
        ("30.1", "0", "T3", "IIIA"),
    ] {
        let v = assess_json(&with(
            PLEURAL,
            &["--n", "N0", "--m", "M0", "--psum", psum, "--fmax", fmax],
        ));
        assert_eq!(v["stage_9th"]["t"], t, "Psum {psum} Fmax {fmax}");
        assert_eq!(v["stage_9th"]["group"], group, "Psum {psum} Fmax {fmax}");
    }
    // Levels: 4 + 4 + 4 = 12 → cT1 with Fmax 5.
    let v = assess_json(&with(
        PLEURAL,
        &[
            "--n",
            "N0",
            "--m",
            "M0",
            "--psum-levels",
            "4,4,4",
            "--fmax",
            "5",
        ],
    ));
    assert_eq!(v["stage_9th"]["t"], "T1");
}

#[test]
fn t9_and_ninth_findings_flags() {
    let v = assess_json(&with(
        PLEURAL,
        &[
            "--n",
            "N0",
            "--m",
            "M0",
            "--ninth-finding",
            "chest-wall-with-rib",
        ],
    ));
    assert_eq!(v["stage_9th"]["t"], "T4");
    assert_eq!(v["stage_9th"]["group"], "IIIB");
    let v = assess_json(&with(PLEURAL, &["--n", "N0", "--m", "M0", "--t9", "TX"]));
    assert_eq!(v["stage_9th"]["t"], "TX");
    assert_eq!(v["stage_9th"]["status"], "not_assignable");
}

#[test]
fn settings_by_edition_label_each_option() {
    let v = assess_json(&with(
        PLEURAL,
        &[
            "--t",
            "T3",
            "--n",
            "N0",
            "--m",
            "M0",
            "--psum",
            "31",
            "--diagnosed",
            "2025-02-01",
        ],
    ));
    assert_eq!(v["stage"]["group"], "IB");
    assert_eq!(v["stage_9th"]["group"], "IIIA");
    assert_eq!(v["stage_9th"]["restaging"], "cT3 N0 M0: 8th IB -> 9th IIIA");
    let editions: Vec<&str> = v["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["edition"].as_str())
        .collect();
    assert!(editions.contains(&"AJCC 8th") && editions.contains(&"AJCC Version 9"));
    assert_eq!(
        v["treatment"]["setting_editions"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn peritoneal_flags_and_json() {
    let base = [
        "--site",
        "peritoneal",
        "--status",
        "new",
        "--n",
        "N0",
        "--m",
        "M0",
    ];
    for (pci, t, stage, surv) in [
        ("10", "T1", "I", 87),
        ("11", "T2", "II", 53),
        ("20", "T2", "II", 53),
        ("21", "T3", "II", 53),
        ("30", "T3", "II", 53),
        ("31", "T4", "III", 29),
    ] {
        let v = assess_json(&with(&base, &["--pci", pci, "--cc", "CC-1"]));
        let p = &v["peritoneal"];
        for k in [
            "pci",
            "t",
            "n",
            "m",
            "stage",
            "status",
            "five_year_survival_percent",
            "missing",
            "notes",
        ] {
            assert!(p.get(k).is_some(), "peritoneal.{k}");
        }
        assert_eq!(p["pci"], pci.parse::<u64>().unwrap());
        assert_eq!(p["t"], t, "PCI {pci}");
        assert_eq!(p["stage"], stage, "PCI {pci}");
        assert_eq!(p["five_year_survival_percent"], surv, "PCI {pci}");
        assert_eq!(p["cc"], "CC-1");
        assert_eq!(p["notes"][0], "proposed staging (Yan 2011), not AJCC");
    }
    let v = assess_json(&with(&base, &["--pci", "0"]));
    assert_eq!(v["peritoneal"]["status"], "not_classifiable");
    assert!(v["peritoneal"]["stage"].is_null());
    let v = assess_json(&with(&base, &[]));
    assert_eq!(v["peritoneal"]["missing"], serde_json::json!(["pci"]));
    // All 13 regions by --pci-region: 13 × 1 = 13 → T2.
    let mut args = base.to_vec();
    let regions: Vec<String> = (0..13).map(|r| format!("{r}=1")).collect();
    for r in &regions {
        args.extend(["--pci-region", r.as_str()]);
    }
    let v = assess_json(&args);
    assert_eq!(v["peritoneal"]["pci"], 13);
    assert_eq!(v["peritoneal"]["t"], "T2");
    // Pleural: null.
    assert!(assess_json(PLEURAL)["peritoneal"].is_null());
}

#[test]
fn bad_values_exit_2_saying_what_is_accepted() {
    for (args, accepted) in [
        (vec!["--psum", "4000"], "0 to 300"),
        (vec!["--psum", "abc"], "0 to 300"),
        (vec!["--psum-levels", "1,2"], "three values"),
        (vec!["--psum-levels", "100,100,101"], "0 to 300"),
        (vec!["--fmax", "301"], "0 to 300"),
        (vec!["--fmax", "1.2 cm"], "12"),
        (vec!["--pci", "40"], "0 to 39"),
        (vec!["--pci", "-1"], "0 to 39"),
        (vec!["--pci-region", "13=1"], "0 to 12"),
        (vec!["--pci-region", "3=4"], "0, 1, 2 or 3"),
        (vec!["--pci-region", "3"], "REGION=SCORE"),
        (vec!["--pci-region", "3=1", "--pci-region", "3=2"], "twice"),
        (
            vec!["--pci", "5", "--pci-region", "3=1"],
            "cannot be used with",
        ),
        (vec!["--cc", "CC-4"], "CC-0, CC-1, CC-2, CC-3"),
        (vec!["--diagnosed", "2999-01-01"], "in the future"),
        (vec!["--diagnosed", "2025-02-30"], "1 to 28"),
        (vec!["--diagnosed", "14.03.2025"], "YYYY-MM-DD"),
        (vec!["--site", "peritoneal", "--n", "N2"], "N0 or N1"),
        (vec!["--site", "peritoneal", "--n", "NX"], "N0 or N1"),
    ] {
        let mut all = vec!["assess", "--json"];
        all.extend_from_slice(&args);
        let out = mesocds(&all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(accepted), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing printed on stdout");
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format1");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

/// The option ids of `v`, led by the 8th edition or by no edition in particular.
fn eighth_option_ids(v: &Value, key: &str) -> Vec<String> {
    let mut ids: Vec<String> = v[key]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o.get("edition").is_none_or(|e| e != "AJCC Version 9"))
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn format_1_files_give_the_results_their_build_gave() {
    let files = fixtures();
    assert!(files.len() >= 4);
    for file in files {
        let name = file.display().to_string();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(file.with_extension("expected.json")).unwrap(),
        )
        .unwrap();
        let v = assess_json(&["--case", &name]);
        for k in [
            "basis",
            "t",
            "n",
            "m",
            "group",
            "status",
            "missing",
            "possible",
            "notes",
            "tnm",
            "beyond_solitary",
            "axes",
        ] {
            assert_eq!(v["stage"][k], expected["stage"][k], "{name}: stage.{k}");
        }
        for k in ["score", "risk", "factors", "missing", "notes"] {
            assert_eq!(v["eortc"][k], expected["eortc"][k], "{name}: eortc.{k}");
        }
        for k in ["group", "path", "missing", "notes"] {
            assert_eq!(v["calgb"][k], expected["calgb"][k], "{name}: calgb.{k}");
        }
        for key in ["options", "excluded_options"] {
            assert_eq!(
                eighth_option_ids(&v, key),
                eighth_option_ids(&expected, key),
                "{name}: {key}"
            );
        }
        assert_eq!(
            v["treatment"]["settings"][0], expected["treatment"]["settings"][0],
            "{name}: the setting the 8th edition gives"
        );
        // `check` accepts it; the seal of a sealed file still matches after migration.
        let out = mesocds(&["check", &name]);
        assert!(out.status.success(), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("ok:"),
            "{name}"
        );
    }
}

#[test]
fn saving_writes_format_2_with_the_new_fields() {
    let dir = std::env::temp_dir().join(format!("mesocds-ninth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("case.ron");
    let p = path.display().to_string();
    let out = mesocds(&[
        "assess",
        "--site",
        "pleural",
        "--basis",
        "clinical",
        "--diagnosed",
        "2025-05-06",
        "--psum-levels",
        "4,5,6",
        "--fmax",
        "2",
        "--save",
        &p,
    ]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: 2,"), "{text}");
    assert!(text.contains("diagnosed: Some(\"2025-05-06\")"), "{text}");
    let v = assess_json(&["--case", &p]);
    assert_eq!(v["stage_9th"]["applies"], true);
    assert_eq!(v["stage_9th"]["t"], "T2");
    std::fs::remove_dir_all(&dir).ok();
}
