//! Reading table and field names from a project's `catalog.4DCatalog` (XML).
//!
//! Only the names are read here (the lexer needs them to split multi-word
//! names); the full structure comes with the datastore.

use std::path::Path;

/// Every `name="..."` attribute of the `<table>` and `<field>` elements.
pub fn table_and_field_names(catalog: &Path) -> (Vec<String>, Vec<String>) {
    let Ok(xml) = std::fs::read_to_string(catalog) else {
        return (Vec::new(), Vec::new());
    };
    (
        attribute_values(&xml, "<table"),
        attribute_values(&xml, "<field"),
    )
}

fn attribute_values(xml: &str, element: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = xml;
    while let Some(pos) = rest.find(element) {
        rest = &rest[pos + element.len()..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        if let Some(start) = tag.find(" name=\"") {
            let value = &tag[start + 7..];
            if let Some(end) = value.find('"') {
                names.push(xml_unescape(&value[..end]));
            }
        }
    }
    names
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_table_and_field_names() {
        let xml = r#"<base><table name="Friends and Relatives" id="1"><field name="Last Name" type="10"/></table></base>"#;
        assert_eq!(
            attribute_values(xml, "<table"),
            vec!["Friends and Relatives"]
        );
        assert_eq!(attribute_values(xml, "<field"), vec!["Last Name"]);
    }
}
