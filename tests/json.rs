//! The JSON contract of `mesocds assess --json`, as a snapshot of the example case: a change to
//! any key or value shows up in review (`cargo insta review`; the snapshot is
//! `tests/snapshots/integration__json__example_case_assess_json.snap`).

use std::process::Command;

/// The example case shipped with the app.
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

#[test]
fn example_case_assess_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(["assess", "--case", EXAMPLE, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The versions change with every release (app and core share the workspace version); the
    // snapshot is about the contract.
    for key in ["app_version", "core_version"] {
        let version = json
            .pointer_mut(&format!("/provenance/{key}"))
            .expect("a version in provenance");
        assert_eq!(*version, env!("CARGO_PKG_VERSION"));
        *version = serde_json::Value::from("[version]");
    }
    insta::assert_snapshot!(
        "example_case_assess_json",
        serde_json::to_string_pretty(&json).unwrap()
    );
}
