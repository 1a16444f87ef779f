//! Unit tests of the scheduler: process switching and the process table.

use super::*;

#[test]
fn parked_processes_are_skipped_until_woken() {
    let mut s = Sched::default();
    for i in 1..200 {
        s.procs.push(Proc::new(&format!("p{i}"), 0));
    }
    for i in 0..200 {
        s.procs[i].state = State::Idle;
        s.park_if_idle(i);
    }
    let all = |_: usize| true;
    assert_eq!(s.first_unparked(0, 200, false, all), None);
    // a full scan sees every process
    assert_eq!(s.first_unparked(5, 200, true, all), Some(5));
    // a process with mail is never parked; a woken one is seen again
    s.procs[150].host_mail.push_back(Box::new(()));
    s.wake(150);
    assert_eq!(s.first_unparked(0, 200, false, all), Some(150));
    s.procs[70].mailbox.push_back(Default::default());
    s.park_if_idle(70);
    s.wake(70);
    assert_eq!(s.first_unparked(0, 200, false, all), Some(70));
    assert_eq!(s.first_unparked(71, 200, false, all), Some(150));
}
