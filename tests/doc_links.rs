#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every citation of a `docs/clinical/` page (with its `#anchor`) in the code, tables, tests and README, and every
//! link between the `docs/clinical/` pages, points to an existing page and an explicit
//! `<a id="anchor"></a>` on it: the citations that trace each rule to its source stay true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The explicit anchors of every page of `docs/clinical/`.
fn anchors() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(ROOT).join("docs/clinical");
    let mut pages = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            let ids = text
                .split("<a id=\"")
                .skip(1)
                .filter_map(|rest| rest.split_once("\"></a>").map(|(id, _)| id.to_owned()))
                .collect();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            pages.insert(name, ids);
        }
    }
    pages
}

fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
    } else if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files_under(&entry.unwrap().path(), out);
        }
    }
}

/// The page and anchor of a `PAGE.md#anchor` reference starting at `text` (after the folder).
fn reference(text: &str) -> Option<(String, Option<String>)> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let page_len = text.find(|c: char| !(word(c) || c == '.'))?;
    let page = text[..page_len]
        .strip_suffix('.')
        .unwrap_or(&text[..page_len]);
    if !page.ends_with(".md") {
        return None;
    }
    let rest = &text[page.len()..];
    let anchor = rest
        .strip_prefix('#')
        .map(|a| a.chars().take_while(|c| word(*c)).collect::<String>());
    Some((page.to_owned(), anchor.filter(|a| !a.is_empty())))
}

fn check(pages: &BTreeMap<String, BTreeSet<String>>, page: &str, anchor: Option<&str>) -> bool {
    pages
        .get(page)
        .is_some_and(|ids| anchor.is_none_or(|a| ids.contains(a)))
}

#[test]
fn every_clinical_citation_resolves_to_a_page_and_an_explicit_anchor() {
    let pages = anchors();
    assert!(pages.len() >= 10, "{pages:?}");
    let mut bad = Vec::new();
    // Links between the pages: ](page.md#anchor) or ](#anchor).
    for page in pages.keys() {
        let text =
            std::fs::read_to_string(Path::new(ROOT).join("docs/clinical").join(page)).unwrap();
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap_or_default();
            if target.starts_with("http") || target.contains(' ') {
                continue;
            }
            let (to, anchor) = target.split_once('#').unwrap_or((target, ""));
            let to = if to.is_empty() { page.as_str() } else { to };
            if to.ends_with(".md") && !check(&pages, to, Some(anchor).filter(|a| !a.is_empty())) {
                bad.push(format!("docs/clinical/{page}: link to {target}"));
            }
        }
    }
    // Citations in the code, the tables, the tests and the README.
    let mut files = Vec::new();
    for top in ["src", "crates", "assets", "tests", "benches", "README.md"] {
        files_under(&Path::new(ROOT).join(top), &mut files);
    }
    for file in files {
        let is_text = file
            .extension()
            .is_some_and(|e| ["rs", "ron", "md", "toml"].iter().any(|x| e == *x));
        if !is_text || file.components().any(|c| c.as_os_str() == "target") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for cited in line.split("docs/clinical/").skip(1) {
                if let Some((page, anchor)) = reference(cited)
                    && !check(&pages, &page, anchor.as_deref())
                {
                    bad.push(format!(
                        "{}:{}: {page}#{}",
                        file.display(),
                        n + 1,
                        anchor.unwrap_or_default()
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "broken citations:\n{}", bad.join("\n"));
}
