#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub(crate) fn mesocds(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(args)
        .output()
        .expect("run mesocds")
}

/// Runs `mesocds assess --json` with `args` and returns the parsed output (the command must succeed).
pub(crate) fn assess_json(args: &[&str]) -> Value {
    let mut all = vec!["assess", "--json"];
    all.extend_from_slice(args);
    let out = mesocds(&all);
    assert!(
        out.status.success(),
        "mesocds {all:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every key the contract in issue #2 names, with its JSON type.
fn assert_contract(v: &Value) {
    let stage = &v["stage"];
    for k in ["basis", "t", "n", "m", "group"] {
        assert!(stage[k].is_string() || stage[k].is_null(), "stage.{k}: {v}");
    }
    let status = stage["status"].as_str().unwrap();
    assert!(
        ["assigned", "incomplete", "not_assignable", "not_applicable"].contains(&status),
        "{status}"
    );
    for k in ["missing", "possible", "notes"] {
        assert!(stage[k].is_array(), "stage.{k}");
    }
    if status != "assigned" {
        assert!(stage["group"].is_null(), "group is null unless assigned");
    }
    let eortc = &v["eortc"];
    assert!(eortc["score"].is_number() || eortc["score"].is_null());
    assert!(eortc["risk"].is_null() || ["low", "high"].contains(&eortc["risk"].as_str().unwrap()));
    for k in ["factors", "missing", "notes"] {
        assert!(eortc[k].is_array(), "eortc.{k}");
    }
    let calgb = &v["calgb"];
    assert!(
        calgb["group"].is_null() || ["1", "6", "2-5"].contains(&calgb["group"].as_str().unwrap())
    );
    assert!(
        calgb["median_survival_months"].is_number() || calgb["median_survival_months"].is_null()
    );
    for k in ["path", "missing", "notes"] {
        assert!(calgb[k].is_array(), "calgb.{k}");
    }
    for o in v["options"].as_array().unwrap() {
        assert!(o["name"].is_string());
        assert!(o["setting"].is_string());
        assert!(
            ["listed", "under clinical evaluation", "clinical trial"]
                .contains(&o["status"].as_str().unwrap())
        );
        assert!(
            o["evidence"].is_null()
                || ["A1", "B1", "C1", "C2"].contains(&o["evidence"].as_str().unwrap())
        );
        assert!(o["trial"].is_string() || o["trial"].is_null());
        assert!(o["pmid"].is_u64() || o["pmid"].is_null());
        assert!(o["caveats"].is_array());
    }
    let p = &v["provenance"];
    assert!(p["app_version"].is_string());
    assert!(p["content"].as_str().unwrap().contains("05/12/2025"));
    assert_eq!(p["staging_edition"], "AJCC 8th");
}

/// The option of the JSON output with this name.
fn option<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == name)
        .unwrap_or_else(|| panic!("no option {name:?}"))
}

fn option_names(v: &Value) -> Vec<String> {
    v["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect()
}

const COMPLETE: &[&str] = &[
    "--site",
    "pleural",
    "--extent",
    "diffuse",
    "--basis",
    "clinical",
    "--age",
    "45",
    "--sex",
    "male",
    "--ecog",
    "0",
    "--histology",
    "epithelioid",
    "--diagnosis",
    "definite",
    "--wbc",
    "9.1",
    "--hb",
    "13",
    "--no-anticoagulant",
    "--no-antiplatelet",
    "--no-nsaid",
];

/// The complete base case with `extra` flags; a flag in `extra` replaces the base's.
fn with(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < COMPLETE.len() {
        let flag = COMPLETE[i];
        let takes_value = COMPLETE.get(i + 1).is_some_and(|n| !n.starts_with("--"));
        let step = if takes_value { 2 } else { 1 };
        // A switch given in `extra` also replaces its opposite (`--anticoagulant` replaces
        // `--no-anticoagulant`): both together are an error.
        let opposite = flag.strip_prefix("--no-").map_or_else(
            || flag.replacen("--", "--no-", 1),
            |rest| format!("--{rest}"),
        );
        if !extra.contains(&flag) && !extra.contains(&opposite.as_str()) {
            v.extend_from_slice(&COMPLETE[i..i + step]);
        }
        i += step;
    }
    v.extend_from_slice(extra);
    v
}

#[test]
fn contract_example_t3_n1_m0_is_iiia() {
    let v = assess_json(&with(&[
        "--t", "T3", "--n", "N1", "--m", "M0", "--status", "new",
    ]));
    assert_contract(&v);
    assert_eq!(v["stage"]["basis"], "c");
    assert_eq!(v["stage"]["t"], "T3");
    assert_eq!(v["stage"]["group"], "IIIA");
    assert_eq!(v["stage"]["status"], "assigned");
    assert_eq!(v["stage"]["missing"], serde_json::json!([]));
    // WBC 9.1 > 8.3 (+0.55) and male (+0.60): 1.15, low risk.
    assert_eq!(v["eortc"]["score"], 1.15);
    assert_eq!(v["eortc"]["risk"], "low");
    assert_eq!(v["calgb"]["group"], "1");
    assert_eq!(v["calgb"]["median_survival_months"], 13.9);
    let names = option_names(&v);
    assert!(
        names.contains(&"Nivolumab plus ipilimumab".to_owned()),
        "{names:?}"
    );
    let nivo = option(&v, "Nivolumab plus ipilimumab");
    assert_eq!(nivo["evidence"], "A1");
    assert_eq!(nivo["trial"], "CheckMate 743");
    assert_eq!(nivo["pmid"], 33485464);
}

#[test]
fn missing_m_is_never_m0() {
    let v = assess_json(&[
        "--t", "T3", "--n", "N1", "--site", "pleural", "--extent", "diffuse",
    ]);
    assert_contract(&v);
    assert_eq!(v["stage"]["status"], "incomplete");
    assert_eq!(v["stage"]["m"], Value::Null);
    assert_eq!(v["stage"]["group"], Value::Null);
    let missing: Vec<&str> = v["stage"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"m"), "{missing:?}");
    assert!(missing.contains(&"basis"), "{missing:?}");
}

#[test]
fn nx_lists_possible_groups() {
    let v = assess_json(&with(&["--t", "T3", "--n", "NX", "--m", "M0"]));
    assert_eq!(v["stage"]["status"], "not_assignable");
    assert_eq!(
        v["stage"]["possible"],
        serde_json::json!(["IB", "IIIA", "IIIB"])
    );
}

#[test]
fn empty_case_names_every_missing_input() {
    let v = assess_json(&[]);
    assert_contract(&v);
    let e: Vec<&str> = v["eortc"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    for k in ["wbc", "ecog", "sex", "histology", "diagnosis"] {
        assert!(e.contains(&k), "eortc.missing lacks {k}: {e:?}");
    }
    let c: Vec<&str> = v["calgb"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    for k in ["age", "ecog", "hb", "wbc"] {
        assert!(c.contains(&k), "calgb.missing lacks {k}: {c:?}");
    }
    assert_eq!(v["eortc"]["score"], Value::Null);
    assert_eq!(v["calgb"]["group"], Value::Null);
    assert_eq!(v["treatment"]["missing"], serde_json::json!(["status"]));
    assert_eq!(v["options"], serde_json::json!([]));
}

#[test]
fn every_setting_meets_the_contract() {
    let cases: Vec<(Vec<&'static str>, &str)> = vec![
        (
            with(&[
                "--extent", "solitary", "--t", "T1", "--n", "N0", "--m", "M0", "--status", "new",
            ]),
            "Surgical resection en bloc (solitary mesothelioma)",
        ),
        (
            with(&["--t", "T1", "--n", "N0", "--m", "M0", "--status", "new"]),
            "Extrapleural pneumonectomy (intracavitary mesothelioma)",
        ),
        (
            with(&["--t", "T4", "--n", "N2", "--m", "M0", "--status", "new"]),
            "Nivolumab plus ipilimumab",
        ),
        (
            with(&["--site", "peritoneal", "--status", "new"]),
            "Cytoreductive surgery and hyperthermic intraperitoneal chemotherapy (HIPEC)",
        ),
        (
            with(&["--status", "distant-recurrence", "--prior", "none"]),
            "Cisplatin plus pemetrexed",
        ),
        (
            with(&[
                "--status",
                "distant-recurrence",
                "--prior",
                "platinum-pemetrexed",
            ]),
            "Gemcitabine plus ramucirumab",
        ),
        (
            with(&[
                "--status",
                "local-recurrence",
                "--prior",
                "platinum-pemetrexed",
            ]),
            "Additional chest-wall resection (localized recurrence, selected patients)",
        ),
    ];
    for (args, expected) in cases {
        let v = assess_json(&args);
        assert_contract(&v);
        let names = option_names(&v);
        assert!(names.iter().any(|n| n == expected), "{args:?}: {names:?}");
    }
    // Distant recurrence never lists chest-wall resection.
    let v = assess_json(&with(&[
        "--status",
        "distant-recurrence",
        "--prior",
        "platinum-pemetrexed",
    ]));
    assert!(!option_names(&v).iter().any(|n| n.contains("chest-wall")));
    // Remission: no options, with a note.
    let v = assess_json(&with(&["--status", "complete-remission"]));
    assert_eq!(v["options"], serde_json::json!([]));
    assert!(!v["treatment"]["notes"].as_array().unwrap().is_empty());
}

#[test]
fn peritoneal_case_shows_pleural_only_caveat_and_no_stage() {
    let v = assess_json(&with(&["--site", "peritoneal", "--status", "new"]));
    assert_eq!(v["stage"]["status"], "not_applicable");
    let nivo = option(&v, "Nivolumab plus ipilimumab");
    let caveats = nivo["caveats"].to_string();
    assert!(caveats.contains("Pleural-only"), "{caveats}");
}

#[test]
fn bevacizumab_caveat_follows_co_medication() {
    let v = assess_json(&with(&[
        "--t",
        "T4",
        "--n",
        "N0",
        "--m",
        "M0",
        "--status",
        "new",
        "--anticoagulant",
    ]));
    let pcb = option(&v, "Cisplatin plus pemetrexed plus bevacizumab");
    assert!(
        pcb["caveats"].to_string().contains("anticoagulant"),
        "{pcb}"
    );
    assert!(pcb["caveat_kinds"].to_string().contains("patient"));
}

#[test]
fn bad_values_exit_2_and_say_what_is_accepted() {
    for (args, accepted) in [
        (vec!["assess", "--wbc", "8300"], "0 to 200"),
        (vec!["assess", "--wbc", "8,3x"], "not a number"),
        (vec!["assess", "--age", "300"], "0 to 120"),
        (vec!["assess", "--age", "forty"], "0 to 120"),
        (vec!["assess", "--hb", "146"], "g/L"),
        (vec!["assess", "--ecog", "5"], "possible values"),
        (vec!["assess", "--site", "lung"], "pleural"),
        (vec!["assess", "--finding", "liver"], "diaphragmatic-muscle"),
        (vec!["assess", "--prior", "none,bevacizumab"], "none"),
    ] {
        let out = mesocds(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains(accepted),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_lists_every_accepted_value() {
    let out = mesocds(&["assess", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for v in [
        "pleural",
        "peritoneal",
        "pericardial",
        "tunica-vaginalis",
        "diffuse",
        "solitary",
        "clinical",
        "pathological",
        "post-neoadjuvant",
        "TX",
        "T0",
        "T4",
        "NX",
        "N2",
        "M0",
        "M1",
        "male",
        "female",
        "epithelioid",
        "sarcomatoid",
        "biphasic",
        "desmoplastic",
        "definite",
        "probable",
        "possible",
        "complete-remission",
        "partial-remission",
        "local-recurrence",
        "distant-recurrence",
        "platinum-pemetrexed",
        "immunotherapy",
        "bevacizumab",
        "other-chemotherapy",
        "none",
        "diaphragmatic-muscle",
        "contralateral-supraclavicular-nodes",
        "distant-metastasis",
        "--anticoagulant",
        "--antiplatelet",
        "--nsaid",
    ] {
        assert!(help.contains(v), "assess --help lacks {v}");
    }
    for sub in [&["--help"][..], &["check", "--help"][..]] {
        assert!(mesocds(sub).status.success());
    }
}

#[test]
fn version_and_the_app_without_a_display() {
    let out = mesocds(&["--version"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    // Without a display the desktop app cannot open its window: a clear error, exit 1, no hang.
    for args in [&[][..], &["some-case.ron"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_mesocds"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("could not open the desktop app window"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn save_then_load_and_override() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("case.ron");
    let f = file.to_str().unwrap();
    let mut args = with(&[
        "--t", "T2", "--n", "N0", "--m", "M0", "--label", "MC-7", "--status", "new",
    ]);
    args.extend_from_slice(&["--save", f]);
    let v = assess_json(&args);
    assert_eq!(v["stage"]["group"], "IB");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "new case files are owner-only");
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("MesoCdsCase"));
    assert!(text.contains("app_version"));
    assert!(
        !text.contains("IB"),
        "derived results are never stored:\n{text}"
    );
    // Loading it gives the same assessment; a flag overrides a loaded value.
    let v2 = assess_json(&["--case", f]);
    assert_eq!(v2["stage"]["group"], "IB");
    assert_eq!(v2["label"], "MC-7");
    let v3 = assess_json(&["--case", f, "--n", "N1"]);
    assert_eq!(v3["stage"]["group"], "II");
    assert!(mesocds(&["check", f]).status.success());
}

#[test]
fn check_names_each_bad_file_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    assert!(
        mesocds(&["assess", "--save", good.to_str().unwrap(), "--t", "T1"])
            .status
            .success()
    );
    let truncated = dir.path().join("truncated.ron");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let unknown = dir.path().join("unknown.ron");
    std::fs::write(&unknown, text.replace("label:", "lable:")).unwrap();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let json = dir.path().join("foreign.ron");
    std::fs::write(&json, "{\"t\": \"T3\"}").unwrap();
    let missing = dir.path().join("nope.ron");

    let paths: Vec<&Path> = vec![&good, &truncated, &unknown, &empty, &json, &missing];
    let args: Vec<&str> = std::iter::once("check")
        .chain(paths.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let out = mesocds(&args);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains(&format!("ok: {}", good.display())),
        "{report}"
    );
    for p in &paths[1..] {
        assert!(
            report.contains(&format!("invalid: {}", p.display())),
            "{report}"
        );
    }
    assert!(report.contains("truncated"), "{report}");
    assert!(report.contains("line "), "{report}");
    assert!(report.contains("lable"), "{report}");
    assert!(report.contains("empty"), "{report}");
    assert!(report.contains("not a MesoCDS case file"), "{report}");
    assert!(mesocds(&["check", good.to_str().unwrap()]).status.success());
}

#[test]
fn failed_save_leaves_existing_file_untouched_and_exits_nonzero() {
    let dir = tempfile::tempdir().unwrap();
    // Saving onto a folder fails; nothing is created beside it.
    let target = dir.path().join("folder.ron");
    std::fs::create_dir(&target).unwrap();
    let out = mesocds(&["assess", "--t", "T1", "--save", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("folder.ron"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // A bad --case is reported and an existing --save target is not touched.
    let existing = dir.path().join("existing.ron");
    std::fs::write(&existing, "precious").unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "MesoCdsCase(format: 1,").unwrap();
    let out = mesocds(&[
        "assess",
        "--case",
        bad.to_str().unwrap(),
        "--save",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
}

/// Issue 13: a hand-written case file with a disease course and a board entry passes `check`,
/// and `assess --case --json` reads both: the status and prior therapy come from the course.
#[test]
fn a_case_file_with_a_course_and_board_is_checked_and_assessed() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/course/recurrent-with-course.ron"
    );
    let out = mesocds(&["check", file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = assess_json(&["--case", file]);
    let course = json["course"].as_array().unwrap();
    assert_eq!(course.len(), 5);
    assert_eq!(course[1]["type"], "systemic-line");
    assert_eq!(course[1]["response"], "partial-response");
    assert_eq!(course[4]["detail"], "distant");
    assert_eq!(json["board"][0]["question"], "Second-line options?");
    assert_eq!(json["board"][0]["next_review"], "2025-07-01");
    let settings = json["treatment"]["settings"].to_string();
    assert!(settings.contains("Recurrent"), "{settings}");
}

/// Issue 13: `check` rejects a course whose line ends before it starts, naming the event.
#[test]
fn check_rejects_an_invalid_course() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/course/recurrent-with-course.ron"
    ))
    .unwrap()
    .replace("end: Some(\"2024-07-01\")", "end: Some(\"2024-01-01\")");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad-course.ron");
    std::fs::write(&path, text).unwrap();
    let out = mesocds(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("course event 2: ends 2024-01-01, before it starts 2024-03-01"),
        "{stdout}"
    );
}
