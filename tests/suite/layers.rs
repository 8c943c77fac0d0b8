//! The map and the house agree: ARCHITECTURE.md lists every module of `src/` with its layer
//! and what it imports, and every folder of `src/`; the code imports nothing else, and
//! nothing listed goes unused. A
//! module may import only modules of a lower layer, so no import points up and no circle
//! crosses two modules. Unit tests at the end of a file (`#[cfg(test)]`) are not counted:
//! they may build their fixtures through the stages above.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One row of ARCHITECTURE.md's layer table.
#[derive(Debug)]
struct Layer {
    number: u32,
    may_import: BTreeSet<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md")
}

/// The rows `| 3 | `budget` | … | `money`, `diagnostic` |` of the layer table: the first
/// cell the layer, the second the module, the last what it may import (`—` for nothing).
fn layers(doc: &str) -> BTreeMap<String, Layer> {
    let mut out = BTreeMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let Some(number) = cells.first().and_then(|c| c.parse::<u32>().ok()) else {
            continue;
        };
        assert!(
            cells.len() >= 3,
            "a layer row needs a module and its imports: {line}"
        );
        let module = cells[1].trim_matches('`').to_string();
        let may_import = names(cells[cells.len() - 1]);
        assert!(
            out.insert(module.clone(), Layer { number, may_import })
                .is_none(),
            "{module} is listed twice"
        );
    }
    out
}

/// The module names written in backticks in a table cell.
fn names(cell: &str) -> BTreeSet<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every folder under `dir`, as `src/a/b/`.
fn folders(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            let rel = path.strip_prefix(root()).expect("under the root");
            out.insert(format!("{}/", rel.display()));
            folders(&path, out);
        }
    }
}

/// The module path of a source file: `src/document/compose/part2/mod.rs` →
/// `["document", "compose", "part2"]`.
fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root().join("src")).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The source of a file before its unit tests: a `#[cfg(test)]` module with a body.
fn before_tests(src: &str) -> &str {
    let mark = "\n#[cfg(test)]\nmod ";
    let mut from = 0;
    while let Some(at) = src[from..].find(mark).map(|i| i + from) {
        let line = src[at + mark.len()..].lines().next().unwrap_or("");
        if line.trim_end().ends_with('{') {
            return &src[..at];
        }
        from = at + mark.len();
    }
    src
}

/// The code of a file without its comments, string and character literals, and without
/// the unit tests at its end.
fn code(src: &str) -> String {
    let src = before_tests(src);
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied().unwrap_or(' ');
    while i < chars.len() {
        match chars[i] {
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if at(i + 1) == '#' || (at(i + 1) == '"' && !is_ident(out.chars().last())) => {
                i = skip_raw_string(&chars, i);
                out.push_str("\"\"");
            }
            '"' => {
                i = skip_string(&chars, i);
                out.push_str("\"\"");
            }
            '\'' if at(i + 2) == '\'' || (at(i + 1) == '\\') => {
                i = skip_char(&chars, i);
                out.push_str("' '");
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The index after the string literal starting at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    i += 1;
    while i < chars.len() && chars[i] != '"' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

/// The index after the raw string literal (`r"…"`, `r#"…"#`) starting at `i`.
fn skip_raw_string(chars: &[char], mut i: usize) -> usize {
    i += 1;
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if chars.get(i) != Some(&'"') {
        return i;
    }
    i += 1;
    loop {
        if i >= chars.len() {
            return i;
        }
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
}

/// The index after the character literal starting at `i`.
fn skip_char(chars: &[char], mut i: usize) -> usize {
    i += 1;
    while i < chars.len() && chars[i] != '\'' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

/// The top-level modules a file's code names: every `crate::x` (with `crate::{x, y::z}`
/// groups) and every `super::…` that climbs out of the file's own top-level module.
fn imports(file: &Path, code: &str) -> BTreeSet<String> {
    let here = module_path(file);
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if !is_ident(code[..at].chars().last()) {
            out.extend(first_names(&code[at + "crate::".len()..]));
        }
    }
    let mut from = 0;
    while let Some(at) = code[from..].find("super::").map(|i| i + from) {
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(next) = rest.strip_prefix("super::") {
            ups += 1;
            rest = next.trim_start();
        }
        if !is_ident(code[..at].chars().last()) && ups >= here.len() {
            out.extend(first_names(rest));
        }
        from = at + ups * "super::".len();
    }
    out
}

/// The module names a path continues with: `budget` of `budget::Budget`, `a` and `b` of
/// `{a::X, b}`.
fn first_names(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut names = Vec::new();
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    names.push(std::mem::take(&mut item));
                    continue;
                }
                _ => {}
            }
            if depth == 0 {
                item.push(c);
            }
        }
        names.push(item);
        return names
            .iter()
            .map(|n| leading_word(n).to_string())
            .filter(|n| !n.is_empty())
            .collect();
    }
    vec![leading_word(rest).to_string()]
}

/// The identifier a piece starts with.
fn leading_word(piece: &str) -> &str {
    let piece = piece.trim_start();
    let end = piece
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(piece.len());
    &piece[..end]
}

#[test]
fn every_module_is_on_the_map_and_imports_exactly_its_row() {
    let layers = layers(&architecture());
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut modules = BTreeSet::new();
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in &files {
        let path = module_path(file);
        let Some(module) = path.first() else {
            continue;
        };
        if module == "main" || module == "bin" {
            continue;
        }
        modules.insert(module.clone());
        let Some(layer) = layers.get(module) else {
            problems.push(format!("{module} is not in ARCHITECTURE.md's layer table"));
            continue;
        };
        let src = std::fs::read_to_string(file).expect("readable");
        let found = imports(file, &code(&src));
        used.entry(module.clone())
            .or_default()
            .extend(found.iter().cloned());
        for import in found {
            if import == *module || import == "self" {
                continue;
            }
            if !layer.may_import.contains(&import) {
                problems.push(format!(
                    "{} imports `{import}`, which `{module}` may not import",
                    file.strip_prefix(root()).unwrap_or(file).display()
                ));
            }
        }
    }
    for module in layers.keys().filter(|m| !modules.contains(*m)) {
        problems.push(format!(
            "ARCHITECTURE.md lists `{module}`, which src/ has not"
        ));
    }
    for (module, layer) in &layers {
        let used = used.get(module).cloned().unwrap_or_default();
        for stale in layer.may_import.iter().filter(|m| !used.contains(*m)) {
            problems.push(format!(
                "`{module}` lists `{stale}` but imports nothing of it"
            ));
        }
    }
    problems.extend(upward(&layers));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every import a row allows that is not of a lower layer, or not a module of the table.
fn upward(layers: &BTreeMap<String, Layer>) -> Vec<String> {
    let mut problems = Vec::new();
    for (module, layer) in layers {
        for dep in &layer.may_import {
            match layers.get(dep) {
                Some(d) if d.number < layer.number => {}
                Some(d) => problems.push(format!(
                    "`{module}` (layer {}) may import `{dep}` (layer {}): not a lower layer",
                    layer.number, d.number
                )),
                None => problems.push(format!("`{module}` may import `{dep}`, not a module")),
            }
        }
    }
    problems
}

#[test]
fn a_row_allowing_an_import_from_its_own_or_a_higher_layer_is_refused() {
    let doc = "| 1 | `money` | exact money | — |\n\
               | 2 | `budget` | the budget | `money`, `render` |\n\
               | 2 | `input` | reading | `budget` |\n\
               | 3 | `render` | output | `budget`, `ghost` |\n";
    assert_eq!(
        upward(&layers(doc)),
        [
            "`budget` (layer 2) may import `render` (layer 3): not a lower layer",
            "`input` (layer 2) may import `budget` (layer 2): not a lower layer",
            "`render` may import `ghost`, not a module",
        ]
    );
}

#[test]
fn every_folder_of_src_is_on_the_map_and_nothing_else() {
    let doc = architecture();
    let mut actual = BTreeSet::new();
    folders(&root().join("src"), &mut actual);
    let mapped: BTreeSet<String> = doc
        .split(|c: char| c.is_whitespace() || c == '`' || c == '(' || c == ')' || c == ',')
        .filter(|w| w.starts_with("src/") && w.ends_with('/') && *w != "src/")
        .map(str::to_string)
        .collect();
    let missing: Vec<_> = actual.difference(&mapped).collect();
    let stale: Vec<_> = mapped.difference(&actual).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "folders not on the map: {missing:?}; on the map but not in src/: {stale:?}"
    );
}

#[test]
fn the_import_reader_sees_grouped_nested_and_climbing_paths() {
    let file = root().join("src/document/compose/part2/grid.rs");
    let code = code(
        "use crate::{budget::Budget, money::{Money, round2}};\n\
         // crate::commands in a comment\n\
         let s = \"crate::pipeline\";\n\
         use super::super::super::super::derive::Figures;\n\
         use super::super::model::Table;\n\
         fn f() -> crate::numerals::X { super::grid::h() }\n\
         #[cfg(test)]\nmod other;\nuse crate::format::F;\n\
         #[cfg(test)]\nmod tests {\n use crate::input;\n}\n",
    );
    let found: Vec<String> = imports(&file, &code).into_iter().collect();
    assert_eq!(found, ["budget", "derive", "format", "money", "numerals"]);
}
