//! Fault tests of the command line with real files, pipes, devices and symlinks (issue 10, #5 to
//! #10 and the command-line list). They drive the built `mesocds` binary only, so they can be run
//! against another build to show a defect: `MESOCDS_BIN=/path/to/old/mesocds cargo test --test
//! integration faults`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test: `MESOCDS_BIN` when set, else this build's.
fn bin() -> PathBuf {
    std::env::var_os("MESOCDS_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_mesocds")),
        PathBuf::from,
    )
}

/// Runs `mesocds` in `dir`, failing the test if it has not finished within 10 s (a read of a
/// named pipe blocks forever, `/dev/zero` never ends): it is killed then.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mesocds");
    let (mut stdout, mut stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        stdout.read_to_end(&mut v).ok();
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        stderr.read_to_end(&mut v).ok();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().ok();
            child.wait().ok();
            panic!("mesocds {args:?} did not finish within 10 s (killed)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_thread.join().unwrap(),
        stderr: err_thread.join().unwrap(),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

/// A hand-written case file (no seal) with these `case` fields.
fn hand_written(case_fields: &str) -> String {
    format!(
        "MesoCdsCase(format: 1, saved_with: (app_version: \"test\", content: \"test\"), \
         case: ({case_fields}))\n"
    )
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed (apt-get install -y poppler-utils)");
    assert!(out.status.success());
    text(&out.stdout)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

// ------------------------------------------------------------------- #5 export over an input

#[test]
fn export_refuses_an_output_that_is_one_of_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("x.ron");
    std::fs::copy(EXAMPLE, &case).unwrap();
    let before = std::fs::read(&case).unwrap();
    let mut spellings = vec!["x.ron".to_owned(), "./x.ron".to_owned()];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("x.ron", dir.path().join("link.pdf")).unwrap();
        spellings.push("link.pdf".to_owned());
    }
    for output in &spellings {
        let out = run_in(dir.path(), &["export", "x.ron", "--output", output]);
        assert!(!out.status.success(), "--output {output} must be refused");
        let err = text(&out.stderr);
        assert!(
            err.contains("one of the input case files"),
            "{output}: {err}"
        );
        assert_eq!(std::fs::read(&case).unwrap(), before, "{output}");
    }
}

#[test]
fn export_refuses_an_existing_file_that_is_not_a_pdf_and_a_name_without_pdf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("x.ron")).unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("other.ron")).unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "my notes, not a PDF").unwrap();
    for (output, expect) in [
        ("other.ron", "not a PDF"),
        ("notes.pdf", "not a PDF"),
        ("new.txt", "must be named *.pdf"),
    ] {
        let before = std::fs::read(dir.path().join(output)).ok();
        let out = run_in(dir.path(), &["export", "x.ron", "-o", output]);
        assert!(!out.status.success(), "-o {output} must be refused");
        assert!(
            text(&out.stderr).contains(expect),
            "{output}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            std::fs::read(dir.path().join(output)).ok(),
            before,
            "{output}"
        );
    }
    // An earlier PDF is replaced.
    let out = run_in(dir.path(), &["export", "x.ron", "-o", "summary.pdf"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run_in(dir.path(), &["export", "x.ron", "-o", "summary.pdf"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

// ------------------------------------------------ #6 pipes, devices and folders as inputs

#[cfg(unix)]
#[test]
fn every_reader_refuses_a_named_pipe_promptly() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("pipe.ron"));
    for args in [
        &["export", "pipe.ron", "-o", "out.pdf"][..],
        &["check", "pipe.ron"],
        &["assess", "--case", "pipe.ron"],
    ] {
        let out = run_in(dir.path(), args);
        assert!(!out.status.success(), "{args:?}");
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(all.contains("named pipe"), "{args:?}: {all}");
    }
    assert!(!dir.path().join("out.pdf").exists());
}

#[cfg(unix)]
#[test]
fn every_reader_refuses_a_device_and_a_folder_promptly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder.ron")).unwrap();
    for (input, what) in [("/dev/zero", "a device"), ("folder.ron", "a folder")] {
        for args in [
            &["export", input, "-o", "out.pdf"][..],
            &["check", input],
            &["assess", "--case", input],
        ] {
            let out = run_in(dir.path(), args);
            assert!(!out.status.success(), "{args:?}");
            let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
            assert!(all.contains(what), "{args:?}: {all}");
        }
    }
}

// ------------------------------------------------------------- #7 long text is never cut

#[test]
fn notes_of_16_kib_flow_across_pages_and_every_word_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let words: Vec<String> = (0..2400).map(|i| format!("w{i:05}")).collect();
    let notes = words.join(" ");
    assert!(notes.len() >= 16 * 1024, "{}", notes.len());
    std::fs::write(
        dir.path().join("long.ron"),
        hand_written(&format!("label: \"long notes\", notes: \"{notes}\"")),
    )
    .unwrap();
    let out = run_in(dir.path(), &["export", "long.ron", "-o", "long.pdf"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = pdftotext(&dir.path().join("long.pdf"));
    let printed: std::collections::BTreeSet<&str> = printed.split_whitespace().collect();
    let lost: Vec<&String> = words
        .iter()
        .filter(|w| !printed.contains(w.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} words lost, first {:?}",
        lost.len(),
        words.len(),
        lost.first()
    );
}

// --------------------------------------------------------- #8 a case too large to reopen

#[test]
fn assess_save_refuses_a_case_too_large_to_open_again() {
    let dir = tempfile::tempdir().unwrap();
    // A compact hand-written file just under the 1 MiB limit loads; saved with MesoCDS's layout
    // and a longer label, it would be over the limit.
    let limit = 1024 * 1024;
    let empty = hand_written("notes: \"\"").len();
    let big = hand_written(&format!("notes: \"{}\"", "n".repeat(limit - empty - 10)));
    assert!(big.len() <= limit);
    std::fs::write(dir.path().join("big.ron"), &big).unwrap();
    let check = run_in(dir.path(), &["check", "big.ron"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let label = "L".repeat(1000);
    let out = run_in(
        dir.path(),
        &[
            "assess", "--case", "big.ron", "--label", &label, "--save", "out.ron",
        ],
    );
    assert!(!out.status.success(), "must refuse");
    let err = text(&out.stderr);
    assert!(err.contains("not saved"), "{err}");
    assert!(err.contains("1048576"), "{err}");
    assert!(!dir.path().join("out.ron").exists());
}

// --------------------------------------------------------- #9 symlinks and leftovers

#[cfg(unix)]
#[test]
fn assess_save_through_a_symlink_writes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("real/case.ron")).unwrap();
    std::os::unix::fs::symlink("real/case.ron", dir.path().join("link.ron")).unwrap();
    let out = run_in(
        dir.path(),
        &[
            "assess", "--case", "link.ron", "--label", "NEW", "--save", "link.ron",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let link = std::fs::symlink_metadata(dir.path().join("link.ron")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let saved = std::fs::read_to_string(dir.path().join("real/case.ron")).unwrap();
    assert!(saved.contains("label: \"NEW\""), "{saved}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_removes_the_hidden_copy_a_killed_save_left() {
    let dir = tempfile::tempdir().unwrap();
    let dead = (4_000_000..4_194_304)
        .find(|p| !Path::new(&format!("/proc/{p}")).exists())
        .unwrap();
    let leftover = format!(".case.ron.mesocds-tmp-{dead}-0");
    std::fs::copy(EXAMPLE, dir.path().join(&leftover)).unwrap();
    let out = run_in(dir.path(), &["assess", "--save", "case.ron", "--age", "70"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["case.ron".to_owned()]);
}

// ------------------------------------------------------------------------- #10 the seal

#[test]
fn a_case_changed_outside_mesocds_is_flagged_by_check_assess_and_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let save = run_in(
        dir.path(),
        &[
            "assess",
            "--save",
            "s.ron",
            "--site",
            "pleural",
            "--extent",
            "diffuse",
            "--finding",
            "spine",
            "--finding",
            "contralateral-pleura",
        ],
    );
    assert!(save.status.success(), "{}", text(&save.stderr));
    let warning = "changed outside MesoCDS or damaged: check every input";
    // Before the edit: no warning.
    let check = run_in(dir.path(), &["check", "s.ron"]);
    assert!(check.status.success());
    assert!(!text(&check.stdout).contains(warning));
    // Delete one line (`Spine,`) with a text editor.
    let path = dir.path().join("s.ron");
    let original = std::fs::read_to_string(&path).unwrap();
    let edited: String = original
        .lines()
        .filter(|l| l.trim() != "Spine,")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(edited, original, "the file lists Spine on its own line");
    std::fs::write(&path, edited).unwrap();

    // `check`: the file is valid (exit 0) and the warning names it.
    let check = run_in(dir.path(), &["check", "s.ron"]);
    assert!(check.status.success(), "a readable file stays valid");
    let shown = text(&check.stdout);
    assert!(
        shown.contains("warning: s.ron") && shown.contains(warning),
        "{shown}"
    );
    // `assess --case`: the warning on standard error and in the summary.
    let assess = run_in(dir.path(), &["assess", "--case", "s.ron"]);
    assert!(assess.status.success());
    assert!(
        text(&assess.stderr).contains(warning),
        "{}",
        text(&assess.stderr)
    );
    assert!(
        text(&assess.stdout).contains(warning),
        "{}",
        text(&assess.stdout)
    );
    // The PDF.
    let export = run_in(dir.path(), &["export", "s.ron", "-o", "s.pdf"]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let pdf = pdftotext(&dir.path().join("s.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(pdf.contains(warning), "{pdf}");

    // A hand-written file (no seal) loads as before, with no warning.
    let check = run_in(dir.path(), &["check", EXAMPLE]);
    assert!(check.status.success());
    assert!(
        text(&check.stdout).starts_with("ok: "),
        "{}",
        text(&check.stdout)
    );
}

// ------------------------------------------------------------------ the command-line list

/// Runs `mesocds` with its standard output already closed by the reader (`| head -c0`).
fn with_closed_stdout(dir: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), err)
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("a.ron")).unwrap();
    std::fs::write(dir.path().join("bad.ron"), "not a case").unwrap();
    for (args, code) in [
        (&["check", "a.ron", "a.ron", "a.ron"][..], Some(0)),
        (&["check", "a.ron", "bad.ron"], Some(1)),
        (&["assess", "--json"], Some(0)),
        (&["assess", "--case", "a.ron"], Some(0)),
    ] {
        let (status, err) = with_closed_stdout(dir.path(), args);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        assert_eq!(status.code(), code, "{args:?}: {err}");
    }
}

#[test]
fn control_characters_in_a_label_or_a_file_name_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["assess", "--label", "A\u{1b}[2J\u{1b}[31mB\u{202e}C\rD"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    for raw in ['\u{1b}', '\u{202e}', '\r'] {
        assert!(!shown.contains(raw), "raw {raw:?} printed");
    }
    assert!(
        shown.contains("A\\u{1b}[2J\\u{1b}[31mB\\u{202e}C\\u{d}D"),
        "{shown}"
    );
    let name = "evil\u{1b}]0;title\u{7}.ron";
    std::fs::copy(EXAMPLE, dir.path().join(name)).unwrap();
    let check = run_in(dir.path(), &["check", name]);
    let shown = text(&check.stdout);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("evil\\u{1b}]0;title\\u{7}.ron"), "{shown}");
}

#[test]
fn contradictory_switches_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for pair in [
        ["--anticoagulant", "--no-anticoagulant"],
        ["--no-antiplatelet", "--antiplatelet"],
        ["--nsaid", "--no-nsaid"],
    ] {
        let out = run_in(dir.path(), &["assess", "--json", pair[0], pair[1]]);
        assert_eq!(out.status.code(), Some(2), "{pair:?}");
        assert!(
            text(&out.stderr).contains("cannot be used with"),
            "{pair:?}"
        );
    }
}

#[test]
fn messages_name_the_real_problem() {
    let dir = tempfile::tempdir().unwrap();
    // Old Mac OS line endings are not an "empty" file.
    let mac = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace('\n', "\r");
    std::fs::write(dir.path().join("mac.ron"), mac).unwrap();
    let out = run_in(dir.path(), &["check", "mac.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out.stdout);
    assert!(shown.contains("carriage return"), "{shown}");
    assert!(!shown.contains("empty"), "{shown}");
    // A negative age names the accepted range.
    for (flag, value, expect) in [
        ("--age", "-1", "accepted 0 to 120 years"),
        ("--wbc", "-1", "accepted 0 to 200"),
        ("--hb", "-0,5", "accepted 0 to 25 g/dL"),
    ] {
        let out = run_in(dir.path(), &["assess", flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = text(&out.stderr);
        assert!(err.contains(expect), "{flag} {value}: {err}");
        assert!(!err.contains("unexpected argument"), "{err}");
    }
    // The decimal comma the form accepts.
    let out = run_in(
        dir.path(),
        &["assess", "--json", "--wbc", "9,1", "--hb", "13,5"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// The words `pdftotext -bbox` finds outside their page's box, or within 5 pt of its edge.
fn words_off_the_page(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    let html = text(&out.stdout);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let (mut width, mut height) = (0.0, 0.0);
    let mut off = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            (width, height) = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let inside = attr(line, "xMin") >= 5.0
                && attr(line, "yMin") >= 5.0
                && attr(line, "xMax") <= width - 5.0
                && attr(line, "yMax") <= height - 5.0;
            if !inside {
                off.push(line.to_owned());
            }
        }
    }
    off
}

#[test]
fn a_long_file_name_and_long_notes_stay_inside_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.ron", "very-long-case-file-name-".repeat(9));
    let notes: Vec<String> = (0..3000).map(|i| format!("n{i:05}")).collect();
    std::fs::write(
        dir.path().join(&name),
        hand_written(&format!(
            "label: \"{}\", notes: \"{}\"",
            "L".repeat(300),
            notes.join(" ")
        )),
    )
    .unwrap();
    let out = run_in(dir.path(), &["export", &name, "-o", "long.pdf"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let off = words_off_the_page(&dir.path().join("long.pdf"));
    assert!(
        off.is_empty(),
        "{} words off the page: {:?}",
        off.len(),
        &off[..off.len().min(5)]
    );
}
