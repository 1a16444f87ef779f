//! The mutable DOM tree of one XML document: an arena of nodes (node 0 is the
//! document node, the parent of the root element, of the DOCTYPE and of the
//! comments and processing instructions around the root). Nodes removed from the
//! tree stay in the arena, marked dead, so that a reference to them is invalid
//! rather than pointing at another node.

/// What a node is (its `DOM GET XML CHILD NODES` type is [`Kind::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Document,
    Element,
    Text,
    CData,
    Comment,
    Pi,
    DocType,
}

impl Kind {
    /// The `XML ...` constant of this kind (XML comment 2, XML processing
    /// instruction 3, XML DATA 6, XML CDATA 7, XML DOCTYPE 10, XML ELEMENT 11).
    pub fn code(self) -> i32 {
        match self {
            Kind::Comment => 2,
            Kind::Pi => 3,
            Kind::Text => 6,
            Kind::CData => 7,
            Kind::DocType => 10,
            Kind::Element | Kind::Document => 11,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// Element: qualified name; processing instruction: target.
    pub name: String,
    /// Text, CDATA, comment, processing instruction data, DOCTYPE body.
    pub value: String,
    /// Attributes in document (insertion) order.
    pub attrs: Vec<(String, String)>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub alive: bool,
}

impl Node {
    pub fn new(kind: Kind, name: &str, value: &str) -> Node {
        Node {
            kind,
            name: name.to_string(),
            value: value.to_string(),
            attrs: Vec::new(),
            parent: None,
            children: Vec::new(),
            alive: true,
        }
    }
}

/// The document: its nodes and its XML declaration.
#[derive(Debug, Clone)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub version: String,
    pub encoding: String,
    pub standalone: bool,
    /// Where the last [`Tree::child_index`] found its node: walking siblings
    /// one by one (`DOM Get next sibling XML element` loops) stays linear.
    hint: std::cell::Cell<usize>,
    /// The last [`Tree::nth_named`] answer (parent, name hash, k, position), so
    /// that `DOM Get XML element($ref; name; $i; ...)` loops stay linear.
    named_hint: std::cell::Cell<(usize, u64, usize, usize)>,
}

pub const DOC: usize = 0;

impl Tree {
    /// An empty document (no root element yet).
    pub fn new() -> Tree {
        Tree {
            nodes: vec![Node::new(Kind::Document, "#document", "")],
            version: "1.0".into(),
            encoding: "UTF-8".into(),
            standalone: false,
            hint: std::cell::Cell::new(0),
            named_hint: std::cell::Cell::new((usize::MAX, 0, 0, 0)),
        }
    }

    /// The `k`-th (1-based) element child of `parent` named `name` (compared
    /// case-insensitively when `ci`).
    pub fn nth_named(&self, parent: usize, name: &str, k: usize, ci: bool) -> Option<usize> {
        use std::hash::{Hash, Hasher};
        if k == 0 {
            return None;
        }
        let folded;
        let name = if ci {
            folded = name.to_lowercase();
            folded.as_str()
        } else {
            name
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (name, ci).hash(&mut h);
        let h = h.finish();
        let ch = &self.nodes[parent].children;
        let (hp, hh, hk, hpos) = self.named_hint.get();
        // resume after the last answer when asked for a later one
        let (mut seen, start) = if hp == parent && hh == h && hk <= k && hpos < ch.len() {
            (hk - 1, hpos)
        } else {
            (0, 0)
        };
        for (pos, &c) in ch.iter().enumerate().skip(start) {
            let n = &self.nodes[c];
            let same = n.kind == Kind::Element
                && if ci {
                    n.name.to_lowercase() == name
                } else {
                    n.name == name
                };
            if same {
                seen += 1;
                if seen == k {
                    self.named_hint.set((parent, h, k, pos));
                    return Some(c);
                }
            }
        }
        None
    }

    /// The position of `id` among the children of `parent`.
    pub fn child_index(&self, parent: usize, id: usize) -> Option<usize> {
        let ch = &self.nodes[parent].children;
        let h = self.hint.get();
        let i = if ch.get(h) == Some(&id) {
            h
        } else {
            ch.iter().position(|&c| c == id)?
        };
        self.hint.set(i);
        Some(i)
    }

    /// The next (or previous) element among the siblings of `id`.
    pub fn sibling_element(&self, id: usize, forward: bool) -> Option<usize> {
        let p = self.nodes[id].parent?;
        let i = self.child_index(p, id)?;
        let ch = &self.nodes[p].children;
        let is_el = |&j: &usize| self.nodes[ch[j]].kind == Kind::Element;
        let j = if forward {
            (i + 1..ch.len()).find(is_el)
        } else {
            (0..i).rev().find(is_el)
        }?;
        self.hint.set(j);
        Some(ch[j])
    }

    pub fn node(&self, id: usize) -> &Node {
        &self.nodes[id]
    }

    pub fn is_alive(&self, id: usize) -> bool {
        self.nodes.get(id).map(|n| n.alive).unwrap_or(false)
    }

    /// Adds a node and appends it to `parent`'s children.
    pub fn append(&mut self, parent: usize, n: Node) -> usize {
        let len = self.nodes[parent].children.len();
        self.insert(parent, len, n)
    }

    /// Adds a node and inserts it among `parent`'s children at `pos`.
    pub fn insert(&mut self, parent: usize, pos: usize, mut n: Node) -> usize {
        let id = self.nodes.len();
        n.parent = Some(parent);
        self.nodes.push(n);
        let ch = &mut self.nodes[parent].children;
        let pos = pos.min(ch.len());
        ch.insert(pos, id);
        id
    }

    /// The root element (the first element child of the document node).
    pub fn root(&self) -> Option<usize> {
        self.nodes[DOC]
            .children
            .iter()
            .copied()
            .find(|&c| self.nodes[c].kind == Kind::Element)
    }

    /// The element children of a node, in order.
    pub fn elements(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(move |&c| self.nodes[c].kind == Kind::Element)
    }

    /// The text of the direct text children of an element (`DOM GET XML ELEMENT
    /// VALUE`'s value; CDATA sections are apart, see [`Tree::cdata`]); the text of
    /// a text-like node itself.
    pub fn value(&self, id: usize) -> String {
        let n = &self.nodes[id];
        match n.kind {
            Kind::Element | Kind::Document => n
                .children
                .iter()
                .filter(|&&c| self.nodes[c].kind == Kind::Text)
                .map(|&c| self.nodes[c].value.as_str())
                .collect(),
            _ => n.value.clone(),
        }
    }

    /// The text of the direct CDATA children of an element.
    pub fn cdata(&self, id: usize) -> String {
        self.nodes[id]
            .children
            .iter()
            .filter(|&&c| self.nodes[c].kind == Kind::CData)
            .map(|&c| self.nodes[c].value.as_str())
            .collect()
    }

    /// The concatenated text of every text and CDATA descendant (XPath's string
    /// value).
    pub fn string_value(&self, id: usize) -> String {
        let n = &self.nodes[id];
        match n.kind {
            Kind::Text | Kind::CData => n.value.clone(),
            Kind::Element | Kind::Document => {
                n.children.iter().map(|&c| self.string_value(c)).collect()
            }
            _ => String::new(),
        }
    }

    pub fn attr(&self, id: usize, name: &str) -> Option<&str> {
        self.nodes[id]
            .attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (or adds, at the end) an attribute.
    pub fn set_attr(&mut self, id: usize, name: &str, value: String) {
        let attrs = &mut self.nodes[id].attrs;
        match attrs.iter_mut().find(|(k, _)| k == name) {
            Some(a) => a.1 = value,
            None => attrs.push((name.to_string(), value)),
        }
    }

    /// Replaces the text content of an element by one node of `kind` (text or
    /// CDATA), keeping its element, comment and PI children.
    pub fn set_value(&mut self, id: usize, value: &str, kind: Kind) {
        let nodes = &self.nodes;
        let is_text = |c: &usize| matches!(nodes[*c].kind, Kind::Text | Kind::CData);
        let texts: Vec<usize> = nodes[id].children.iter().copied().filter(is_text).collect();
        let wanted = !value.is_empty() || kind == Kind::CData;
        // one text node of that kind already: change it in place (no garbage)
        if wanted && texts.len() == 1 && nodes[texts[0]].kind == kind {
            self.nodes[texts[0]].value = value.to_string();
            return;
        }
        let keep: Vec<usize> = nodes[id]
            .children
            .iter()
            .copied()
            .filter(|c| !is_text(c))
            .collect();
        for c in texts {
            self.kill(c);
        }
        self.nodes[id].children = keep;
        if wanted {
            self.insert(id, 0, Node::new(kind, "", value));
        }
    }

    /// Detaches a node from its parent and marks its subtree dead.
    pub fn remove(&mut self, id: usize) {
        if let Some(p) = self.nodes[id].parent {
            self.nodes[p].children.retain(|&c| c != id);
        }
        self.kill(id);
    }

    fn kill(&mut self, id: usize) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            self.nodes[n].alive = false;
            stack.extend(self.nodes[n].children.iter().copied());
        }
    }

    /// Copies the subtree `id` of `src` into this tree as child `pos` of
    /// `parent` (`usize::MAX`: last); returns the copy's id.
    pub fn import(&mut self, src: &Tree, id: usize, parent: usize, pos: usize) -> usize {
        let mut n = src.nodes[id].clone();
        n.children.clear();
        let top = self.insert(parent, pos, n);
        let mut work: Vec<(usize, usize)> = vec![(id, top)];
        while let Some((from, to)) = work.pop() {
            for &c in &src.nodes[from].children {
                let mut n = src.nodes[c].clone();
                n.children.clear();
                let nc = self.append(to, n);
                work.push((c, nc));
            }
        }
        top
    }

    /// Is `a` the node `b` or one of its ancestors?
    pub fn is_ancestor_or_self(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            cur = self.nodes[c].parent;
        }
        false
    }

    /// Every node below `id` in document order (not `id` itself).
    pub fn descendants(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
        out
    }

    /// The position of each live node in document order (for sorting node sets).
    pub fn order(&self) -> Vec<usize> {
        let mut pos = vec![usize::MAX; self.nodes.len()];
        pos[DOC] = 0;
        for (i, n) in self.descendants(DOC).into_iter().enumerate() {
            pos[n] = i + 1;
        }
        pos
    }
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

/// Is `s` a valid XML name (`Name` production, ASCII-strict at the start: a
/// letter, `_` or `:`, then letters, digits, `.`, `-`, `_`, `:`)?
pub fn valid_name(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == ':' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '\u{B7}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_remove_and_import() {
        let mut t = Tree::new();
        let r = t.append(DOC, Node::new(Kind::Element, "r", ""));
        let a = t.append(r, Node::new(Kind::Element, "a", ""));
        t.append(a, Node::new(Kind::Text, "", "x"));
        assert_eq!(t.root(), Some(r));
        assert_eq!(t.value(a), "x");
        let before = t.nodes.len();
        t.set_value(a, "y", Kind::Text);
        assert_eq!((t.value(a), t.nodes.len()), ("y".to_string(), before));
        t.set_value(a, "z", Kind::CData);
        assert_eq!((t.value(a), t.cdata(a)), (String::new(), "z".to_string()));
        t.set_value(a, "x", Kind::Text);
        let mut u = Tree::new();
        let ur = u.append(DOC, Node::new(Kind::Element, "u", ""));
        let c = u.import(&t, a, ur, usize::MAX);
        assert_eq!(u.value(c), "x");
        t.remove(a);
        assert!(!t.is_alive(a));
        assert_eq!(t.elements(r).count(), 0);
        let b = t.append(r, Node::new(Kind::Element, "b", ""));
        t.append(r, Node::new(Kind::Comment, "", "c"));
        let d = t.append(r, Node::new(Kind::Element, "d", ""));
        assert_eq!(t.sibling_element(b, true), Some(d));
        assert_eq!(t.sibling_element(d, false), Some(b));
        assert_eq!(t.sibling_element(d, true), None);
        assert_eq!(t.nth_named(r, "d", 1, false), Some(d));
        assert_eq!(t.nth_named(r, "D", 1, true), Some(d));
        assert_eq!(t.nth_named(r, "D", 1, false), None);
        assert_eq!(t.nth_named(r, "b", 2, false), None);
        assert!(valid_name("a:b-c.d"));
        assert!(!valid_name("1abc"));
        assert!(!valid_name("a b"));
    }
}
