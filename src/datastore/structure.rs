//! The database structure read from a `catalog.4DCatalog` file (XML): tables and
//! fields with their numbers and types, primary keys, indexes and relations.
//!
//! The format is the one 4D writes in `Project/Sources/catalog.4DCatalog`:
//! `<table name id>` holding `<field name uuid type id ...>` and
//! `<primary_key field_name>`; `<index>` and `<relation>` elements name their
//! fields by `<field_ref uuid>` (with a nested `<table_ref>`). Only the elements
//! and attributes fourd needs are read; everything else is skipped.

use std::collections::HashMap;
use std::path::Path;

/// The value type of a field (the `type` attribute of `<field>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Bool,
    /// 16-bit integer (type 3).
    Int16,
    /// 32-bit integer (type 4).
    Int,
    /// 64-bit integer (type 5): held as a Real by the language.
    Int64,
    Real,
    Date,
    Time,
    /// Alpha and Text (types 10, 14).
    Text,
    Picture,
    Blob,
    Object,
}

impl FieldType {
    pub fn from_code(code: u32) -> FieldType {
        match code {
            1 => FieldType::Bool,
            3 => FieldType::Int16,
            4 => FieldType::Int,
            5 => FieldType::Int64,
            6 | 7 => FieldType::Real,
            8 => FieldType::Date,
            9 => FieldType::Time,
            12 => FieldType::Picture,
            18 => FieldType::Blob,
            21 => FieldType::Object,
            _ => FieldType::Text,
        }
    }

    /// The value `Type` gives for a field of this type (`Is text`, `Is longint`...).
    pub fn type_code(self) -> i32 {
        match self {
            FieldType::Bool => 6,
            FieldType::Int16 => 8,
            FieldType::Int => 9,
            FieldType::Int64 => 25,
            FieldType::Real => 1,
            FieldType::Date => 4,
            FieldType::Time => 11,
            FieldType::Text => 2,
            FieldType::Picture => 3,
            FieldType::Blob => 30,
            FieldType::Object => 38,
        }
    }

    /// The SQLite column type used to store it.
    pub fn sql_type(self) -> &'static str {
        match self {
            FieldType::Bool | FieldType::Int16 | FieldType::Int | FieldType::Int64 => "INTEGER",
            FieldType::Time => "INTEGER",
            FieldType::Real => "REAL",
            FieldType::Date | FieldType::Text | FieldType::Object => "TEXT",
            FieldType::Picture | FieldType::Blob => "BLOB",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FieldDef {
    /// The field number (`id`).
    pub num: u32,
    pub name: String,
    pub uuid: String,
    pub ty: FieldType,
    pub indexed: bool,
    pub unique: bool,
    /// `autogenerate` with `store_as_UUID`: a new record gets a fresh UUID.
    pub auto_uuid: bool,
    /// `autosequence`: a new record gets the next number.
    pub auto_seq: bool,
    /// `hide_in_REST`: not exposed by the REST server.
    pub rest_hidden: bool,
}

#[derive(Debug, Clone)]
pub struct TableDef {
    /// The table number (`id`).
    pub num: u32,
    pub name: String,
    pub fields: Vec<FieldDef>,
    /// Index in `fields` of the primary key.
    pub primary_key: Option<usize>,
    /// `hide_in_REST`: not exposed by the REST server.
    pub rest_hidden: bool,
}

impl TableDef {
    /// Index in `fields` of field number `num`.
    pub fn field_index(&self, num: u32) -> Option<usize> {
        self.fields.iter().position(|f| f.num == num)
    }
    pub fn field_by_name(&self, name: &str) -> Option<&FieldDef> {
        self.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
    }
}

/// A Many-to-One relation: `many_table.many_field` points to `one_table.one_field`.
#[derive(Debug, Clone)]
pub struct Relation {
    pub many_table: u32,
    pub many_field: u32,
    pub one_table: u32,
    pub one_field: u32,
    pub name_n1: String,
    pub name_1n: String,
}

#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Ordered by table number.
    pub tables: Vec<TableDef>,
    pub relations: Vec<Relation>,
}

impl Structure {
    /// Reads a catalog file; a missing file gives an empty structure.
    pub fn load(path: &Path) -> Result<Structure, String> {
        match std::fs::read_to_string(path) {
            Ok(xml) => Ok(Structure::parse(&xml)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Structure::default()),
            Err(e) => Err(format!("{}: {}", path.display(), e)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    pub fn table(&self, num: u32) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.num == num)
    }

    /// Position of table `num` in `tables`.
    pub fn table_index(&self, num: u32) -> Option<usize> {
        self.tables.iter().position(|t| t.num == num)
    }

    pub fn table_by_name(&self, name: &str) -> Option<&TableDef> {
        self.tables
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(name))
    }

    pub fn field(&self, table: u32, field: u32) -> Option<&FieldDef> {
        self.table(table)?.fields.iter().find(|f| f.num == field)
    }

    pub fn parse(xml: &str) -> Structure {
        let mut s = Structure::default();
        let mut field_by_uuid: HashMap<String, (u32, u32)> = HashMap::new();
        // pending primary keys and indexes by field uuid / name
        let mut pks: Vec<(usize, String)> = Vec::new();
        enum Ctx {
            None,
            Index(Vec<String>),
            Relation {
                n1: String,
                n1n: String,
                source: Option<String>,
                dest: Option<String>,
                kind: String,
            },
        }
        let mut ctx = Ctx::None;
        let mut rels: Vec<(String, String, String, String)> = Vec::new();
        let mut indexes: Vec<(Vec<String>, bool)> = Vec::new();
        let mut index_unique = false;
        let mut in_table = false;
        for tag in tags(xml) {
            match (tag.name, tag.closing) {
                ("table", false) if !tag.self_closing => {
                    let num = tag.attr("id").and_then(|v| v.parse().ok()).unwrap_or(0);
                    s.tables.push(TableDef {
                        num,
                        name: tag.attr("name").unwrap_or_default(),
                        fields: Vec::new(),
                        primary_key: None,
                        rest_hidden: tag.attr("hide_in_REST").as_deref() == Some("true"),
                    });
                    in_table = true;
                }
                ("table", true) => in_table = false,
                ("field", false) if in_table && matches!(ctx, Ctx::None) => {
                    let Some(t) = s.tables.last_mut() else {
                        continue;
                    };
                    let num = tag.attr("id").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let ty = tag.attr("type").and_then(|v| v.parse().ok()).unwrap_or(10);
                    let uuid = tag.attr("uuid").unwrap_or_default();
                    let yes = |a: &str| tag.attr(a).as_deref() == Some("true");
                    field_by_uuid.insert(uuid.clone(), (t.num, num));
                    t.fields.push(FieldDef {
                        num,
                        name: tag.attr("name").unwrap_or_default(),
                        uuid,
                        ty: FieldType::from_code(ty),
                        indexed: false,
                        unique: yes("unique"),
                        auto_uuid: yes("autogenerate") && yes("store_as_UUID"),
                        auto_seq: yes("autosequence"),
                        rest_hidden: yes("hide_in_REST"),
                    });
                }
                ("primary_key", false) if in_table => {
                    let key = tag
                        .attr("field_uuid")
                        .or_else(|| tag.attr("field_name"))
                        .unwrap_or_default();
                    pks.push((s.tables.len() - 1, key));
                }
                ("index", false) if !tag.self_closing => {
                    index_unique = tag.attr("unique_keys").as_deref() == Some("true");
                    ctx = Ctx::Index(Vec::new());
                }
                ("index", true) => {
                    if let Ctx::Index(f) = std::mem::replace(&mut ctx, Ctx::None) {
                        indexes.push((f, index_unique));
                    }
                }
                ("relation", false) if !tag.self_closing => {
                    ctx = Ctx::Relation {
                        n1: tag.attr("name_Nto1").unwrap_or_default(),
                        n1n: tag.attr("name_1toN").unwrap_or_default(),
                        source: None,
                        dest: None,
                        kind: String::new(),
                    }
                }
                ("relation", true) => {
                    if let Ctx::Relation {
                        n1,
                        n1n,
                        source: Some(src),
                        dest: Some(dst),
                        ..
                    } = std::mem::replace(&mut ctx, Ctx::None)
                    {
                        rels.push((src, dst, n1, n1n));
                    }
                }
                ("related_field", false) => {
                    if let Ctx::Relation { kind, .. } = &mut ctx {
                        *kind = tag.attr("kind").unwrap_or_default();
                    }
                }
                ("field_ref", false) => {
                    let uuid = tag.attr("uuid").unwrap_or_default();
                    match &mut ctx {
                        Ctx::Index(f) => f.push(uuid),
                        Ctx::Relation {
                            source, dest, kind, ..
                        } => {
                            if kind == "source" {
                                *source = Some(uuid);
                            } else if kind == "destination" {
                                *dest = Some(uuid);
                            }
                        }
                        Ctx::None => {}
                    }
                }
                _ => {}
            }
        }
        // Two fields of one table with the same `id` (seen in a public project's
        // catalog): the later one gets the next free number, so that both stay
        // usable by name (4D itself knows fields by uuid).
        for t in &mut s.tables {
            let mut seen = std::collections::HashSet::new();
            let mut next = t.fields.iter().map(|f| f.num).max().unwrap_or(0);
            for f in &mut t.fields {
                if !seen.insert(f.num) {
                    next += 1;
                    f.num = next;
                    field_by_uuid.insert(f.uuid.clone(), (t.num, next));
                }
            }
        }
        for (ti, key) in pks {
            let t = &mut s.tables[ti];
            t.primary_key = t
                .fields
                .iter()
                .position(|f| f.uuid == key || f.name.eq_ignore_ascii_case(&key));
        }
        for (uuids, unique) in indexes {
            // composite indexes are not used by queries: only single-field ones
            if uuids.len() != 1 {
                continue;
            }
            if let Some(&(t, f)) = field_by_uuid.get(&uuids[0]) {
                if let Some(fd) = s
                    .tables
                    .iter_mut()
                    .find(|x| x.num == t)
                    .and_then(|x| x.fields.iter_mut().find(|x| x.num == f))
                {
                    fd.indexed = true;
                    fd.unique |= unique;
                }
            }
        }
        for (src, dst, n1, n1n) in rels {
            if let (Some(&(mt, mf)), Some(&(ot, of))) =
                (field_by_uuid.get(&src), field_by_uuid.get(&dst))
            {
                s.relations.push(Relation {
                    many_table: mt,
                    many_field: mf,
                    one_table: ot,
                    one_field: of,
                    name_n1: n1,
                    name_1n: n1n,
                });
            }
        }
        s.tables.sort_by_key(|t| t.num);
        s
    }
}

struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    self_closing: bool,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<String> {
        let mut rest = self.attrs;
        while let Some(pos) = rest.find(name) {
            let before_ok = pos == 0 || rest.as_bytes()[pos - 1].is_ascii_whitespace();
            let after = &rest[pos + name.len()..];
            if before_ok && after.starts_with("=\"") {
                let v = &after[2..];
                let end = v.find('"').unwrap_or(v.len());
                return Some(unescape(&v[..end]));
            }
            rest = &rest[pos + name.len()..];
        }
        None
    }
}

/// The element tags of an XML text, in order (comments, declarations skipped).
fn tags(xml: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        let start = rest.find('<')?;
        rest = &rest[start + 1..];
        let end = rest.find('>')?;
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let (self_closing, inner) = match inner.strip_suffix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let name_end = inner
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(inner.len());
        return Some(Tag {
            name: &inner[..name_end],
            attrs: &inner[name_end..],
            closing,
            self_closing,
        });
    })
}

fn unescape(s: &str) -> String {
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
    fn parses_tables_fields_keys_indexes_relations() {
        let xml = r#"<base name="x">
<table name="Company" uuid="T1" id="1">
 <field name="ID" uuid="F11" type="4" unique="true" autosequence="true" id="1"/>
 <field name="Name" uuid="F12" type="10" id="2"/>
 <primary_key field_name="ID" field_uuid="F11"/>
</table>
<table name="Employee" uuid="T2" id="2">
 <field name="ID" uuid="F21" type="4" id="1"/>
 <field name="CompanyID" uuid="F22" type="4" id="2"/>
 <field name="Hired" uuid="F23" type="8" id="3"/>
</table>
<relation uuid="R" name_Nto1="company" name_1toN="staff" state="1">
 <related_field kind="source"><field_ref uuid="F22" name="CompanyID"><table_ref uuid="T2" name="Employee"/></field_ref></related_field>
 <related_field kind="destination"><field_ref uuid="F11" name="ID"><table_ref uuid="T1" name="Company"/></field_ref></related_field>
</relation>
<index kind="regular" uuid="I" type="7"><field_ref uuid="F12" name="Name"><table_ref uuid="T1" name="Company"/></field_ref></index>
</base>"#;
        let s = Structure::parse(xml);
        assert_eq!(s.tables.len(), 2);
        let c = s.table(1).unwrap();
        assert_eq!(c.name, "Company");
        assert_eq!(c.primary_key, Some(0));
        assert!(c.fields[1].indexed);
        assert!(c.fields[0].auto_seq);
        assert_eq!(s.field(2, 3).unwrap().ty, FieldType::Date);
        assert_eq!(s.relations.len(), 1);
        let r = &s.relations[0];
        assert_eq!(
            (r.many_table, r.many_field, r.one_table, r.one_field),
            (2, 2, 1, 1)
        );
    }

    #[test]
    fn a_duplicate_field_id_gets_the_next_free_number() {
        let xml = r#"<base name="x">
<table name="Spec" uuid="T1" id="1">
 <field name="A" uuid="F1" type="10" id="1"/>
 <field name="B" uuid="F2" type="1" id="2"/>
 <field name="C" uuid="F3" type="10" id="2"/>
 <field name="D" uuid="F4" type="4" id="3"/>
</table>
</base>"#;
        let s = Structure::parse(xml);
        let t = s.table(1).unwrap();
        let nums: Vec<u32> = t.fields.iter().map(|f| f.num).collect();
        assert_eq!(nums, [1, 2, 4, 3]);
        assert_eq!(t.field_by_name("C").map(|f| f.num), Some(4));
    }
}
