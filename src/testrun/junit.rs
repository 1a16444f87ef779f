//! JUnit XML for `fourd test --junit FILE`: one `<testsuite name="fourd">` with a
//! `<testcase>` per case (`classname` its folder, `name` its file stem, `time` in
//! seconds) and a `<failure>` holding the problems of a failed one — the shape CI
//! services (GitHub Actions reporters, GitLab, Jenkins) read.

use super::Outcome;

/// Escapes text for an XML attribute or element (control characters other than
/// tab and newline are not allowed in XML 1.0: they become U+FFFD).
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// The whole document.
pub fn xml(outcomes: &[Outcome]) -> String {
    let failures = outcomes.iter().filter(|o| !o.passed()).count();
    let total: f64 = outcomes.iter().map(|o| o.elapsed.as_secs_f64()).sum();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!(
        "<testsuites tests=\"{}\" failures=\"{failures}\" errors=\"0\" time=\"{total:.3}\">\n",
        outcomes.len()
    ));
    s.push_str(&format!(
        "  <testsuite name=\"fourd\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"{total:.3}\">\n",
        outcomes.len()
    ));
    for o in outcomes {
        let (class, name) = match o.name.rsplit_once('/') {
            Some((dir, file)) => (dir.replace('/', "."), file),
            None => (String::new(), o.name.as_str()),
        };
        let name = name.strip_suffix(".4dm").unwrap_or(name);
        s.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"{:.3}\"",
            escape(&class),
            escape(name),
            escape(&o.name),
            o.elapsed.as_secs_f64()
        ));
        if o.passed() {
            s.push_str("/>\n");
        } else {
            let first = o.problems[0].lines().next().unwrap_or("");
            s.push_str(&format!(
                ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(first),
                escape(&o.problems.join("\n"))
            ));
        }
    }
    s.push_str("  </testsuite>\n</testsuites>\n");
    s
}
