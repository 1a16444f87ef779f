//! The table and field names of a project's `catalog.4DCatalog`, for the lexer
//! (it needs them to read multi-word names). The full structure is read by
//! `datastore::Structure`; this only lists its names.

use crate::datastore::Structure;
use std::path::Path;

/// The table names and the field names (all tables) of a catalog; empty when the
/// file is missing or unreadable (the names only help the lexer).
pub fn table_and_field_names(catalog: &Path) -> (Vec<String>, Vec<String>) {
    let Ok(structure) = Structure::load(catalog) else {
        return (Vec::new(), Vec::new());
    };
    let tables = structure.tables.iter().map(|t| t.name.clone()).collect();
    let fields = structure
        .tables
        .iter()
        .flat_map(|t| t.fields.iter().map(|f| f.name.clone()))
        .collect();
    (tables, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_table_and_field_names() {
        let dir = std::env::temp_dir().join(format!("fourd-catalog-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("catalog.4DCatalog");
        let xml = r#"<base name="x"><table name="Friends and Relatives" id="1"><field name="Last Name" type="10" id="1"/></table></base>"#;
        std::fs::write(&path, xml).expect("write");
        let (tables, fields) = table_and_field_names(&path);
        assert_eq!(tables, vec!["Friends and Relatives"]);
        assert_eq!(fields, vec!["Last Name"]);
        assert_eq!(
            table_and_field_names(&dir.join("none")),
            (Vec::new(), Vec::new())
        );
    }
}
