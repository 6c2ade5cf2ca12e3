-- Where a loan is in collections, as its workflow told it (DelinquencyStage): CURRENT until it is
-- late, then LATE, OVERDUE, COLLECTIONS and DEFAULTED at the configured days past due. Loans
-- started before the stages existed stay CURRENT.
alter table loans add column delinquency_stage text not null default 'CURRENT';
