//! The FHIR export (`mesocds export CASE... --fhir OUT.json`), run as the user runs it, and its
//! output parsed by a FHIR model (`fhir-sdk`, R4B types) — not only by string matching.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::mesocds;

const SNOMED: &str = "http://snomed.info/sct";
const LOINC: &str = "http://loinc.org";

/// Saves a case built from `assess` flags into `dir` and returns its path.
fn case_file(dir: &Path, name: &str, flags: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec!["assess", "--save", path.to_str().unwrap()];
    args.extend_from_slice(flags);
    let out = mesocds(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// Exports `files` with `--fhir`, parses the output with the FHIR library (which must accept
/// it and, re-serialised, give back exactly the same JSON: nothing it does not know as FHIR),
/// and returns the JSON.
fn export(dir: &Path, files: &[&Path]) -> Value {
    let out_path = dir.join("out.json");
    let mut args = vec!["export"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["--fhir", out_path.to_str().unwrap()]);
    let out = mesocds(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&out_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "a new export is owner-only");
    }
    let text = std::fs::read_to_string(&out_path).unwrap();
    std::fs::remove_file(&out_path).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let parsed: fhir_sdk::r4b::resources::Bundle =
        serde_json::from_str(&text).expect("the FHIR library parses the export as an R4B Bundle");
    assert_eq!(parsed.r#type, fhir_sdk::r4b::codes::BundleType::Collection);
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json);
    structural_checks(&json);
    json
}

/// The FHIR R4 rules checked by hand as well: resourceType, a collection, every entry with a
/// fullUrl and a resource, every coding with system, code and display, every reference to an
/// entry of the Bundle.
fn structural_checks(json: &Value) {
    assert_eq!(json["resourceType"], "Bundle");
    assert_eq!(json["type"], "collection");
    let entries = json["entry"].as_array().unwrap();
    let urls: Vec<&str> = entries
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    for e in entries {
        assert!(e["fullUrl"].as_str().unwrap().starts_with("urn:uuid:"));
        assert!(e["resource"]["resourceType"].is_string());
    }
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(codings)) = map.get("coding") {
                    for c in codings {
                        for k in ["system", "code", "display"] {
                            assert!(c[k].as_str().is_some_and(|s| !s.is_empty()), "{c}");
                        }
                    }
                }
                if let Some(Value::String(r)) = map.get("reference") {
                    assert!(urls.contains(&r.as_str()), "dangling reference {r}");
                }
                stack.extend(map.values());
            }
            Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
}

fn observations(json: &Value) -> Vec<&Value> {
    json["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Observation")
        .collect()
}

/// The Observation whose code has this coding code, or this text.
fn observation<'a>(json: &'a Value, code_or_text: &str) -> &'a Value {
    observations(json)
        .into_iter()
        .find(|o| {
            o["code"]["text"] == code_or_text
                || o["code"]["coding"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|c| c["code"] == code_or_text))
        })
        .unwrap_or_else(|| panic!("no observation {code_or_text} in {json:#}"))
}

fn coding(v: &Value) -> Option<(&str, &str)> {
    let c = v["coding"].as_array()?.first()?;
    Some((c["system"].as_str().unwrap(), c["code"].as_str().unwrap()))
}

const PLEURAL: &[&str] = &[
    "--site", "pleural", "--extent", "diffuse", "--ecog", "1", "--status", "new",
];

#[test]
fn stage_iiia_export_parses_with_the_fhir_library_and_carries_the_verified_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label", "PSEUDO-7", "--basis", "clinical", "--t", "T3", "--n", "N1", "--m", "M0",
    ]);
    let file = case_file(dir.path(), "iiia.ron", &flags);
    let json = export(dir.path(), &[&file]);
    let group = observation(&json, "399537006");
    assert_eq!(
        coding(&group["valueCodeableConcept"]),
        Some((SNOMED, "1222802001"))
    );
    assert_eq!(coding(&group["method"]), Some((SNOMED, "897275008")));
    assert!(group.get("dataAbsentReason").is_none());
    assert_eq!(group["hasMember"].as_array().unwrap().len(), 3);
    let t = observation(&json, "399504009");
    assert_eq!(
        coding(&t["valueCodeableConcept"]),
        Some((SNOMED, "1228938002"))
    );
    let n = observation(&json, "399534004");
    assert_eq!(
        coding(&n["valueCodeableConcept"]),
        Some((SNOMED, "1229973008"))
    );
    let m = observation(&json, "399387003");
    assert_eq!(
        coding(&m["valueCodeableConcept"]),
        Some((SNOMED, "1229901006"))
    );
    let ecog = observation(&json, "89247-1");
    assert_eq!(coding(&ecog["code"]), Some((LOINC, "89247-1")));
    assert_eq!(ecog["valueInteger"], 1);
    let status = observation(&json, "97509-4");
    assert!(status["valueCodeableConcept"].get("coding").is_none());
    let condition = json["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Condition")
        .unwrap();
    assert_eq!(
        coding(&condition["resource"]["code"]),
        Some(("http://hl7.org/fhir/sid/icd-10-cm", "C45.0"))
    );
}

#[test]
fn not_assignable_stage_has_a_data_absent_reason_and_no_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label", "PSEUDO-8", "--basis", "clinical", "--t", "T3", "--n", "NX", "--m", "M0",
    ]);
    let file = case_file(dir.path(), "nx.ron", &flags);
    let json = export(dir.path(), &[&file]);
    let group = observation(&json, "399537006");
    assert!(group.get("valueCodeableConcept").is_none(), "{group:#}");
    assert_eq!(
        coding(&group["dataAbsentReason"]),
        Some((
            "http://terminology.hl7.org/CodeSystem/data-absent-reason",
            "asked-unknown"
        ))
    );
    // NX itself has a verified code.
    let n = observation(&json, "399534004");
    assert_eq!(
        coding(&n["valueCodeableConcept"]),
        Some((SNOMED, "1229966003"))
    );
}

#[test]
fn incomplete_and_not_applicable_stages_have_their_data_absent_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label", "P-9", "--basis", "clinical", "--t", "T3", "--n", "N1",
    ]);
    let incomplete = case_file(dir.path(), "inc.ron", &flags);
    let json = export(dir.path(), &[&incomplete]);
    let group = observation(&json, "399537006");
    assert_eq!(coding(&group["dataAbsentReason"]).unwrap().1, "unknown");
    let m = observation(&json, "399387003");
    assert!(m.get("valueCodeableConcept").is_none());
    assert_eq!(coding(&m["dataAbsentReason"]).unwrap().1, "unknown");

    let tv = case_file(
        dir.path(),
        "tv.ron",
        &[
            "--label",
            "P-10",
            "--site",
            "tunica-vaginalis",
            "--basis",
            "clinical",
        ],
    );
    let json = export(dir.path(), &[&tv]);
    let group = observation(&json, "399537006");
    assert_eq!(
        coding(&group["dataAbsentReason"]).unwrap().1,
        "not-applicable"
    );
    // No T/N/M Observations for a tumour AJCC does not stage.
    assert_eq!(observations(&json).len(), 3);
}

#[test]
fn tunica_vaginalis_condition_is_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let tv = case_file(
        dir.path(),
        "tv.ron",
        &["--label", "P-11", "--site", "tunica-vaginalis"],
    );
    let json = export(dir.path(), &[&tv]);
    let condition = &json["entry"][1]["resource"];
    assert_eq!(condition["resourceType"], "Condition");
    assert!(condition["code"].get("coding").is_none(), "{condition:#}");
    assert_eq!(condition["code"]["text"], "Tunica vaginalis mesothelioma");
}

#[test]
fn stage_values_without_a_verified_code_are_text_only() {
    let dir = tempfile::tempdir().unwrap();
    // Pathological pT2 pN1: only pT3 and pN0 have codes; the group code is the pathological one.
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label",
        "P-12",
        "--basis",
        "pathological",
        "--t",
        "T2",
        "--n",
        "N1",
        "--m",
        "M0",
    ]);
    let p = case_file(dir.path(), "p.ron", &flags);
    let json = export(dir.path(), &[&p]);
    for (code, text) in [
        ("384625004", "pT2"),
        ("371494008", "pN1"),
        ("371497001", "pM0"),
    ] {
        let o = observation(&json, code);
        assert_eq!(o["valueCodeableConcept"]["text"], text);
        assert!(o["valueCodeableConcept"].get("coding").is_none(), "{o:#}");
    }
    assert!(observation(&json, "399588009")["valueCodeableConcept"]["coding"].is_array());
    // Post-neoadjuvant: no yp code is verified, so the stage-group Observation's code is text.
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label",
        "P-13",
        "--basis",
        "post-neoadjuvant",
        "--t",
        "T3",
        "--n",
        "N0",
        "--m",
        "M0",
    ]);
    let yp = case_file(dir.path(), "yp.ron", &flags);
    let json = export(dir.path(), &[&yp]);
    let group = observation(&json, "Post-neoadjuvant (yp) stage group");
    assert!(group["code"].get("coding").is_none());
    let t = observation(&json, "ypT");
    assert!(t["valueCodeableConcept"].get("coding").is_none());
}

#[test]
fn export_holds_no_name_but_the_label() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples/example-pleural-stage-iiia.ron");
    let json = export(dir.path(), &[&example]);
    let text = json.to_string();
    for forbidden in ["\"name\"", "\"birthDate\"", "\"address\"", "\"telecom\""] {
        assert!(!text.contains(forbidden), "{forbidden} in {text}");
    }
    let patient = &json["entry"][0]["resource"];
    assert_eq!(patient["resourceType"], "Patient");
    let keys: Vec<&String> = patient.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["identifier", "resourceType"]);
    assert_eq!(patient["identifier"][0]["value"], "EXAMPLE-1 (fictional)");
}

#[test]
fn fhir_export_refuses_an_input_as_output_and_a_non_json_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = case_file(dir.path(), "c.ron", &["--label", "P-14"]);
    let before = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let out = mesocds(&["export", f, "--fhir", f]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("one of the input case files"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let txt = dir.path().join("out.txt");
    let out = mesocds(&["export", f, "--fhir", txt.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("*.json"));
    assert!(!txt.exists());
}

#[test]
fn the_fhir_library_check_can_fail() {
    let dir = tempfile::tempdir().unwrap();
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label", "P-15", "--basis", "clinical", "--t", "T3", "--n", "N1", "--m", "M0",
    ]);
    let file = case_file(dir.path(), "c.ron", &flags);
    let json = export(dir.path(), &[&file]);
    let parse = |v: &Value| serde_json::from_value::<fhir_sdk::r4b::resources::Bundle>(v.clone());
    // An Observation without its required status is rejected.
    let mut bad = json.clone();
    let obs = bad["entry"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["resource"]["resourceType"] == "Observation")
        .unwrap();
    obs["resource"].as_object_mut().unwrap().remove("status");
    assert!(parse(&bad).is_err());
    // An element FHIR does not define is dropped, so the round trip in `export` would catch it.
    let mut extra = json.clone();
    extra["entry"][0]["resource"]["notAnElement"] = Value::Bool(true);
    let back = serde_json::to_value(parse(&extra).unwrap()).unwrap();
    assert_ne!(back, extra);
}

#[test]
fn several_cases_make_one_bundle_with_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    let a = case_file(
        dir.path(),
        "a.ron",
        &["--label", "P-16", "--site", "pleural"],
    );
    let b = case_file(
        dir.path(),
        "b.ron",
        &["--label", "P-17", "--site", "pericardial"],
    );
    let json = export(dir.path(), &[&a, &b]);
    let entries = json["entry"].as_array().unwrap();
    let patients: Vec<&Value> = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Patient")
        .collect();
    assert_eq!(patients.len(), 2);
    let mut urls: Vec<&str> = entries
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let n = urls.len();
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), n, "every fullUrl is unique");
    let codes: Vec<_> = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Condition")
        .map(|e| coding(&e["resource"]["code"]).unwrap().1)
        .collect();
    assert_eq!(codes, ["C45.0", "C45.2"]);
}

#[test]
fn ninth_edition_stage_is_text_only_with_its_method_when_it_applies() {
    let dir = tempfile::tempdir().unwrap();
    let mut flags = PLEURAL.to_vec();
    flags.extend([
        "--label", "P-18", "--basis", "clinical", "--t", "T3", "--n", "N0", "--m", "M0",
    ]);
    let mut ninth = flags.clone();
    ninth.extend(["--diagnosed", "2025-03-01"]);
    let file = case_file(dir.path(), "n9.ron", &ninth);
    let json = export(dir.path(), &[&file]);
    let by_method = |code: &str| -> Vec<&Value> {
        observations(&json)
            .into_iter()
            .filter(|o| coding(&o["method"]).is_some_and(|m| m.1 == code))
            .collect()
    };
    let ninth_obs = by_method("1269566009");
    assert_eq!(ninth_obs.len(), 1, "{json:#}");
    let o = ninth_obs[0];
    assert!(o["valueCodeableConcept"].get("coding").is_none(), "{o:#}");
    assert!(o["valueCodeableConcept"]["text"].is_string() || o["dataAbsentReason"].is_object());
    // The 8th-edition stage and its categories are still there.
    assert_eq!(by_method("897275008").len(), 4);
    let mut eighth = flags;
    eighth.extend(["--diagnosed", "2019-03-01"]);
    let file = case_file(dir.path(), "n8.ron", &eighth);
    let json = export(dir.path(), &[&file]);
    assert!(!json.to_string().contains("1269566009"));
}
