-- The simulated bank of earlier versions kept its ledger in Avance's own tables, in Avance's
-- transaction. The bank simulator keeps its own books in its own schema (banksim) and Avance
-- knows its bank only through files (bank_messages, bank_entries): these tables are gone. What
-- they held was sandbox data of the old simulation, never a real bank's.
drop table bank_sandbox_rules;
drop table bank_transfers;
