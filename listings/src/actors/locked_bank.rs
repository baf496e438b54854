//! The consistency problem an actor solves: a bank with one lock per account lets an
//! observer see a transfer half done.

use std::sync::Mutex;

// ANCHOR: locked_bank
pub struct LockedBank {
    accounts: Vec<Mutex<u64>>,
}

impl LockedBank {
    pub fn new(accounts: usize, opening_balance: u64) -> LockedBank {
        let accounts = (0..accounts).map(|_| Mutex::new(opening_balance)).collect();
        LockedBank { accounts }
    }

    /// Each step is safe on its own, yet the transfer as a whole is not atomic.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> bool {
        {
            let mut source = self.accounts[from].lock().unwrap();
            if *source < amount {
                return false;
            }
            *source -= amount;
        } // `from` is unlocked here: the money is now in neither account
        *self.accounts[to].lock().unwrap() += amount;
        true
    }

    pub fn balance(&self, account: usize) -> u64 {
        *self.accounts[account].lock().unwrap()
    }

    /// Locks one account at a time, so it can count money in flight twice or not at all.
    pub fn total(&self) -> u64 {
        self.accounts.iter().map(|a| *a.lock().unwrap()).sum()
    }
}
// ANCHOR_END: locked_bank

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::thread;
    use std::time::{Duration, Instant};

    #[test]
    fn transfers_move_money() {
        let bank = LockedBank::new(2, 100);
        assert!(bank.transfer(0, 1, 30));
        assert!(!bank.transfer(0, 1, 500), "no overdraft");
        assert_eq!(
            (bank.balance(0), bank.balance(1), bank.total()),
            (70, 130, 200)
        );
    }

    #[test]
    fn an_observer_can_see_a_transfer_half_done() {
        let bank = Arc::new(LockedBank::new(2, 100));
        // Freeze the transfer in its gap: while we hold account 1, it can take the money
        // out of account 0 but cannot put it into account 1.
        let frozen = bank.accounts[1].lock().unwrap();
        let transfer = {
            let bank = Arc::clone(&bank);
            thread::spawn(move || bank.transfer(0, 1, 30))
        };
        let start = Instant::now();
        while bank.balance(0) != 70 {
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "the transfer never started"
            );
            thread::sleep(Duration::from_millis(1));
        }
        // An observer now: account 0 as it is, account 1 as it is.
        let seen = bank.balance(0) + *frozen;
        assert_eq!(seen, 170, "30 of the 200 are in neither account");
        drop(frozen);
        assert!(transfer.join().unwrap());
        assert_eq!(bank.total(), 200);
    }
}
