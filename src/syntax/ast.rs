//! The abstract syntax tree of a 4D method or class file.
//!
//! Every node carries the byte span of the source text it came from. The tree is
//! purely syntactic: a bare name such as `Foo` is a [`ExprKind::Name`] whatever it
//! turns out to be (process variable, command, constant, project method); the
//! resolver in `compile` decides.

use std::ops::Range;

/// Byte offsets into the source text.
pub type Span = Range<usize>;

/// A parsed `.4dm` file: a method, a database method or a class.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The JSON text of a `//%attributes = {...}` first line, if any.
    pub attributes: Option<String>,
    pub body: Block,
}

pub type Block = Vec<Stmt>;

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A name as written in the source, possibly made of several words
/// (`Current date`, `WEB LEGACY CLOSE SESSION`), with its token suffix if the
/// code is tokenized (`Length:C16`, `Is text:K8:3`).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The words of the name joined by single spaces, as written (case kept).
    pub text: String,
    pub suffix: Suffix,
    pub span: Span,
}

/// The token suffix that 4D writes after names in tokenized source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    None,
    /// `:C123` — a command number.
    Command(u32),
    /// `:K12:3` — a constant, by group and index (not its value).
    Constant(u32, u32),
    /// `:P1200:19` — a plug-in command.
    Plugin(u32, u32),
    /// `:3` — a table or field number (`[Table:3]Field:2`).
    Number(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `:=`
    Set,
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// `/=`
    Div,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// A call or any expression written as a statement (`ALERT("x")`, `MyMethod`,
    /// `$o.run()`).
    Expr(Expr),
    /// `target := value` and the compound forms.
    Assign {
        target: Expr,
        op: AssignOp,
        value: Expr,
    },
    If {
        cond: Expr,
        then_block: Block,
        else_block: Option<Block>,
    },
    /// `Case of` with `: (cond)` branches; the first true branch runs.
    Case {
        branches: Vec<CaseBranch>,
        else_block: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    Repeat {
        body: Block,
        until: Expr,
    },
    /// `For (var; start; end {; step})`.
    For {
        var: Expr,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Block,
    },
    /// `For each (item; source {; begin {; end}}) {While|Until (cond)}`.
    ForEach {
        item: Expr,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        condition: Option<LoopCondition>,
        body: Block,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    /// `Try ... Catch ... End try`.
    Try {
        body: Block,
        catch_block: Option<Block>,
    },
    /// `Use (shared) ... End use`.
    Use {
        target: Expr,
        body: Block,
    },
    /// `var $a; $b : Type := init`.
    Var {
        names: Vec<VarName>,
        ty: Option<TypeRef>,
        init: Option<Expr>,
    },
    /// `#DECLARE (params) -> $result : Type` or `#DECLARE (params) : Type`.
    Declare(Signature),
    /// `Begin SQL ... End SQL`, kept as opaque text.
    Sql(String),
    /// `Class extends Parent` (class files).
    ClassExtends(Vec<String>),
    /// `property a; b : Type := init` (class files).
    Property {
        names: Vec<Name>,
        ty: Option<TypeRef>,
        init: Option<Expr>,
    },
    /// `{exposed} Alias name path` (ORDA entity classes).
    Alias {
        name: String,
        path: String,
    },
    /// `Function`, `Function get/set`, `Class constructor` with the lines up to the
    /// next function or the end of the file.
    Function(Box<FunctionDef>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseBranch {
    pub cond: Expr,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoopCondition {
    /// Tested before each iteration.
    While(Expr),
    /// Tested after each iteration.
    Until(Expr),
}

/// A variable named in a `var` declaration: `$local`, a process variable or `<>x`.
#[derive(Debug, Clone, PartialEq)]
pub struct VarName {
    pub var: Expr,
}

/// A declared type: `Text`, `Integer`, ..., `cs.Person`, `4D.File`.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
    Variant,
    /// `cs.X`, `cs.ns.X`, `4D.File`: the dotted path as written.
    Class(Vec<String>),
}

/// Parameters and result of `#DECLARE`, `Function` or `Class constructor`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    pub params: Vec<Param>,
    /// `... : Type` as the last parameter (the type, `None` for Variant).
    pub variadic: Option<Option<TypeRef>>,
    pub result: Option<ResultDecl>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Without the `$`.
    pub name: String,
    pub ty: Option<TypeRef>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResultDecl {
    /// `-> $r : Type` names the result; `: Type` alone does not.
    pub name: Option<String>,
    pub ty: Option<TypeRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    Constructor,
    Normal,
    Get,
    Set,
    /// `Function event touched(...)`: an ORDA entity event.
    Event,
    /// `Function query attr($event)`: how a query on an ORDA computed attribute runs.
    Query,
    /// `Function orderBy attr($event)`: how an ORDA computed attribute sorts.
    OrderBy,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Modifiers {
    pub shared: bool,
    pub singleton: bool,
    pub session: bool,
    pub exposed: bool,
    pub local: bool,
    pub on_http_get: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub kind: FunctionKind,
    pub modifiers: Modifiers,
    /// Empty for a constructor.
    pub name: String,
    pub signature: Signature,
    pub body: Block,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// `\` integer division.
    IntDiv,
    /// `%` modulo (or keyword test on texts).
    Mod,
    /// `^` power.
    Pow,
    Eq,
    /// `#`
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^|`
    BitXor,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `?+`
    BitSet,
    /// `?-`
    BitClear,
    /// `??`
    BitTest,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Plus,
}

/// The bare markers some commands take as arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `*`
    Star,
    /// `>` (ascending)
    Greater,
    /// `<` (descending)
    Less,
    /// `&` (QUERY's conjunction)
    And,
    /// `|` (QUERY's disjunction)
    Or,
    /// `#` (QUERY's exception)
    Except,
    /// `=` passed bare (`QUERY BY ATTRIBUTE([T]; [T]f; "path"; =; "x@")`)
    Equal,
    /// `>=` passed bare
    GreaterEq,
    /// `<=` passed bare
    LessEq,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A decimal literal; 4D numeric literals are Real.
    Real(f64),
    /// A hexadecimal literal `0x00FF` (an Integer, wrapped to 32 bits).
    HexInt(i64),
    Text(String),
    /// `!2024-01-31!`; the null date is all zeros.
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
    /// `?12:30:00?` as seconds.
    Time(i64),
    /// `$name` (without the `$`).
    Local(String),
    /// `$1`, `$0`.
    Param(u32),
    /// `${expr}`.
    ParamIndirect(Box<Expr>),
    /// `<>name` (without the `<>`).
    Interprocess(String),
    /// A bare name: a process variable, a command or project method called
    /// without arguments, a constant...
    Name(Name),
    /// `Name(args)`: a command or a project method call with parentheses.
    Call {
        callee: Name,
        args: Vec<Expr>,
    },
    /// `expr(args)` where expr is a member access: `$o.f(1)`, `cs.X.new()`.
    Apply {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `[Table]`.
    Table(Name),
    /// `[Table]Field`.
    Field {
        table: Name,
        field: Name,
    },
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `cond ? a : b`.
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `expr.name`.
    Member(Box<Expr>, String),
    /// `expr[index]` (collection element or property by name).
    Index(Box<Expr>, Box<Expr>),
    /// `expr{index}` (array element); `expr{i}{j}` nests.
    Element(Box<Expr>, Box<Expr>),
    /// `expr[[index]]` (character of a text).
    CharAt(Box<Expr>, Box<Expr>),
    /// `->expr`: a pointer to a variable, array, element or field.
    MakePointer(Box<Expr>),
    /// `expr->`: what a pointer points to.
    Deref(Box<Expr>),
    /// `{a: 1; b: 2}`.
    Object(Vec<(String, Expr)>),
    /// `[1; 2]`.
    Collection(Vec<Expr>),
    /// `target := value` written as an argument (`APPLY TO SELECTION([T];
    /// [T]F:=0)`): a statement the command runs for each record.
    AssignArg {
        target: Box<Expr>,
        op: AssignOp,
        value: Box<Expr>,
    },
    /// A bare `*`, `>`, `<`, `&` or `|` passed as an argument.
    Marker(Marker),
    /// A parenthesised expression (kept so that printers and the resolver can tell
    /// `(a)` from `a`).
    Paren(Box<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }
}
