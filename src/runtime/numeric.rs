//! Pure numeric functions shared by the math commands (`commands::math`) and the
//! fast path (`runtime::fast`), so that both compute exactly the same results.

/// `Mod(x; y)`: the remainder of the rounded operands (`None`: the divisor rounds to
/// zero). Shared with the fast path (`runtime::fast`).
#[inline]
pub fn mod_reals(x: f64, y: f64) -> Option<f64> {
    let (x, y) = (x.round(), y.round());
    if y == 0.0 {
        return None;
    }
    // Integral operands within 2^53: integer remainder (exact, as `%` on reals,
    // which software `fmod` computes slowly); a zero result keeps the sign of x.
    const EXACT: f64 = 9007199254740992.0;
    if x.abs() < EXACT && y.abs() < EXACT {
        let r = ((x as i64) % (y as i64)) as f64;
        return Some(if r == 0.0 { 0.0f64.copysign(x) } else { r });
    }
    Some(x % y)
}
/// The one-number math commands as pure functions: the commands and the fast path
/// (`runtime::fast`) compute them here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Math1 {
    Abs,
    Int,
    Dec,
    Sqrt,
    Exp,
    Log,
    Sin,
    Cos,
    Tan,
    Arctan,
}

impl Math1 {
    /// The command of that name (as `CommandDef::name` spells it).
    pub fn by_name(name: &str) -> Option<Math1> {
        Some(match name {
            "Abs" => Math1::Abs,
            "Int" => Math1::Int,
            "Dec" => Math1::Dec,
            "Square root" => Math1::Sqrt,
            "Exp" => Math1::Exp,
            "Log" => Math1::Log,
            "Sin" => Math1::Sin,
            "Cos" => Math1::Cos,
            "Tan" => Math1::Tan,
            "Arctan" => Math1::Arctan,
            _ => return None,
        })
    }

    #[inline]
    pub fn apply(self, x: f64) -> f64 {
        match self {
            Math1::Abs => x.abs(),
            Math1::Int => x.floor(),
            Math1::Dec => x - x.trunc(),
            Math1::Sqrt => x.sqrt(),
            Math1::Exp => x.exp(),
            Math1::Log => x.ln(),
            Math1::Sin => x.sin(),
            Math1::Cos => x.cos(),
            Math1::Tan => x.tan(),
            Math1::Arctan => x.atan(),
        }
    }
}
