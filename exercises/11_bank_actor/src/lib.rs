//! Exercise 11: a bank actor.
//!
//! One thread, the *actor*, owns the balances of `accounts` accounts, numbered
//! `0..accounts`. Every other thread holds a [`Bank`] handle and sends the actor requests;
//! each request waits for the actor's answer. Because the actor handles one request at a time,
//! nobody can ever catch the balances halfway through a change.
//!
//! What the checker expects:
//!
//! * Every account starts with `opening_balance`. The caller promises that
//!   `accounts * opening_balance` fits in a `u64`, so no sum can overflow.
//! * An account number outside `0..accounts` is answered with
//!   `Err(BankError::NoSuchAccount(number))`, and the bank carries on: later requests are
//!   answered normally. (A `Vec` indexed with a bad number panics, and a panic ends the actor.)
//! * `transfer` checks, in this order: `from` exists, `to` exists, then `from`'s balance covers
//!   `amount`. The first check that fails is the error, and a failed transfer changes nothing.
//!   Moving exactly the whole balance is allowed; moving 0 always succeeds (between existing
//!   accounts). A transfer to the same account succeeds when the balance covers the amount, and
//!   changes nothing.
//! * Atomic: no thread ever sees the money of a transfer in neither account or in both, so
//!   `total()` stays the same while many threads transfer at once.
//! * `Err(BankError::Closed)` means the actor is no longer there to answer (it can only stop
//!   by panicking, which is a bug). A handle never panics or hangs because of that.
//! * The actor thread ends once every `Bank` handle (clones included) has been dropped, and
//!   while idle it sleeps in a blocking receive instead of polling.
//!
//! The private parts below are a suggestion: you may change them, but not the public items.

use crossbeam_channel::Sender;

/// Why the bank refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    /// The account number is not in `0..accounts`.
    NoSuchAccount(usize),
    /// `account` holds `balance`, which is less than the `requested` amount.
    InsufficientFunds {
        account: usize,
        balance: u64,
        requested: u64,
    },
    /// The actor thread is gone, so the request could not be answered.
    Closed,
}

/// The requests the actor understands. Add the variants you need.
enum Request {}

/// A handle to the bank actor. Cheap to clone; every clone talks to the same actor.
///
/// It must be `Send + Sync + Clone` (the checker verifies this at compile time).
#[derive(Clone)]
pub struct Bank {
    tx: Sender<Request>,
}

impl Bank {
    /// Starts the actor thread with `accounts` accounts (numbered `0..accounts`; 0 accounts is
    /// allowed), each holding `opening_balance`.
    pub fn spawn(accounts: usize, opening_balance: u64) -> Bank {
        todo!()
    }

    /// The balance of `account`.
    pub fn balance(&self, account: usize) -> Result<u64, BankError> {
        todo!()
    }

    /// Moves `amount` from `from` to `to`, all at once or not at all.
    ///
    /// Errors, checked in this order: `NoSuchAccount(from)`, `NoSuchAccount(to)`, then
    /// `InsufficientFunds { account: from, balance: <from's balance>, requested: amount }`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), BankError> {
        todo!()
    }

    /// The sum of all balances, as one consistent snapshot (`Ok(0)` for a bank with no
    /// accounts).
    pub fn total(&self) -> Result<u64, BankError> {
        todo!()
    }
}
