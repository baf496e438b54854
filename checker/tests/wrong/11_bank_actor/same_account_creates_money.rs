//! mistake: both balances are read, then written back: a transfer to the same account creates money
//! expect: failed
//! caught-by: same_account_transfer_changes_nothing

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
        let balances = vec![opening_balance; accounts];
        thread::spawn(move || serve(balances, rx));
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
        self.ask(|reply| Request::Total { reply })
    }

    fn ask<T>(&self, request: impl FnOnce(Sender<T>) -> Request) -> Result<T, BankError> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(request(reply_tx))
            .map_err(|_| BankError::Closed)?;
        reply_rx.recv().map_err(|_| BankError::Closed)
    }
}

fn serve(mut balances: Vec<u64>, inbox: Receiver<Request>) {
    for request in inbox {
        match request {
            Request::Balance { account, reply } => {
                let _ = reply.send(balance(&balances, account));
            }
            Request::Transfer {
                from,
                to,
                amount,
                reply,
            } => {
                let _ = reply.send(transfer(&mut balances, from, to, amount));
            }
            Request::Total { reply } => {
                let _ = reply.send(balances.iter().sum());
            }
        }
    }
}

fn balance(balances: &[u64], account: usize) -> Result<u64, BankError> {
    balances
        .get(account)
        .copied()
        .ok_or(BankError::NoSuchAccount(account))
}

fn transfer(balances: &mut [u64], from: usize, to: usize, amount: u64) -> Result<(), BankError> {
    let available = balance(balances, from)?;
    balance(balances, to)?;
    if available < amount {
        return Err(BankError::InsufficientFunds {
            account: from,
            balance: available,
            requested: amount,
        });
    }
    let target = balances[to];
    balances[from] = available - amount;
    balances[to] = target + amount;
    Ok(())
}
