//! The JSON contract of `mesocds assess --json`, as a snapshot of the example case: a change to
//! any key or value shows up in review (`cargo insta review`; the snapshot is
//! `tests/snapshots/integration__json__example_case_assess_json.snap`).

/// The example case shipped with the app.
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

#[test]
fn example_case_assess_json() {
    let mut json = crate::cli::assess_json(&["--case", EXAMPLE]);
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
