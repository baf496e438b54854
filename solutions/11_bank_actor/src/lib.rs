//! Exercise 11, reference solution: a bank actor.
//!
//! The balances live in a `Ledger` owned by one thread. A transfer is ONE request, applied
//! by the actor from start to finish before it looks at the next request, which is what
//! makes it atomic: no other request can run between the debit and the credit.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    NoSuchAccount(usize),
    InsufficientFunds {
        account: usize,
        balance: u64,
        requested: u64,
    },
    Closed,
}

/// One request, carrying the one-shot channel its answer goes back on.
enum Request {
    Balance {
        account: usize,
        reply: Sender<Result<u64, BankError>>,
    },
    Transfer {
        from: usize,
        to: usize,
        amount: u64,
        reply: Sender<Result<(), BankError>>,
    },
    Total {
        reply: Sender<u64>,
    },
}

#[derive(Clone)]
pub struct Bank {
    tx: Sender<Request>,
}

impl Bank {
    pub fn spawn(accounts: usize, opening_balance: u64) -> Bank {
        let (tx, rx) = unbounded();
        let ledger = Ledger {
            balances: vec![opening_balance; accounts],
        };
        // The actor keeps only the Receiver: when the last Bank is dropped, the channel
        // disconnects, the loop in `serve` ends, and the thread goes away with it.
        thread::spawn(move || ledger.serve(rx));
        Bank { tx }
    }

    pub fn balance(&self, account: usize) -> Result<u64, BankError> {
        self.ask(|reply| Request::Balance { account, reply })?
    }

    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), BankError> {
        self.ask(|reply| Request::Transfer {
            from,
            to,
            amount,
            reply,
        })?
    }

    pub fn total(&self) -> Result<u64, BankError> {
        // One request, so the actor adds up the balances with no transfer in between. Adding
        // `balance(i)` answers instead would mix balances from different moments.
        self.ask(|reply| Request::Total { reply })
    }

    /// Sends a request built around a fresh reply channel and waits for the answer.
    ///
    /// Both ways this can fail mean the same thing: the actor's Receiver is gone (the send
    /// fails) or it dropped our reply Sender without answering (the receive fails). Either
    /// way the actor has died, and the caller gets `Closed` instead of a panic or a hang.
    fn ask<T>(&self, request: impl FnOnce(Sender<T>) -> Request) -> Result<T, BankError> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(request(reply_tx))
            .map_err(|_| BankError::Closed)?;
        reply_rx.recv().map_err(|_| BankError::Closed)
    }
}

/// The actor's state. Only the actor thread ever touches it.
struct Ledger {
    balances: Vec<u64>,
}

impl Ledger {
    fn serve(mut self, inbox: Receiver<Request>) {
        // A blocking loop: sleeps while there is nothing to do, ends on disconnection.
        for request in inbox {
            // A send fails only when the asker stopped waiting; the bank carries on.
            match request {
                Request::Balance { account, reply } => {
                    let _ = reply.send(self.balance(account));
                }
                Request::Transfer {
                    from,
                    to,
                    amount,
                    reply,
                } => {
                    let _ = reply.send(self.transfer(from, to, amount));
                }
                Request::Total { reply } => {
                    let _ = reply.send(self.balances.iter().sum());
                }
            }
        }
    }

    fn balance(&self, account: usize) -> Result<u64, BankError> {
        // `get`, never `[]`: a bad number from one caller must not panic the actor, which
        // would close the bank for everyone.
        self.balances
            .get(account)
            .copied()
            .ok_or(BankError::NoSuchAccount(account))
    }

    fn transfer(&mut self, from: usize, to: usize, amount: u64) -> Result<(), BankError> {
        // Every check comes before the first change, so a refused transfer leaves no trace.
        let available = self.balance(from)?;
        self.balance(to)?;
        if available < amount {
            return Err(BankError::InsufficientFunds {
                account: from,
                balance: available,
                requested: amount,
            });
        }
        // Debit, then credit, each reading the current value: for `from == to` the two cancel
        // out. (Reading both balances first and writing both back would create money.)
        self.balances[from] -= amount;
        self.balances[to] += amount;
        Ok(())
    }
}
