-- Why a credit was parked (no reference, the loan had ended), for the operators who assign it.
alter table bank_incoming_credits add column parked_reason text;
