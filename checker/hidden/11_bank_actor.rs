//! Hidden tests for exercise 11, the bank actor.

use bank_actor::{Bank, BankError};
use grading::{test, within};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    grading::main(&[
        test("opening_balances_and_total", opening_balances_and_total).limit_ms(5_000),
        test("transfer_moves_money", transfer_moves_money).limit_ms(5_000),
        test(
            "overdraft_is_refused_with_details",
            overdraft_is_refused_with_details,
        )
        .limit_ms(5_000),
        test(
            "transfer_of_whole_balance_succeeds",
            transfer_of_whole_balance_succeeds,
        )
        .limit_ms(5_000),
        test(
            "same_account_transfer_changes_nothing",
            same_account_transfer_changes_nothing,
        )
        .limit_ms(5_000),
        test(
            "bad_account_is_reported_as_no_such_account",
            bad_account_is_reported_as_no_such_account,
        )
        .limit_ms(8_000),
        test(
            "bank_survives_bad_account_numbers",
            bank_survives_bad_account_numbers,
        )
        .limit_ms(8_000),
        test(
            "failed_transfer_changes_nothing",
            failed_transfer_changes_nothing,
        )
        .limit_ms(5_000),
        test("bank_with_no_accounts", bank_with_no_accounts).limit_ms(5_000),
        test(
            "transfers_match_a_simple_model",
            transfers_match_a_simple_model,
        )
        .limit_ms(8_000),
        test(
            "total_never_changes_while_transfers_run",
            total_never_changes_while_transfers_run,
        )
        .limit_ms(10_000)
        .on_timeout(
            "the concurrent transfers never finished: is a request waiting for an answer the \
             actor never sends, or is the actor stuck?",
        ),
        test(
            "concurrent_transfers_never_overdraw",
            concurrent_transfers_never_overdraw,
        )
        .limit_ms(10_000)
        .on_timeout(
            "the concurrent transfers never finished: is a request waiting for an answer the \
             actor never sends, or is the actor stuck?",
        ),
        test(
            "dropped_banks_end_their_threads",
            dropped_banks_end_their_threads,
        )
        .limit_ms(8_000)
        .on_timeout("the test never finished: does `total` wait for an answer that never comes?"),
        test("idle_bank_does_not_spin", idle_bank_does_not_spin).limit_ms(5_000),
    ]);
}

/// Fails to compile unless the handle can be cloned, moved to and shared between threads.
fn bank_must_be_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

/// How long one request may take before the test calls it a hang (a correct one takes
/// microseconds).
const CALL_LIMIT: Duration = Duration::from_secs(2);

/// Runs `f` on a clone of `bank` in a helper thread, turning a hang or a panic into a failure
/// that names the call (`what`) and the likely cause.
fn call<T: Send + 'static>(
    bank: &Bank,
    what: &str,
    f: impl FnOnce(&Bank) -> T + Send + 'static,
) -> T {
    let bank = bank.clone();
    let hang = format!(
        "`{what}` got no answer within {CALL_LIMIT:?}. Is the actor thread dead or stuck while \
         the handle waits on its reply channel? A handle should return Err(BankError::Closed) \
         when the actor is gone, never wait forever."
    );
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        within(CALL_LIMIT, &hang, move || f(&bank))
    }));
    match outcome {
        Ok(value) => value,
        Err(payload) => {
            let message = grading::payload_text(&*payload);
            if message == hang {
                panic!("{message}");
            }
            panic!(
                "`{what}` panicked: {message}. (When the actor has died, a handle should return \
                 Err(BankError::Closed) instead of panicking.)"
            )
        }
    }
}

/// Unwraps an answer that must be Ok, explaining the usual reason when it is not.
fn ok<T: std::fmt::Debug>(result: Result<T, BankError>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(BankError::Closed) => panic!(
            "`{what}` returned Err(Closed), so the actor thread has stopped while handles still \
             exist. Did an earlier request panic it (a Vec indexed with a bad account number, \
             or a balance subtracted below zero)?"
        ),
        Err(e) => panic!("`{what}` should have succeeded, but returned Err({e:?})"),
    }
}

fn assert_balances(bank: &Bank, expected: &[u64], context: &str) {
    for (account, &want) in expected.iter().enumerate() {
        let got = ok(bank.balance(account), &format!("balance({account})"));
        assert_eq!(
            got, want,
            "{context}: account {account} should hold {want}, but balance({account}) is {got}"
        );
    }
    let total = ok(bank.total(), "total()");
    let want: u64 = expected.iter().sum();
    assert_eq!(
        total, want,
        "{context}: total() should be {want}, but it is {total}"
    );
}

fn opening_balances_and_total() {
    bank_must_be_send_sync_clone::<Bank>();
    let bank = Bank::spawn(5, 100);
    assert_balances(&bank, &[100; 5], "a new bank with 5 accounts of 100");
    let clone = bank.clone();
    let seen = thread::spawn(move || clone.total())
        .join()
        .expect("a thread using a cloned Bank panicked");
    assert_eq!(
        seen,
        Ok(500),
        "a clone used on another thread must see the same bank"
    );
}

fn transfer_moves_money() {
    let bank = Bank::spawn(4, 100);
    ok(bank.transfer(0, 1, 30), "transfer(0, 1, 30)");
    assert_balances(&bank, &[70, 130, 100, 100], "after transfer(0, 1, 30)");
    let clone = bank.clone();
    thread::spawn(move || ok(clone.transfer(3, 0, 45), "transfer(3, 0, 45) from a clone"))
        .join()
        .expect("a thread using a cloned Bank panicked");
    assert_balances(
        &bank,
        &[115, 130, 100, 55],
        "after transfer(0, 1, 30) and, through a clone, transfer(3, 0, 45)",
    );
}

fn overdraft_is_refused_with_details() {
    let bank = Bank::spawn(3, 100);
    ok(bank.transfer(0, 2, 40), "transfer(0, 2, 40)");
    let got = bank.transfer(0, 1, 61);
    assert_eq!(
        got,
        Err(BankError::InsufficientFunds {
            account: 0,
            balance: 60,
            requested: 61
        }),
        "account 0 holds 60, so transfer(0, 1, 61) must be refused with InsufficientFunds \
         naming the account it would come FROM, that account's balance, and the amount asked \
         for"
    );
    assert_balances(&bank, &[60, 100, 140], "after a refused overdraft");
}

fn transfer_of_whole_balance_succeeds() {
    let bank = Bank::spawn(3, 100);
    let got = bank.transfer(2, 0, 100);
    assert_eq!(
        got,
        Ok(()),
        "account 2 holds exactly 100, so transfer(2, 0, 100) must succeed: is the funds check \
         off by one (refusing when the balance EQUALS the amount)?"
    );
    assert_balances(
        &bank,
        &[200, 100, 0],
        "after moving all of account 2's money",
    );
    assert_eq!(
        bank.transfer(2, 1, 0),
        Ok(()),
        "a transfer of 0 from an empty account must succeed (the balance covers it)"
    );
    assert_eq!(
        bank.transfer(2, 1, 1),
        Err(BankError::InsufficientFunds {
            account: 2,
            balance: 0,
            requested: 1
        }),
        "an empty account cannot send 1"
    );
    assert_balances(
        &bank,
        &[200, 100, 0],
        "after a transfer of 0 and a refused one",
    );
}

fn same_account_transfer_changes_nothing() {
    let bank = Bank::spawn(2, 100);
    assert_eq!(
        bank.transfer(1, 1, 60),
        Ok(()),
        "a transfer from account 1 to itself that the balance covers must succeed"
    );
    let balance = ok(bank.balance(1), "balance(1)");
    assert_eq!(
        balance, 100,
        "after transfer(1, 1, 60), account 1 must still hold 100, but it holds {balance}: were \
         both balances read first and written back after (the credit then overwrites the \
         debit)?"
    );
    assert_eq!(
        bank.transfer(1, 1, 101),
        Err(BankError::InsufficientFunds {
            account: 1,
            balance: 100,
            requested: 101
        }),
        "a transfer to the same account still needs the balance to cover it"
    );
    assert_balances(
        &bank,
        &[100, 100],
        "after two transfers from an account to itself",
    );
}

/// One request to a fresh bank, its answer reduced to success or the error.
type Request = fn(&Bank) -> Result<(), BankError>;

fn bad_account_is_reported_as_no_such_account() {
    // A fresh bank for every case, so one crash cannot hide behind another.
    let cases: [(&str, Request, BankError); 7] = [
        (
            "balance(3)",
            |b| b.balance(3).map(drop),
            BankError::NoSuchAccount(3),
        ),
        (
            "balance(usize::MAX)",
            |b| b.balance(usize::MAX).map(drop),
            BankError::NoSuchAccount(usize::MAX),
        ),
        (
            "transfer(3, 0, 1)",
            |b| b.transfer(3, 0, 1),
            BankError::NoSuchAccount(3),
        ),
        (
            "transfer(0, 3, 1)",
            |b| b.transfer(0, 3, 1),
            BankError::NoSuchAccount(3),
        ),
        (
            "transfer(0, 7, 0)",
            |b| b.transfer(0, 7, 0),
            BankError::NoSuchAccount(7),
        ),
        (
            "transfer(0, 9, 1000) (bad account AND too much)",
            |b| b.transfer(0, 9, 1000),
            BankError::NoSuchAccount(9),
        ),
        (
            "transfer(5, 9, 1) (both accounts bad)",
            |b| b.transfer(5, 9, 1),
            BankError::NoSuchAccount(5),
        ),
    ];
    for (what, request, expected) in cases {
        let bank = Bank::spawn(3, 100);
        let got = call(&bank, what, request);
        assert_eq!(
            got,
            Err(expected.clone()),
            "a bank with accounts 0..3 must answer `{what}` with Err({expected:?}); the checks \
             go in order: `from`, then `to`, then the funds"
        );
    }
}

fn bank_survives_bad_account_numbers() {
    let bank = Bank::spawn(3, 100);
    // The answers are checked by another test; here only what comes after matters.
    let _ = call(&bank, "balance(3)", |b| b.balance(3));
    let _ = call(&bank, "transfer(0, 4, 10)", |b| b.transfer(0, 4, 10));
    let _ = call(&bank, "transfer(8, 1, 10)", |b| b.transfer(8, 1, 10));
    let after = "after requests with bad account numbers";
    let got = call(&bank, "balance(0)", |b| b.balance(0));
    assert_eq!(
        ok(got, &format!("balance(0) {after}")),
        100,
        "{after}, account 0 should still hold 100"
    );
    let got = call(&bank, "transfer(0, 1, 10)", |b| b.transfer(0, 1, 10));
    ok(got, &format!("transfer(0, 1, 10) {after}"));
    let got = call(&bank, "total()", |b| b.total());
    assert_eq!(
        ok(got, &format!("total() {after}")),
        300,
        "{after}, the total must still be 300"
    );
}

fn failed_transfer_changes_nothing() {
    let bank = Bank::spawn(3, 100);
    let got = call(&bank, "transfer(0, 5, 10)", |b| b.transfer(0, 5, 10));
    assert_eq!(
        got,
        Err(BankError::NoSuchAccount(5)),
        "account 5 does not exist"
    );
    let got = call(&bank, "balance(0)", |b| b.balance(0));
    let balance = ok(got, "balance(0)");
    assert_eq!(
        balance, 100,
        "transfer(0, 5, 10) failed because account 5 does not exist, yet account 0 went from \
         100 to {balance}: the money left and never arrived. Check every account and the funds \
         BEFORE changing any balance."
    );
    let got = call(&bank, "transfer(1, 2, 500)", |b| b.transfer(1, 2, 500));
    assert!(
        matches!(got, Err(BankError::InsufficientFunds { .. })),
        "transfer(1, 2, 500) from an account holding 100 must be refused, got {got:?}"
    );
    assert_balances(&bank, &[100, 100, 100], "after two failed transfers");
}

fn bank_with_no_accounts() {
    let bank = Bank::spawn(0, 50);
    let got = call(&bank, "total() of a bank with no accounts", |b| b.total());
    assert_eq!(got, Ok(0), "a bank with no accounts holds 0 in total");
    let got = call(&bank, "balance(0) with no accounts", |b| b.balance(0));
    assert_eq!(
        got,
        Err(BankError::NoSuchAccount(0)),
        "with no accounts, account 0 does not exist"
    );
    let got = call(&bank, "transfer(0, 0, 0) with no accounts", |b| {
        b.transfer(0, 0, 0)
    });
    assert_eq!(
        got,
        Err(BankError::NoSuchAccount(0)),
        "with no accounts, account 0 does not exist, whatever the amount"
    );
    let got = call(
        &bank,
        "total() after requests to a bank with no accounts",
        |b| b.total(),
    );
    assert_eq!(got, Ok(0), "the empty bank must keep answering");
}

/// A small deterministic generator (xorshift64*), so every run tries the same requests.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
    }
}

/// What the bank should answer, computed the plain way.
fn model_transfer(
    balances: &mut [u64],
    from: usize,
    to: usize,
    amount: u64,
) -> Result<(), BankError> {
    let n = balances.len();
    if from >= n {
        return Err(BankError::NoSuchAccount(from));
    }
    if to >= n {
        return Err(BankError::NoSuchAccount(to));
    }
    if balances[from] < amount {
        return Err(BankError::InsufficientFunds {
            account: from,
            balance: balances[from],
            requested: amount,
        });
    }
    balances[from] -= amount;
    balances[to] += amount;
    Ok(())
}

fn transfers_match_a_simple_model() {
    let accounts = 6;
    let bank = Bank::spawn(accounts, 100);
    let mut model = vec![100u64; accounts];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for step in 0..1_500 {
        // Mostly valid accounts, some bad ones; amounts that are 0, exact, or anything.
        let from = rng.below(accounts as u64 + 2) as usize;
        let to = rng.below(accounts as u64 + 2) as usize;
        let amount = match rng.below(10) {
            0 => 0,
            1 => model.get(from).copied().unwrap_or(5),
            _ => rng.below(150),
        };
        let before = model.clone();
        let want = model_transfer(&mut model, from, to, amount);
        let got = bank.transfer(from, to, amount);
        assert_eq!(
            got, want,
            "request {step}: transfer({from}, {to}, {amount}) with balances {before:?} \
             should give {want:?}"
        );
        if step % 100 == 99 {
            assert_balances(&bank, &model, &format!("after {} transfers", step + 1));
        }
    }
}

/// Runs `f` on `n` threads released together; a panic in any of them fails the test with
/// that thread's message.
fn run_together(n: usize, f: impl Fn(usize, &Barrier) + Send + Sync + 'static) {
    let f = Arc::new(f);
    let barrier = Arc::new(Barrier::new(n));
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let (f, barrier) = (f.clone(), barrier.clone());
            thread::spawn(move || f(i, &barrier))
        })
        .collect();
    for t in threads {
        if let Err(payload) = t.join() {
            std::panic::resume_unwind(payload);
        }
    }
}

/// Checks one answer of a transfer made while other threads use the bank.
fn check_concurrent_transfer(got: Result<(), BankError>, from: usize, to: usize, amount: u64) {
    match got {
        Ok(()) => {}
        Err(BankError::InsufficientFunds {
            account,
            balance,
            requested,
        }) => assert!(
            account == from && requested == amount && balance < amount,
            "transfer({from}, {to}, {amount}) was refused with InsufficientFunds {{ account: \
             {account}, balance: {balance}, requested: {requested} }}: the fields must name \
             `from`, its balance (which is below the amount) and the amount"
        ),
        Err(e) => ok(Err(e), &format!("transfer({from}, {to}, {amount})")),
    }
}

fn total_never_changes_while_transfers_run() {
    const ACCOUNTS: usize = 8;
    const OPENING: u64 = 1_000;
    const TOTAL: u64 = ACCOUNTS as u64 * OPENING;
    const MOVERS: usize = 4;
    const OBSERVERS: usize = 3;
    let bank = Bank::spawn(ACCOUNTS, OPENING);
    let movers_done = Arc::new(AtomicUsize::new(0));
    let moved = Arc::new(AtomicUsize::new(0));
    let looks_during = Arc::new(AtomicUsize::new(0));
    {
        let (bank, movers_done, moved, looks_during) = (
            bank.clone(),
            movers_done.clone(),
            moved.clone(),
            looks_during.clone(),
        );
        run_together(MOVERS + OBSERVERS, move |i, start| {
            start.wait();
            if i < MOVERS {
                let mut rng = Rng(0x1234_5678 + i as u64);
                for _ in 0..800 {
                    let from = rng.below(ACCOUNTS as u64) as usize;
                    let to = rng.below(ACCOUNTS as u64) as usize;
                    let amount = 1 + rng.below(400);
                    let got = bank.transfer(from, to, amount);
                    if got.is_ok() {
                        moved.fetch_add(1, Ordering::Relaxed);
                    }
                    check_concurrent_transfer(got, from, to, amount);
                }
                movers_done.fetch_add(1, Ordering::SeqCst);
            } else {
                let mut looks = 0;
                while looks < 100 || movers_done.load(Ordering::SeqCst) < MOVERS {
                    looks += 1;
                    let total = ok(bank.total(), "total()");
                    assert_eq!(
                        total, TOTAL,
                        "while other threads were transferring, total() answered {total} \
                         instead of {TOTAL}: money was seen in neither account or in both. \
                         Is a transfer done as two requests (withdraw, then deposit), or is \
                         total() adding up separate balance() answers? Each must be ONE \
                         request the actor handles start to finish."
                    );
                    let account = looks % ACCOUNTS;
                    let balance = ok(bank.balance(account), &format!("balance({account})"));
                    assert!(
                        balance <= TOTAL,
                        "balance({account}) answered {balance}, more than all the money in \
                         the bank ({TOTAL}): did a balance go below zero and wrap around?"
                    );
                    if movers_done.load(Ordering::SeqCst) < MOVERS {
                        looks_during.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        });
    }
    assert!(
        moved.load(Ordering::Relaxed) > 0,
        "not one of 3200 random transfers succeeded"
    );
    let sum: u64 = (0..ACCOUNTS)
        .map(|a| ok(bank.balance(a), &format!("balance({a})")))
        .sum();
    assert_eq!(
        sum, TOTAL,
        "after the concurrent transfers the balances add up to {sum} instead of {TOTAL}: \
         money was created or destroyed"
    );
    assert_eq!(
        ok(bank.total(), "total()"),
        TOTAL,
        "total() after the transfers"
    );
    // Not a check on the learner: it keeps this test from passing without having looked.
    assert!(
        looks_during.load(Ordering::Relaxed) > 0,
        "internal: the observers never looked while transfers were running"
    );
}

fn concurrent_transfers_never_overdraw() {
    // Two accounts of 50 and six threads moving 10..=30 back and forth: the balances are
    // often too low, and two threads often race for the same money. Two more threads watch
    // the balances the whole time, since an overdrawn `u64` may wrap around and come back.
    const MOVERS: usize = 6;
    let bank = Bank::spawn(2, 50);
    let movers_done = Arc::new(AtomicUsize::new(0));
    {
        let (bank, movers_done) = (bank.clone(), movers_done.clone());
        run_together(MOVERS + 2, move |i, start| {
            start.wait();
            if i < MOVERS {
                let mut rng = Rng(0xABCD_0000 + i as u64);
                for _ in 0..400 {
                    let from = i % 2;
                    let amount = 10 + rng.below(21);
                    let got = bank.transfer(from, 1 - from, amount);
                    check_concurrent_transfer(got, from, 1 - from, amount);
                }
                movers_done.fetch_add(1, Ordering::SeqCst);
                return;
            }
            while movers_done.load(Ordering::SeqCst) < MOVERS {
                let account = i % 2;
                let balance = ok(bank.balance(account), &format!("balance({account})"));
                assert!(
                    balance <= 100,
                    "while six threads moved money between two accounts of 50, \
                     balance({account}) answered {balance}, more than the 100 in the whole \
                     bank: an account was overdrawn (a `u64` below zero wraps around). Is the \
                     balance checked in one request and the money moved in another? Another \
                     thread's transfer can slip in between: the check and the move must be \
                     one request."
                );
            }
        });
    }
    let a = ok(bank.balance(0), "balance(0)");
    let b = ok(bank.balance(1), "balance(1)");
    assert!(
        a <= 100 && b <= 100 && a.checked_add(b) == Some(100),
        "after six threads moved money between two accounts of 50, they hold {a} and {b} \
         instead of two amounts adding up to 100: an account was overdrawn. Is the balance \
         checked in one request and the money moved in another? Another thread's transfer \
         can slip in between: the check and the move must be one request."
    );
    assert_eq!(
        ok(bank.total(), "total()"),
        100,
        "total() after the transfers"
    );
}

fn dropped_banks_end_their_threads() {
    let before = grading::live_threads();
    let banks: Vec<Bank> = (0..40).map(|_| Bank::spawn(2, 10)).collect();
    for bank in &banks {
        let got = call(bank, "total()", |b| b.total());
        assert_eq!(ok(got, "total()"), 20, "a bank of 2 accounts of 10");
    }
    drop(banks);
    let Some(before) = before else {
        return; // Not Linux: threads cannot be counted here.
    };
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut now = grading::live_threads().unwrap_or(before);
    while now > before + 2 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
        now = grading::live_threads().unwrap_or(before);
    }
    assert!(
        now <= before + 2,
        "40 banks were made and every handle dropped, but 3 s later {} more threads are still \
         running than before: the actor threads never end. Does the actor keep a Sender of its \
         own (so its channel never disconnects), or loop on after the channel disconnects?",
        now - before
    );
}

fn idle_bank_does_not_spin() {
    let bank = Bank::spawn(3, 10);
    let got = call(&bank, "total()", |b| b.total());
    assert_eq!(got, Ok(30), "a bank of 3 accounts of 10");
    grading::assert_idle_threads_do_not_spin("bank");
    let got = call(&bank, "total() after an idle pause", |b| b.total());
    assert_eq!(
        got,
        Ok(30),
        "the bank must still answer after an idle pause"
    );
}
