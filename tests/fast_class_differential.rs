//! Compiled class functions (`runtime::fast`, properties read and assigned in
//! place, frameless member calls) against the tree-walker: random classes whose
//! functions compute over `This.x`, `This.y`, `This.f` and an object parameter's
//! properties, called in a loop by a script that now and then puts something else
//! than a number in a property (a text, `Null`, a removed property), so that the
//! compiled code gives back to the tree-walker, which goes on with the locals it
//! left (an undefined property read into a local, or tested by `If`, raises no
//! error), or an error is raised. Both ways
//! must print the same output and fail with the same error, location and call chain.

mod fastrun;
mod rngutil;
use fastrun::run_file;
use rngutil::Rng;

/// Generates one class (`Classes/Cp.4dm`) and its script (`main.4dm`).
struct ClassGen {
    rng: Rng,
}

const NUM_LEAVES: &[&str] = &[
    "This.x", "This.y", "$p.x", "$p.y", "$k", "$t", "1", "2.5", "-3", "$n",
];

impl ClassGen {
    fn num(&mut self, d: u32) -> String {
        if d == 0 || self.rng.chance(35) {
            return self.rng.word(NUM_LEAVES).to_string();
        }
        let a = self.num(d - 1);
        let b = self.num(d - 1);
        match self.rng.below(4) {
            0 => format!("({a}+{b})"),
            1 => format!("({a}-{b})"),
            2 => format!("({a}*0.5)"),
            _ => format!("({a}*{b})"),
        }
    }

    fn cond(&mut self) -> String {
        match self.rng.below(5) {
            0 => "This.f".into(),
            1 => "Not(This.f)".into(),
            2 => "$p.f".into(),
            3 => format!("({}>{})", self.num(1), self.num(1)),
            _ => format!("(This.f) & ({}<{})", self.num(1), self.num(1)),
        }
    }

    /// A statement of a class function (`nested`: inside a branch or a loop).
    fn stmt(&mut self, out: &mut String, indent: &str, nested: bool) {
        let n = self.num(2);
        match self.rng.below(11) {
            9 => {
                // undefined read into a local: 0, no error (the docs' "Null and Undefined")
                let p = self.rng.word(&["This.y", "$p.x", "This.x"]);
                out.push_str(&format!("{indent}$t:={p}\n"))
            }
            0 | 1 => out.push_str(&format!("{indent}This.x:={n}\n")),
            2 => out.push_str(&format!("{indent}This.y:={n}\n")),
            3 => out.push_str(&format!("{indent}$r:=$r+{n}\n")),
            4 => out.push_str(&format!("{indent}$t:={n}\n")),
            5 => out.push_str(&format!("{indent}This.x+={n}\n")),
            6 => {
                let c = self.rng.word(&["True", "False", "$k>2"]);
                out.push_str(&format!("{indent}This.f:={c}\n"))
            }
            7 if !nested => {
                out.push_str(&format!("{indent}If ({})\n", self.cond()));
                let inner = format!("{indent}\t");
                self.stmt(out, &inner, true);
                if self.rng.chance(50) {
                    out.push_str(&format!("{indent}Else\n"));
                    self.stmt(out, &inner, true);
                }
                out.push_str(&format!("{indent}End if\n"));
            }
            8 if !nested => {
                out.push_str(&format!(
                    "{indent}$n:=0\n{indent}While ($n<This.y) & ($n<5)\n"
                ));
                out.push_str(&format!("{indent}\t$n:=$n+1\n"));
                if self.rng.chance(40) {
                    self.stmt(out, &format!("{indent}\t"), true);
                }
                out.push_str(&format!("{indent}End while\n"));
            }
            _ => out.push_str(&format!("{indent}$r:={n}\n")),
        }
    }

    fn class(&mut self) -> String {
        let mut c = String::from(
            "Class constructor($a : Real; $b : Real)\n\tThis.x:=$a\n\tThis.y:=$b\n\tThis.f:=True\n",
        );
        for f in 1..=3 {
            c.push_str(&format!(
                "\nFunction f{f}($p : cs.Cp; $k : Real)->$r : Real\n\tvar $t : Real\n\tvar $n : Integer\n"
            ));
            for _ in 0..1 + self.rng.below(5) {
                self.stmt(&mut c, "\t", false);
            }
        }
        c
    }

    fn main(&mut self) -> String {
        let mut m = String::from(
            "var $a; $b : cs.Cp\nvar $i : Integer\nvar $s : Real\n$a:=cs.Cp.new(1; 2)\n$b:=cs.Cp.new(0.5; 3)\nFor ($i; 1; 6)\n",
        );
        for _ in 0..2 + self.rng.below(3) {
            let (o, p) = if self.rng.chance(50) {
                ("$a", "$b")
            } else {
                ("$b", "$a")
            };
            let f = 1 + self.rng.below(3);
            m.push_str(&format!("\t$s:=$s+{o}.f{f}({p}; $i)\n"));
            if self.rng.chance(50) {
                let when = 1 + self.rng.below(4);
                let what = self.rng.word(&[
                    "$a.y:=\"t\"",
                    "$b.x:=Null",
                    "OB REMOVE($a; \"y\")",
                    "$b.f:=1",
                    "$a.f:=Null",
                    "$b.y:=4",
                    "OB REMOVE($b; \"f\")",
                    "OB REMOVE($a; \"x\")",
                    "OB REMOVE($b; \"y\")",
                ]);
                m.push_str(&format!("\tIf ($i={when})\n\t\t{what}\n\tEnd if\n"));
            }
        }
        m.push_str(
            "End for\nALERT(String($s)+\" \"+JSON Stringify($a)+\" \"+JSON Stringify($b))\n",
        );
        m
    }
}

#[test]
fn compiled_class_functions_match_the_tree_walker() {
    let root = std::env::temp_dir().join(format!("fourd-fast-class-{}", std::process::id()));
    let (mut compiled_programs, mut errors) = (0, 0);
    let n = 400;
    for seed in 1..=n {
        let mut g = ClassGen {
            rng: Rng(0x2545_F491_4F6C_DD1D ^ (seed as u64 * 0x9E37_79B9)),
        };
        let dir = root.join(format!("p{seed}"));
        std::fs::create_dir_all(dir.join("Classes")).expect("temp dir");
        std::fs::write(dir.join("Classes/Cp.4dm"), g.class()).expect("write");
        std::fs::write(dir.join("main.4dm"), g.main()).expect("write");
        let main = dir.join("main.4dm");
        let ((slow, _), (fast, compiled)) = std::thread::Builder::new()
            .stack_size(1 << 28)
            .spawn(move || (run_file(&main, true), run_file(&main, false)))
            .expect("thread")
            .join()
            .expect("no panic");
        assert_eq!(
            slow,
            fast,
            "seed {seed} differs with the fast path: {}",
            dir.display()
        );
        compiled_programs += usize::from(compiled > 0);
        errors += usize::from(slow.contains("error"));
    }
    let _ = std::fs::remove_dir_all(&root);
    eprintln!(
        "{n} class programs: {compiled_programs} ran compiled code, {errors} ended with an error"
    );
    assert!(
        compiled_programs > n * 2 / 3,
        "only {compiled_programs} ran compiled code"
    );
    assert!(
        errors > 0 && errors < n * 3 / 5,
        "{errors} programs ended with an error"
    );
}
